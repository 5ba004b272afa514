"""One public address (SITE_BASE_URL): the Wagtail Site follows it, and the sitemap, robots.txt, API links
and calendar UIDs use it, never ``localhost`` or the host a request happened to name."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils.encoding import iri_to_uri

from wagtail.models import Site

import pytest

from mentorship import calendar
from portal.site_address import absolute_url, check_site_base_url, parse_base_url, site_sync_address
from practices.factories import DocumentFactory, PracticePageFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://atlas.example.gov.tr"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def public_address(settings):
    settings.SITE_BASE_URL = settings.WAGTAILAPI_BASE_URL = PUBLIC
    site_sync_address()
    return PUBLIC


def locations(xml: str) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", xml)


def test_migrate_puts_the_site_on_the_configured_address():
    # The test database was made by `migrate`, whose post_migrate step read SITE_BASE_URL (http://testserver).
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)


def test_sitemap_uses_the_public_address_and_lists_impact_and_tag_pages(client, public_address):
    practice = PracticePageFactory(slug="sosyal-market", tags=["gıda yardımı"])
    xml = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    urls = locations(xml)
    assert urls and all(url.startswith(f"{PUBLIC}/") for url in urls), urls
    assert "localhost" not in xml and "testserver" not in xml
    assert f"{PUBLIC}/uygulamalar/sosyal-market/" in urls
    assert f"{PUBLIC}/uygulamalar/" in urls
    assert f"{PUBLIC}/etki/" in urls
    tag_slug = practice.tags.get().slug
    assert f"{PUBLIC}/uygulamalar/etiket/{iri_to_uri(tag_slug)}/" in urls


def test_sitemap_leaves_out_tags_of_drafts_only(client, public_address):
    PracticePageFactory(tags=["yayında"])
    draft = PracticePageFactory(tags=["taslakta"])
    draft.unpublish()
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/etiket/{iri_to_uri(draft.tags.get().slug)}/" not in xml
    assert "/etiket/" in xml


def test_robots_txt_names_the_public_sitemap(client, public_address):
    text = client.get("/robots.txt", HTTP_HOST="localhost").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in text


def test_api_links_use_the_public_address(client, public_address):
    practice = PracticePageFactory(slug="mobil-saglik")
    DocumentFactory(title="Rehber")
    listing = client.get("/api/v2/pages/?type=practices.PracticePage", HTTP_HOST="localhost").json()
    meta = next(item["meta"] for item in listing["items"] if item["id"] == practice.pk)
    assert meta["detail_url"] == f"{PUBLIC}/api/v2/pages/{practice.pk}/"
    assert meta["html_url"] == f"{PUBLIC}/uygulamalar/mobil-saglik/"
    documents = client.get("/api/v2/documents/", HTTP_HOST="localhost").json()["items"]
    assert documents and all(item["meta"]["download_url"].startswith(f"{PUBLIC}/") for item in documents)
    detail = client.get(f"/api/v2/pages/{practice.pk}/").content.decode()
    assert "localhost" not in detail and "testserver" not in detail


def test_calendar_uids_name_the_public_host(public_address):
    assert calendar._uid("visit", 7) == "visit-7@atlas.example.gov.tr"


def test_sync_command_is_safe_to_repeat_and_has_a_dry_run(settings):
    settings.SITE_BASE_URL = "http://127.0.0.1:8000"
    out = StringIO()
    call_command("sync_site_address", "--dry-run", stdout=out)
    assert "Would change the site from testserver:80 to 127.0.0.1:8000" in out.getvalue()
    assert Site.objects.get(is_default_site=True).hostname == "testserver"
    call_command("sync_site_address", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")
    out = StringIO()
    call_command("sync_site_address", stdout=out)
    assert "already answers at http://127.0.0.1:8000" in out.getvalue()


def test_absolute_url_keeps_absolute_addresses(public_address):
    assert absolute_url("/documents/1/a.pdf") == f"{PUBLIC}/documents/1/a.pdf"
    assert absolute_url("https://partner.example.org/") == "https://partner.example.org/"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "https://atlas.example.gov.tr/",
            ("https", "atlas.example.gov.tr", 443, "https://atlas.example.gov.tr"),
        ),
        ("http://127.0.0.1:8000", ("http", "127.0.0.1", 8000, "http://127.0.0.1:8000")),
        (
            "http://atlas.example.gov.tr:80",
            ("http", "atlas.example.gov.tr", 80, "http://atlas.example.gov.tr"),
        ),
    ],
)
def test_base_url_is_parsed_into_what_the_site_stores(value, expected):
    address = parse_base_url(value)
    assert (address.scheme, address.hostname, address.port, address.base_url) == expected


@pytest.mark.parametrize(
    "value",
    [
        "atlas.example.gov.tr",
        "ftp://atlas.example.gov.tr",
        "https://atlas.example.gov.tr/atlas/",
        "https://atlas.example.gov.tr:8443",
        "http://atlas.example.gov.tr:443",
        "https://",
        "https://u:p@host",
    ],
)
def test_an_address_wagtail_cannot_hold_is_refused(settings, value):
    with pytest.raises(ImproperlyConfigured):
        parse_base_url(value)
    settings.SITE_BASE_URL = value
    assert [error.id for error in check_site_base_url(None)] == ["portal.E001"]


def production_setting(name: str, **env: str) -> subprocess.CompletedProcess:
    base_env = {
        key: value for key, value in os.environ.items() if key not in {"SITE_BASE_URL", "DATABASE_URL"}
    }
    base_env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k" * 64,
        DATABASE_URL="sqlite:///:memory:",
        **env,
    )
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=base_env, capture_output=True, text=True, timeout=120
    )


def test_production_defaults_the_address_to_https_and_the_first_named_host():
    result = production_setting("WAGTAILAPI_BASE_URL", ALLOWED_HOSTS=".example.gov.tr,atlas.example.gov.tr")
    assert result.stdout.strip() == "https://atlas.example.gov.tr", result.stderr
    result = production_setting("SITE_BASE_URL", ALLOWED_HOSTS="*", SITE_BASE_URL="https://atlas.gov.tr/")
    assert result.stdout.strip() == "https://atlas.gov.tr", result.stderr


def test_production_refuses_to_start_without_a_nameable_address():
    result = production_setting("SITE_BASE_URL", ALLOWED_HOSTS="*")
    assert result.returncode != 0
    assert "Set SITE_BASE_URL" in result.stderr
