"""Query expansion shared by every backend: each typed word with its Turkish stems and its synonyms."""

from dataclasses import dataclass

from django.core.cache import cache

from portal.text import fold, turkish_lower, turkish_stems, words

CACHE_KEY = "search:synonyms:v1"
CACHE_SECONDS = 3600
MAX_TERMS = 10


@dataclass(frozen=True)
class Alternatives:
    """What one typed word (or a whole typed phrase) may match: single words and multi-word phrases."""

    words: tuple[str, ...]
    phrases: tuple[str, ...] = ()


def synonym_map() -> dict[str, tuple[str, ...]]:
    """Folded term -> every term of its groups (as editors wrote them), cached until a group changes."""
    mapping = cache.get(CACHE_KEY)
    if mapping is None:
        from .models import SynonymGroup

        mapping = {}
        for group in SynonymGroup.objects.all():
            terms = group.term_list
            for term in terms:
                mapping.setdefault(fold(term), set()).update(terms)
        mapping = {key: tuple(sorted(values)) for key, values in mapping.items()}
        cache.set(CACHE_KEY, mapping, CACHE_SECONDS)
    return mapping


def forget_synonyms(**kwargs) -> None:
    cache.delete(CACHE_KEY)


def word_variants(word: str) -> list[str]:
    """The word as typed (Turkish lower case), folded, and its stems."""
    return list(dict.fromkeys([turkish_lower(word), fold(word), *turkish_stems(word)]))


def expand(text: str) -> list[Alternatives]:
    """One Alternatives per typed word (at most MAX_TERMS); all must match, any alternative of each may.

    When the whole text is a synonym term ("65 yaş üstü"), it is one group of alternatives instead.
    """
    typed = words(text)[:MAX_TERMS]
    if not typed:
        return []
    synonyms = synonym_map()
    whole = synonyms.get(fold(" ".join(typed))) if len(typed) > 1 else None
    if whole:
        return [split_terms(whole)]
    groups = []
    for word in typed:
        found: set[str] = set()
        for variant in [word, *turkish_stems(word)]:
            found.update(synonyms.get(fold(variant), ()))
        extra = split_terms(tuple(found))
        variants = word_variants(word)
        for synonym in extra.words:
            variants += word_variants(synonym)
        groups.append(Alternatives(tuple(dict.fromkeys(variants)), extra.phrases))
    return groups


def split_terms(terms: tuple[str, ...]) -> Alternatives:
    single = [variant for term in terms if len(words(term)) == 1 for variant in word_variants(term)]
    phrases = [turkish_lower(term) for term in terms if len(words(term)) > 1]
    phrases += [fold(phrase) for phrase in phrases]
    return Alternatives(tuple(dict.fromkeys(single)), tuple(dict.fromkeys(phrases)))
