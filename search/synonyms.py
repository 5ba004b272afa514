"""Query expansion shared by every backend: each typed word with its Turkish stems and its synonyms."""

from dataclasses import dataclass

from django.core.cache import cache

from portal.text import fold, turkish_lower, turkish_stems, words
from practices.filters import DEFAULT_LANGUAGE

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
    """A synonym group was saved or deleted: queries expand differently, so kept results are stale too."""
    from .result_cache import documents_changed

    cache.delete(CACHE_KEY)
    documents_changed()


def stems(word: str, language: str) -> tuple[str, ...]:
    """A word's stems in a search language: Snowball English for "en", the Turkish chain otherwise."""
    if language == "en":
        from .store import english_stems

        return english_stems(word)
    return turkish_stems(word)


def word_variants(word: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The word as typed (Turkish lower case), folded, and its stems in the language."""
    return list(dict.fromkeys([turkish_lower(word), fold(word), *stems(word, language)]))


def expand(text: str, language: str = DEFAULT_LANGUAGE) -> list[Alternatives]:
    """One Alternatives per typed word (at most MAX_TERMS); all must match, any alternative of each may.

    Words are stemmed for the documents' language (Turkish or English). When the whole text is a synonym
    term ("65 yaş üstü"), it is one group of alternatives instead.
    """
    typed = words(text)[:MAX_TERMS]
    if not typed:
        return []
    synonyms = synonym_map()
    whole = synonyms.get(fold(" ".join(typed))) if len(typed) > 1 else None
    if whole:
        return [split_terms(whole, language)]
    groups = []
    for word in typed:
        found: set[str] = set()
        for variant in [word, *stems(word, language)]:
            found.update(synonyms.get(fold(variant), ()))
        extra = split_terms(tuple(found), language)
        variants = word_variants(word, language)
        for synonym in extra.words:
            variants += word_variants(synonym, language)
        groups.append(Alternatives(tuple(dict.fromkeys(variants)), extra.phrases))
    return groups


def split_terms(terms: tuple[str, ...], language: str = DEFAULT_LANGUAGE) -> Alternatives:
    single = [variant for term in terms if len(words(term)) == 1 for variant in word_variants(term, language)]
    phrases = [turkish_lower(term) for term in terms if len(words(term)) > 1]
    phrases += [fold(phrase) for phrase in phrases]
    return Alternatives(tuple(dict.fromkeys(single)), tuple(dict.fromkeys(phrases)))
