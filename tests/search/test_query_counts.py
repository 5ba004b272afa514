"""A search costs the same number of queries whether 5 or 30 practices match (facets included)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from taggit.models import Tag

from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory
from practices.models import PracticePage
from search.service import search
from search.types import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _computed_every_time(settings):
    """These counts are what computing a result costs; a kept result costs less (test_result_cache.py)."""
    settings.SEARCH_RESULT_CACHE_TIMEOUT = 0


# Every matching search document in order with its single-valued facet columns and filter flags (the one
# full-text query), the page's practices, 2 prefetches (target groups, tags), and the many-valued facets
# (target group, tag, SDG) in one query; filters are flags in the full-text query.
SEARCH_QUERIES = 5
# Browsing: the total and every facet in one UNION query, the page's document ids, the practices and their
# 2 prefetches; without facets a count replaces the UNION.
BROWSE_QUERIES = 5


def make_matches(count: int) -> None:
    themes = [ThemeFactory() for _ in range(3)]
    groups = [TargetGroupFactory() for _ in range(3)]
    for n in range(count):
        PracticePageFactory(
            title=f"Çocuk atölyesi {n}",
            theme=themes[n % 3],
            target_groups=groups[: 1 + n % 3],
            tags=[f"etiket {n % 4}", "çocuk"],
            sdgs=[1 + n % 5],
            province=1 + n % 7,
            start_year=2010 + n % 6,
        )


def count_queries(query: SearchQuery) -> int:
    search(query)  # warm the site-root cache that page URLs use
    with CaptureQueriesContext(connection) as captured:
        search(query)
    return len(captured)


@pytest.mark.parametrize("matches", [5, 30])
def test_search_with_facets_uses_a_fixed_number_of_queries(matches, django_assert_num_queries):
    make_matches(matches)
    query = SearchQuery(text="cocuk", themes=(), sort="relevance")
    search(query)
    with django_assert_num_queries(SEARCH_QUERIES):
        result = search(query)
    assert result.total == matches


def test_filters_add_no_query_whatever_the_matches(db):
    make_matches(12)
    tag = Tag.objects.get(name="çocuk").slug
    filtered = SearchQuery(text="cocuk", provinces=(1, 2), sdgs=(1,), year_from=2009, tags=(tag,))
    assert search(filtered).total > 0
    assert count_queries(SearchQuery(text="cocuk")) == SEARCH_QUERIES
    assert count_queries(filtered) == SEARCH_QUERIES


def test_browsing_counts_every_facet_and_the_total_in_one_query(db):
    make_matches(12)
    # Browsing (no text): the total and every facet are grouped and counted by the database in one UNION
    # query (no practice rows read), so browsing with facets costs what a listing without them costs.
    assert count_queries(SearchQuery()) == BROWSE_QUERIES
    assert count_queries(SearchQuery(with_facets=False)) == BROWSE_QUERIES
    make_matches(30)
    practice = PracticePage.objects.live().first()
    filtered = SearchQuery(themes=(practice.theme.slug,), provinces=(practice.province, 6))
    assert search(filtered).total > 0
    assert count_queries(filtered) == BROWSE_QUERIES
