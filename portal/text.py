"""Turkish-aware text normalisation shared by the library and search (str.lower() is not Turkish-aware)."""

import functools
import re
import unicodedata

from django.utils.html import strip_tags

import snowballstemmer

# Python maps "I" to "i" and "İ" to "i" + U+0307; Turkish maps I -> ı and İ -> i (and back for upper case).
_TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_TR_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_FOLD = str.maketrans(
    {"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u", "â": "a", "î": "i", "û": "u"}
)
# Straight and typographic apostrophes: "İstanbul'da" is one word to someone searching.
_APOSTROPHES = re.compile(r"['\u2019\u02bc`´]")
_WORD = re.compile(r"\w+", re.UNICODE)


def turkish_lower(text: str) -> str:
    """Lower-case with Turkish rules: I -> ı, İ -> i; the result is NFC-normalised."""
    text = unicodedata.normalize("NFC", text or "")
    return text.translate(_TR_LOWER).lower()


def turkish_upper(text: str) -> str:
    """Upper-case with Turkish rules: i -> İ, ı -> I; the result is NFC-normalised."""
    text = unicodedata.normalize("NFC", text or "")
    return text.translate(_TR_UPPER).upper()


def fold(text: str) -> str:
    """Lower-case with Turkish rules, drop apostrophes and map ç ğ ı ö ş ü to ASCII, so any spelling matches.

    "ÇOCUK", "Çocuk" and "cocuk" all fold to "cocuk"; "ISTANBUL", "İstanbul" and "Istanbul" to "istanbul".
    """
    text = _APOSTROPHES.sub("", turkish_lower(text)).translate(_FOLD)
    # Any remaining combining marks (e.g. an "é" typed from another keyboard) are dropped too.
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def words(text: str) -> list[str]:
    """Word tokens, apostrophes removed so suffixes stay attached ("İstanbul'da" is one word)."""
    return _WORD.findall(_APOSTROPHES.sub("", unicodedata.normalize("NFC", text or "")))


# Turkish alphabetical order: ç after c, ğ after g, ı before i, ö after o, ş after s, ü after u; the
# foreign letters q, w, x where Turkish dictionaries put them.
TURKISH_ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
# Letters map to code points above every digit and punctuation mark, in alphabet order, so the key sorts
# right as a Python string, in a SQLite collation and as UTF-8 bytes in an Elasticsearch keyword.
_SORT_LETTERS = {letter: chr(0x3000 + index) for index, letter in enumerate(TURKISH_ALPHABET)}


def turkish_sort_key(text: str) -> str:
    """A key that orders text the way a Turkish reader expects (case-insensitive; accents of other
    languages, such as é, sort with their base letter)."""
    key = []
    for char in turkish_lower(text):
        if char not in _SORT_LETTERS:
            base = unicodedata.normalize("NFD", char)[0]
            char = base if base in _SORT_LETTERS else char
        key.append(_SORT_LETTERS.get(char, char))
    return "".join(key)


def turkish_sorted(items, *, key=str) -> list:
    """``items`` in Turkish alphabetical order of ``key(item)``."""
    return sorted(items, key=lambda item: turkish_sort_key(key(item)))


_TAG = re.compile(r"<[^>]*>")


def html_to_text(html: str) -> str:
    """Rich text as plain text, paragraphs and list items kept apart by a space ("yapılır. Paketin", not
    "yapılır.Paketin" as Django's strip_tags gives), whitespace collapsed."""
    return " ".join(strip_tags(_TAG.sub(lambda tag: tag.group(0) + " ", html or "")).split())


_STEMMER = snowballstemmer.stemmer("turkish")
MAX_STEM_ROUNDS = 3


@functools.lru_cache(maxsize=50_000)
def turkish_stems(word: str) -> tuple[str, ...]:
    """The Snowball Turkish stems of a word, stemmed again until nothing changes, each also folded.

    Snowball stems "kadınlara" to "kadın" but "kadın" to "kadı": indexing and querying every round of the
    chain makes the inflected and the plain form meet ("kadınlara" finds "kadın"; "engellilere" finds
    "engelli"; "yaşlılara" finds "yaşlı").
    """
    found, current = [], turkish_lower(word)
    for _ in range(MAX_STEM_ROUNDS):
        stem = _STEMMER.stemWord(current)
        if len(stem) < 2 or stem == current:
            break
        found.append(stem)
        current = stem
    return tuple(dict.fromkeys([*found, *(fold(stem) for stem in found)]))


def stems_of_text(text: str) -> list[str]:
    """Every distinct stem of the words of a text (see turkish_stems), for the search index."""
    stems: dict[str, None] = {}
    for word in words(text):
        if len(word) > 2 and not word.isdigit():
            stems.update(dict.fromkeys(turkish_stems(word)))
    return list(stems)
