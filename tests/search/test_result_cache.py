"""A repeated search is answered from the kept result until a search document or synonym changes."""

from django.utils import translation

import pytest

from practices.factories import PracticePageFactory, ThemeFactory
from practices.services import practice_adoption_count_set
from search.models import SearchDocumentsVersion, SynonymGroup
from search.service import search
from search.types import SearchQuery
from tests.conftest import BrokenCache

pytestmark = pytest.mark.django_db

# The token, the page's practices and their 2 prefetches (target groups, tags).
KEPT_RESULT_QUERIES = 4


def titles(query: SearchQuery) -> list[str]:
    return [hit.title for hit in search(query).hits]


@pytest.mark.parametrize("matches", [3, 25])
def test_a_repeated_search_costs_the_same_few_queries_whatever_it_matches(matches, django_assert_num_queries):
    for n in range(matches):
        PracticePageFactory(title=f"Kreş desteği {n}", province=6 + n % 2)
    for query in (SearchQuery(text="kreş"), SearchQuery(), SearchQuery(text="kreş", provinces=(6,))):
        first = search(query)
        with django_assert_num_queries(KEPT_RESULT_QUERIES):
            again = search(query)
        assert (again.total, again.facets, [hit.page_id for hit in again.hits]) == (
            first.total,
            first.facets,
            [hit.page_id for hit in first.hits],
        )


def test_a_published_practice_appears_at_once():
    PracticePageFactory(title="Kreş desteği")
    assert titles(SearchQuery(text="kreş")) == ["Kreş desteği"]
    PracticePageFactory(title="Kreş servisi")
    assert sorted(titles(SearchQuery(text="kreş"))) == ["Kreş desteği", "Kreş servisi"]
    assert search(SearchQuery()).total == 2


def test_an_unpublished_practice_disappears_from_results_and_counts_at_once():
    theme = ThemeFactory(name="Sağlık")
    kept = PracticePageFactory(title="Kreş desteği", theme=theme)
    gone = PracticePageFactory(title="Kreş servisi", theme=theme)
    before = search(SearchQuery(text="kreş"))
    assert before.total == 2 and before.facets["theme"][0].count == 2
    gone.unpublish()
    after = search(SearchQuery(text="kreş"))
    assert [hit.page_id for hit in after.hits] == [kept.pk]
    assert after.facets["theme"][0].count == 1


def test_a_changed_adoption_count_reorders_most_adopted_at_once():
    first = PracticePageFactory(title="Kreş desteği")
    second = PracticePageFactory(title="Kreş servisi")
    query = SearchQuery(text="kreş", sort="most_adopted")
    practice_adoption_count_set(practice_id=first.pk, count=5)
    assert titles(query) == ["Kreş desteği", "Kreş servisi"]
    practice_adoption_count_set(practice_id=second.pk, count=9)
    assert titles(query) == ["Kreş servisi", "Kreş desteği"]


def test_a_new_synonym_group_applies_to_the_next_search():
    PracticePageFactory(title="Atletizm okulu")
    assert titles(SearchQuery(text="koşu")) == []
    SynonymGroup.objects.create(terms="koşu, atletizm")
    assert titles(SearchQuery(text="koşu")) == ["Atletizm okulu"]
    SynonymGroup.objects.all().delete()
    assert titles(SearchQuery(text="koşu")) == []


def test_a_renamed_theme_shows_its_new_name_in_the_facets():
    theme = ThemeFactory(name="Sağlık")
    PracticePageFactory(title="Kreş desteği", theme=theme)
    assert [value.label for value in search(SearchQuery()).facets["theme"]] == ["Sağlık"]
    theme.name = "Sağlık ve bakım"
    theme.save()
    assert [value.label for value in search(SearchQuery()).facets["theme"]] == ["Sağlık ve bakım"]


def test_results_are_kept_per_interface_language():
    """Facet labels are translated when computed: an English page must not get the Turkish labels."""
    PracticePageFactory(title="Kreş desteği")
    with translation.override("tr"):
        turkish = {value.label for value in search(SearchQuery(language="tr")).facets["status"]}
    with translation.override("en"):
        english = {value.label for value in search(SearchQuery(language="tr")).facets["status"]}
    assert turkish and english and turkish.isdisjoint(english)


def test_with_the_cache_off_every_search_is_computed(settings, django_assert_num_queries):
    settings.SEARCH_RESULT_CACHE_TIMEOUT = 0
    PracticePageFactory(title="Kreş desteği")
    search(SearchQuery(text="kreş"))
    with django_assert_num_queries(5):  # the full-text query, facets, practices and 2 prefetches
        search(SearchQuery(text="kreş"))


def test_without_a_version_row_search_still_answers_and_a_write_recreates_it():
    PracticePageFactory(title="Kreş desteği")
    SearchDocumentsVersion.objects.all().delete()  # as after `flush`
    assert titles(SearchQuery(text="kreş")) == ["Kreş desteği"]
    PracticePageFactory(title="Kreş servisi")
    assert SearchDocumentsVersion.objects.count() == 1
    assert len(titles(SearchQuery(text="kreş"))) == 2


def test_search_answers_when_the_cache_is_down(client, monkeypatch):
    PracticePageFactory(title="Kreş desteği")
    monkeypatch.setattr("portal.cache.cache", BrokenCache())
    assert titles(SearchQuery(text="kreş")) == ["Kreş desteği"]
    response = client.get("/ara/", {"q": "kreş"})
    assert response.status_code == 200
    assert "Kreş desteği" in response.content.decode()


def test_creating_a_draft_practice_keeps_the_kept_results():
    PracticePageFactory(title="Kreş desteği")
    search(SearchQuery(text="kreş"))
    token = SearchDocumentsVersion.objects.get().token
    draft = PracticePageFactory(title="Kreş taslağı", live=False)
    assert SearchDocumentsVersion.objects.get().token == token
    assert titles(SearchQuery(text="kreş")) == ["Kreş desteği"]
    draft.save_revision().publish()
    assert SearchDocumentsVersion.objects.get().token != token
    assert sorted(titles(SearchQuery(text="kreş"))) == ["Kreş desteği", "Kreş taslağı"]
