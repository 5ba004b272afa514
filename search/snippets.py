"""Backend-independent helpers: highlighted snippets and "did you mean" suggestions, both Turkish-aware."""

import difflib
import functools
import re

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.text import fold, html_to_text, turkish_lower, words

SNIPPET_LENGTH = 220
VOCABULARY_CACHE_KEY = "search:vocabulary:v1"
VOCABULARY_TIMEOUT = 10 * 60
_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)?", re.UNICODE)


def query_terms(text: str) -> list[str]:
    """Folded query words, at most ten (a longer query is a paste, not a search)."""
    return [fold(word) for word in words(text)][:10]


# Folding every token of a summary or body is most of a hit's cost; the same words recur across practices.
_fold_token = functools.lru_cache(maxsize=16384)(fold)


def _matches(token: str, terms: list[str]) -> bool:
    folded = _fold_token(token)
    # Prefix matching in both directions approximates stemming: "çocukların" for "cocuk",
    # "engelli" for "engellilere".
    return any(folded.startswith(term) or (len(folded) >= 4 and term.startswith(folded)) for term in terms)


def highlight(text: str, query_text: str, *, length: int = SNIPPET_LENGTH) -> SafeString:
    """Escape text and wrap words matching the query in <mark>; a window around the first match if long."""
    plain = html_to_text(text)
    terms = query_terms(query_text)
    tokens = list(_TOKEN.finditer(plain))
    hits = [m for m in tokens if terms and _matches(m.group(0), terms)]
    start = 0
    if hits and len(plain) > length:
        start = max(0, hits[0].start() - length // 3)
        # Start on a word boundary so the snippet does not open with half a word.
        while start > 0 and not plain[start - 1].isspace():
            start -= 1
    end = min(len(plain), start + length)
    if end < len(plain):
        while end > start and not plain[end - 1].isspace():
            end -= 1
        end = end if end > start else min(len(plain), start + length)
    pieces, cursor = [], start
    for match in hits:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(plain[cursor : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        cursor = match.end()
    pieces.append(escape(plain[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(plain) else ""
    return mark_safe(prefix + "".join(pieces).strip() + suffix)  # noqa: S308 - every piece is escaped above


def has_match(text: str, query_text: str) -> bool:
    terms = query_terms(query_text)
    return bool(terms) and any(_matches(m.group(0), terms) for m in _TOKEN.finditer(html_to_text(text)))


def build_vocabulary(texts) -> dict[str, str]:
    """Map each folded word (3+ letters) to how it is written in the library, lower-cased the Turkish way."""
    vocabulary: dict[str, str] = {}
    for text in texts:
        for word in words(text or ""):
            if len(word) >= 3 and not word.isdigit():
                vocabulary.setdefault(fold(word), turkish_lower(word))
    return vocabulary


def cached_vocabulary(loader) -> dict[str, str]:
    """The suggestion vocabulary, rebuilt at most every ten minutes (loader returns the texts)."""
    vocabulary = cache.get(VOCABULARY_CACHE_KEY)
    if vocabulary is None:
        vocabulary = build_vocabulary(loader())
        cache.set(VOCABULARY_CACHE_KEY, vocabulary, VOCABULARY_TIMEOUT)
    return vocabulary


def suggest(query_text: str, vocabulary: dict[str, str]) -> str | None:
    """A corrected query made of words the library uses, or None when nothing close is known."""
    corrected, changed = [], False
    for word in words(query_text):
        folded = fold(word)
        if folded in vocabulary:
            corrected.append(vocabulary[folded])
            continue
        close = difflib.get_close_matches(folded, vocabulary.keys(), n=1, cutoff=0.75)
        if close:
            corrected.append(vocabulary[close[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
