"""No demo contact's name, e-mail or phone appears anywhere public: pages, search, APIs, sitemap, robots.

The demo contacts are loaded with ``load_demo`` (what a fresh ``make run`` shows), then every public URL is
fetched as an anonymous visitor, including searches for the contacts themselves.
"""

import io
import re

from django.core.management import call_command
from django.test import Client

from wagtail.models import Page

import pytest
from taggit.models import Tag

from mentorship.demo import demo_contact_identities
from mentorship.models import ContactPerson, Municipality, Visit
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def variants(value: str) -> set[str]:
    """The value as stored, lower-cased, and for phones without spaces, so reformatting does not hide it."""
    found = {value, value.lower()}
    if re.fullmatch(r"[0-9 +()-]+", value):
        found.add(re.sub(r"\D", "", value))
    return found


def leaks(body: str, forbidden: set[str]) -> set[str]:
    lowered = body.lower()
    return {value for value in forbidden if value.lower() in lowered}


def public_urls() -> list[str]:
    urls = ["/", "/uygulamalar/", "/etki/", "/ziyaret-talebi/", "/ziyaret-talebi/alindi/"]
    urls += ["/kisisel-veriler/"]
    urls += ["/sitemap.xml", "/robots.txt", "/ara/", "/api/v2/pages/?fields=*", "/api/v2/pages/?limit=100"]
    urls += ["/api/v2/images/", "/api/v2/documents/", "/api/search/?q=belediye"]
    for practice in PracticePage.objects.live().public():
        urls += [practice.url, practice.url + "kit/", f"/ziyaret-talebi/?practice={practice.pk}"]
    for slug in Tag.objects.values_list("slug", flat=True):
        urls.append(f"/uygulamalar/etiket/{slug}/")
    for page_id in Page.objects.live().public().values_list("pk", flat=True):
        urls.append(f"/api/v2/pages/{page_id}/")
    return urls


def search_urls(identities: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(url, the value searched for): the searched value may be echoed back, the others may not."""
    urls = []
    for identity in identities:
        for value in identity:
            for path in ("/ara/?q=", "/api/search/?q="):
                urls.append((path + value, value))
    return urls


@pytest.fixture
def demo_loaded(settings):
    settings.PUBLIC_PAGE_CACHE_TIMEOUT = 0
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())


def test_scan_would_find_a_leak():
    assert leaks("<p>Kontak: AYŞE örnekoğlu</p>", {"Ayşe Örnekoğlu"}) == {"Ayşe Örnekoğlu"}
    assert "05550000001" in variants("0555 000 00 01")


def test_no_public_url_shows_a_demo_contacts_name_email_or_phone(demo_loaded):
    identities = demo_contact_identities()
    stored = set(ContactPerson.objects.values_list("name", "email", "phone"))
    # The scan is only meaningful if the demo really stored these people (and their messages).
    assert stored == set(identities)
    assert Visit.objects.exclude(request_message="").exists()
    forbidden = {variant for identity in identities for value in identity for variant in variants(value)}
    client = Client()
    checked = 0
    for url in public_urls():
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code == 200:
            checked += 1
        assert not leaks(response.content.decode(errors="replace"), forbidden), url
    for url, searched in search_urls(identities):
        response = client.get(url)
        assert response.status_code < 500, url
        body = response.content.decode(errors="replace")
        assert not leaks(body, forbidden - variants(searched)), url
    assert checked >= 30
    # Municipality names are public: the impact page names the demo municipalities.
    impact = client.get("/etki/").content.decode()
    assert all(str(m) in impact for m in Municipality.objects.filter(is_demo=True)[:5])
