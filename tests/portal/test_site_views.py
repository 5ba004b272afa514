"""Site-wide views: health check, sitemap, robots.txt and the friendly 404 and 500 pages."""

from unittest import mock

from django.db import OperationalError
from django.test import RequestFactory, override_settings
from django.urls import path

import pytest

from portal import views
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_version(client, settings):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["version"] == settings.PORTAL_VERSION
    assert body["checks"]["database"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_while_the_database_fails_and_recovers_without_restart(client):
    with mock.patch.object(views, "connection") as broken:
        broken.cursor.side_effect = OperationalError("server closed the connection")
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["checks"]["database"] == "unreachable"
    assert client.get("/healthz/").status_code == 200


def test_sitemap_lists_live_practices_and_not_drafts(client):
    live = PracticePageFactory(title="Yayında")
    draft = PracticePageFactory(title="Taslak")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert f"{live.slug}/</loc>" in xml
    assert f"{draft.slug}/</loc>" not in xml
    assert "/uygulamalar/</loc>" in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
    # Search results and the visit form are not for indexing, in either language.
    for address in ("/ara/", "/en/ara/", "/ziyaret-talebi/", "/en/ziyaret-talebi/"):
        assert f"Disallow: {address}\n" in text


def test_unknown_address_gives_the_friendly_404_page(client):
    response = client.get("/boyle-bir-sayfa-yok/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'href="/uygulamalar/"' in html
    assert 'action="/ara/"' in html
    assert "<h1>" in html


def test_404_page_follows_the_address_language(client):
    english = client.get("/en/yok/")
    assert english.status_code == 404
    assert '<html lang="en">' in english.content.decode()
    client.cookies["django_language"] = "en"  # a preference: the Turkish address stays Turkish
    turkish = client.get("/yok/", headers={"accept-language": "en"})
    assert '<html lang="tr">' in turkish.content.decode()


def test_500_handler_renders_the_friendly_page_without_details():
    request = RequestFactory().get("/")
    response = views.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert 'href="/"' in html
    assert "Traceback" not in html


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view)]
handler500 = "portal.views.server_error"


def test_project_urls_use_the_friendly_error_handlers():
    from portal import urls as portal_urls  # imported here: building the admin URLs needs the database

    assert portal_urls.handler500 == handler500
    assert portal_urls.handler404 == "portal.views.page_not_found"


@override_settings(ROOT_URLCONF=__name__)
def test_an_unexpected_error_shows_the_friendly_500_page(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "boom" not in html
    assert 'href="/"' in html
