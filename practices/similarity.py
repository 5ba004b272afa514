"""Related practices by meaning (issue 16): TF-IDF cosine over the practices' stems, with tags and theme.

Pure Python, no model and nothing downloaded. Each practice's text is the set of Turkish stems of its
searchable text (PracticePage.search_stems, kept in PracticeDigest.stems); a stem's weight is its inverse
document frequency over the candidate pool, so words every candidate shares ("uygulama", "belediye") weigh
almost nothing and the rare ones two practices share weigh most.

The score of a pair is symmetric and reads only the two profiles and the pool's IDF:

    score = TAG_WEIGHT × shared tags + THEME_WEIGHT × same theme
          + TEXT_WEIGHT × cosine + GROUP_WEIGHT × target-group jaccard

Tags are an editor's explicit statement, so each shared tag weighs most; the text cosine (0..1) weighs more
than the theme alone, so a practice that says much the same thing in the same theme rises above a
same-theme practice that does not; target groups break the rest. Ties: the most recently published first.
"""

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

TAG_WEIGHT = 1.0
THEME_WEIGHT = 0.5
TEXT_WEIGHT = 0.9
GROUP_WEIGHT = 0.1
# A pair scoring below this is not "related" even if it is in the pool (nothing shared worth showing).
MIN_SCORE = 0.05


@dataclass(frozen=True)
class Profile:
    """What similarity needs of one practice."""

    page_id: int
    theme_id: int | None
    tag_ids: frozenset[int] = frozenset()
    group_ids: frozenset[int] = frozenset()
    stems: frozenset[str] = frozenset()
    recency: float = 0.0  # larger = published more recently (tie-break)
    # Which readers see it (not scored): the page's locale and its translations' shared key.
    locale_id: int | None = None
    translation_key: str = ""


@dataclass
class Idf:
    """Inverse document frequencies over a pool of profiles (smoothed so small pools still rank)."""

    documents: int
    frequencies: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, profiles: Iterable[Profile]) -> "Idf":
        frequencies: Counter = Counter()
        count = 0
        for profile in profiles:
            count += 1
            frequencies.update(profile.stems)
        return cls(documents=count, frequencies=frequencies)

    def weight(self, stem: str) -> float:
        # ln((N + 1) / (df + 0.5)): a stem in every document weighs ~0, one in a single document the most.
        return math.log((self.documents + 1) / (self.frequencies.get(stem, 0) + 0.5))


def text_cosine(a: Profile, b: Profile, idf: Idf) -> float:
    """Cosine of the two binary stem vectors weighted by IDF (0 when either has no text)."""
    if not a.stems or not b.stems:
        return 0.0
    shared = a.stems & b.stems
    if not shared:
        return 0.0
    dot = sum(idf.weight(stem) ** 2 for stem in shared)
    norm_a = math.sqrt(sum(idf.weight(stem) ** 2 for stem in a.stems))
    norm_b = math.sqrt(sum(idf.weight(stem) ** 2 for stem in b.stems))
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0


def score(a: Profile, b: Profile, idf: Idf) -> float:
    shared_tags = len(a.tag_ids & b.tag_ids)
    same_theme = a.theme_id is not None and a.theme_id == b.theme_id
    groups = a.group_ids | b.group_ids
    group_overlap = len(a.group_ids & b.group_ids) / len(groups) if groups else 0.0
    value = (
        TAG_WEIGHT * shared_tags
        + THEME_WEIGHT * same_theme
        + TEXT_WEIGHT * text_cosine(a, b, idf)
        + GROUP_WEIGHT * group_overlap
    )
    return round(value, 6)  # stored as JSON; rounding keeps stored and fresh rankings identical


def rank(subject: Profile, pool: Sequence[Profile], *, limit: int, idf: Idf | None = None) -> list[list]:
    """The ``limit`` best [page id, score] pairs of the pool for ``subject``, best first."""
    idf = idf or Idf.of([subject, *pool])
    scored = [
        (score(subject, other, idf), other.recency, other.page_id)
        for other in pool
        if other.page_id != subject.page_id
    ]
    scored = [row for row in scored if row[0] >= MIN_SCORE]
    scored.sort(key=lambda row: (-row[0], -row[1], -row[2]))
    return [[page_id, value] for value, _recency, page_id in scored[:limit]]
