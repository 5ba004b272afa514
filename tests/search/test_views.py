"""The search page /ara/: results, facets, suggestion, empty state, pagination and bad input, never a 500."""

import re

import pytest

from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def test_search_page_shows_highlighted_results_and_facets(client, library):
    response = client.get("/ara/", {"q": "cocuk"})
    assert response.status_code == 200
    html = response.content.decode()
    assert library["title_match"].title in html
    assert library["unrelated"].title not in html
    assert "<mark>" in html
    assert 'name="theme" value="sosyal-hizmetler"' in html
    assert "(2)" in html  # the social-services theme count


def test_search_page_is_noindex_and_never_cached(client, library):
    response = client.get("/ara/", {"q": "cocuk"})
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_province_filter_narrows_and_stays_chosen(client, library):
    response = client.get("/ara/", {"q": "cocuk", "province": "34"})
    html = response.content.decode()
    assert library["title_match"].title in html
    assert library["tag_match"].title not in html
    # Provinces are one compact select (never an 81-row list); the chosen one stays selected.
    assert re.search(r'<option value="34" selected>İstanbul \(\d+\)</option>', html)


def test_sort_by_newest(client, library):
    response = client.get("/ara/", {"q": "cocuk", "sort": "newest"})
    html = response.content.decode()
    assert html.index(library["body_match"].title) < html.index(library["title_match"].title)


def test_suggestion_link_when_nothing_matches(client, library):
    response = client.get("/ara/", {"q": "cocukk"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "?q=%C3%A7ocuk" in html
    assert "/uygulamalar/" in html  # the empty state offers a way on


def test_empty_state_without_suggestion(client, library):
    html = client.get("/ara/", {"q": "qqqzzzxxx"}).content.decode()
    assert "empty-state" in html
    assert "Did you mean" not in html and "Bunu mu" not in html


def test_pagination_links_keep_the_query(client, db):
    for n in range(14):
        PracticePageFactory(title=f"Çocuk kulübü {n}")
    html = client.get("/ara/", {"q": "cocuk"}).content.decode()
    assert 'rel="next"' in html
    assert "q=cocuk&amp;page=2" in html
    second = client.get("/ara/", {"q": "cocuk", "page": "2"})
    assert second.status_code == 200
    assert second.content.decode().count('class="search-result"') == 2


def test_page_beyond_the_last_is_a_helpful_404(client, library):
    response = client.get("/ara/", {"q": "cocuk", "page": "9"})
    assert response.status_code == 404
    assert "?q=cocuk" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 500},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999999"},
        {"sort": "nope"},
        {"sdg": "99"},
        {"theme": "\x00"},
        {"province": "abc"},
        {"year_from": "2024", "year_to": "2000"},
        {"q": "'; DROP TABLE --"},
        {"q": '"unbalanced (AND OR NOT *'},
    ],
)
def test_bad_parameters_give_a_clear_message_never_a_500(client, library, params):
    response = client.get("/ara/", params)
    assert response.status_code in (200, 400)
    html = response.content.decode()
    if response.status_code == 400 and "<html" in html:
        assert "message--error" in html
    assert html  # a NUL byte is refused earlier by the site's middleware, with a plain-text message


def test_what_was_typed_is_kept_when_a_filter_is_invalid(client, library):
    response = client.get("/ara/", {"q": "cocuk", "sdg": "99"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="cocuk"' in html
    assert library["title_match"].title in html


def test_fts_operators_in_text_are_harmless(client, library):
    for text in ("cocuk OR", "NOT cocuk", "cocuk*", "oyun NEAR cocuk", '"cocuk'):
        assert client.get("/ara/", {"q": text}).status_code == 200


def test_header_search_box_posts_to_the_search_page(client, library):
    html = client.get("/uygulamalar/").content.decode()
    assert 'action="/ara/"' in html
