"""The header's and footer's section addresses (practices.sections, issue 17): the library, the trainings and
the publications in the address's language (the Turkish page when a language has none), all from one query
kept per process until the next publish, unpublish or move."""

import re

from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Site

import pytest

from portal.cache import bump_public_cache_version
from practices.demo.translations import english_locale
from practices.factories import event_index_page
from practices.models import EventIndexPage
from practices.sections import section_addresses

pytestmark = pytest.mark.django_db


def chrome_links(html: str) -> dict[str, set[str]]:
    """The addresses of the header's navigation and of the footer's links."""
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    footer = html[html.index('<footer class="site-footer">') : html.index("</footer>")]
    return {
        "header": set(re.findall(r'href="([^"]+)"', header)),
        "footer": set(re.findall(r'href="([^"]+)"', footer)),
    }


def test_turkish_pages_link_the_turkish_sections(client, english_site):
    links = chrome_links(client.get("/").content.decode())
    for part in ("header", "footer"):
        assert {"/uygulamalar/", "/egitimler/", "/yayinlar/"} <= links[part]


def test_english_pages_link_the_english_sections(client, english_site):
    links = chrome_links(client.get("/en/").content.decode())
    library = next(
        address for address in links["header"] if address.startswith("/en/") and "practices" in address
    )
    for part in ("header", "footer"):
        assert {library, "/en/trainings/", "/en/publications/"} <= links[part]
        assert not {"/uygulamalar/", "/egitimler/", "/yayinlar/"} & links[part]


def test_a_language_without_the_section_links_the_turkish_one(client):
    links = chrome_links(client.get("/en/uygulamalar/").content.decode())
    for part in ("header", "footer"):
        assert {"/uygulamalar/", "/egitimler/", "/yayinlar/"} <= links[part]


def test_unpublishing_a_translation_is_seen_on_the_next_request(client, english_site):
    assert "/en/trainings/" in chrome_links(client.get("/en/").content.decode())["header"]
    EventIndexPage.objects.get(locale=english_locale()).unpublish()
    links = chrome_links(client.get("/en/").content.decode())["header"]
    assert "/egitimler/" in links and "/en/trainings/" not in links


def test_a_renamed_section_is_seen_on_the_next_request(client):
    assert "/egitimler/" in chrome_links(client.get("/").content.decode())["header"]
    events = event_index_page()
    events.slug = "etkinlikler"
    events.save_revision().publish()
    links = chrome_links(client.get("/").content.decode())
    assert "/etkinlikler/" in links["header"] and "/etkinlikler/" in links["footer"]


def test_a_section_without_any_page_is_left_out(client):
    event_index_page().unpublish()
    links = chrome_links(client.get("/").content.decode())
    assert "/egitimler/" not in links["header"] and "/yayinlar/" in links["header"]


def test_every_address_in_every_language_costs_one_query_then_none(
    client, english_site, django_assert_num_queries
):
    client.get("/en/")  # a warm process: locales, content types and the sites' root paths are known
    bump_public_cache_version()  # as a publish does
    requests = [RequestFactory().get(path) for path in ("/en/", "/", "/en/hakkinda/")]
    for request in requests:
        Site.find_for_request(request)  # as routing does before the page renders
    with django_assert_num_queries(1), translation.override("en"):
        english = section_addresses(requests[0])
    with django_assert_num_queries(0):
        with translation.override("tr"):
            turkish = section_addresses(requests[1])
        with translation.override("en"):
            assert section_addresses(requests[2]) == english
    assert english["events"] == "/en/trainings/" and turkish["events"] == "/egitimler/"
    assert set(english) == set(turkish) == {"practices", "events", "publications"}


def test_the_not_found_page_links_the_library_of_its_language(client, english_site):
    english = client.get("/en/no-such-page/")
    assert english.status_code == 404
    library = section_addresses_for("en")
    assert f'href="{library}"' in english.content.decode()
    assert 'href="/uygulamalar/"' in client.get("/boyle-bir-sayfa-yok/").content.decode()


def section_addresses_for(language: str) -> str:
    with translation.override(language):
        return section_addresses(RequestFactory().get("/"))["practices"]
