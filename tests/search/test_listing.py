"""The library and tag pages get their results from the search service (through practices.listing's hook)."""

import pytest

from practices import listing
from search import listing as search_listing_module
from search.listing import search_listing

pytestmark = pytest.mark.django_db


@pytest.fixture
def spy(monkeypatch):
    calls = []
    real = search_listing_module.search

    def recording(query, **kwargs):
        calls.append(query)
        return real(query, **kwargs)

    monkeypatch.setattr(search_listing_module, "search", recording)
    return calls


def test_search_app_installs_its_listing_provider():
    assert listing._provider is search_listing


def test_library_page_asks_the_search_service(client, library, spy):
    response = client.get("/uygulamalar/", {"theme": "saglik", "sort": "title", "page": "1"})
    assert response.status_code == 200
    assert len(spy) == 1
    query = spy[0]
    # The library asks for facets: its filter panel shows counts.
    assert query.themes == ("saglik",) and query.sort == "title" and query.with_facets is True
    html = response.content.decode()
    assert library["istanbul"].title in html and library["title_match"].title not in html


def test_tag_page_asks_the_search_service(client, library, spy):
    tag = library["tag_match"].tags.get()
    response = client.get(f"/uygulamalar/etiket/{tag.slug}/")
    assert response.status_code == 200
    assert spy[0].tags == (tag.slug,)
    assert library["tag_match"].title in response.content.decode()


def test_library_loads_only_the_requested_page_in_one_call(client, library, spy):
    from practices.views import PAGE_SIZE

    assert client.get("/uygulamalar/", {"page": "1"}).status_code == 200
    assert len(spy) == 1 and spy[0].page == 1 and spy[0].page_size == PAGE_SIZE


def test_cards_only_names_the_practices_without_loading_them(library, django_assert_max_num_queries):
    from search.service import search
    from search.types import SearchQuery

    # The library renders or reads the cards itself (practices.cards): the same practices in the same order,
    # as ids, and no page loaded, for browsing and for a text search alike.
    for query in (SearchQuery(sort="title", tags=("oyun",)), SearchQuery(text="oyun")):
        full = search(query)
        with django_assert_max_num_queries(100) as read:
            named = search(query, cards_only=True)
        assert named.hits == [] and list(named.page_ids) == [hit.page_id for hit in full.hits] != []
        assert not any('FROM "practices_practicepage"' in q["sql"] for q in read.captured_queries)
        assert full.page_ids == ()
