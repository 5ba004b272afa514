"""Every response carries the security headers: a strict CSP on the public site, a relaxed one in /admin/."""

import re

from django.urls import reverse

import pytest

from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    csp = csp_directives(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]


def assert_strict_csp(response):
    csp = csp_directives(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "http" not in header, "no CDN or other origin may be allowed"


@pytest.fixture
def practice():
    return PracticePageFactory(tags=["erisilebilirlik"])


def public_urls(practice) -> list[str]:
    tag = practice.tags.get()
    return [
        "/",
        "/uygulamalar/",
        "/uygulamalar/?theme=yok",
        practice.url,
        practice.url + "kit/",
        f"/uygulamalar/etiket/{tag.slug}/",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz/",
        "/api/v2/pages/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/bu-sayfa-yok/",
    ]


def test_public_pages_api_and_health_check_send_the_strict_policy(client, practice):
    for url in public_urls(practice):
        response = client.get(url)
        assert response.status_code < 500, url
        assert_common_headers(response)
        assert_strict_csp(response)
        assert response["X-Frame-Options"] == "DENY", url


# Data blocks are not executed, so the CSP has nothing to say about them: JSON-LD is the only inline kind.
JSON_LD_OPENING = '<script type="application/ld+json">'


def inline_scripts(html: str) -> list[str]:
    """Opening tags of <script> elements that are neither external files nor JSON-LD data blocks."""
    openings = re.findall(r"<script\b[^>]*>", html, flags=re.IGNORECASE)
    return [tag for tag in openings if not tag.startswith("<script src=") and tag != JSON_LD_OPENING]


def test_the_inline_script_check_can_fail():
    assert inline_scripts("<script>alert(1)</script>") == ["<script>"]
    assert inline_scripts('<script type="module">x()</script>') == ['<script type="module">']
    upper = '<SCRIPT type="text/javascript">'
    assert inline_scripts(f"{upper}x()</SCRIPT>") == [upper]
    allowed = f'<script src="/static/js/share.js" defer></script>{JSON_LD_OPENING}{{}}</script>'
    assert inline_scripts(allowed) == []


def test_public_pages_have_no_inline_script_or_style(client, practice):
    """The strict CSP would block them, so a page that used them would be broken in the browser."""
    for url in ("/", "/uygulamalar/", practice.url, practice.url + "kit/"):
        html = client.get(url).content.decode()
        assert inline_scripts(html) == [], url
        assert " style=" not in html, url


def test_admin_login_gets_the_admin_policy_with_frame_protection(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert_common_headers(response)
    csp = csp_directives(response)
    # Wagtail 8's admin needs inline scripts and styles (see portal/security.py), under /admin/ only.
    assert csp["script-src"] == ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert response["X-Frame-Options"] == "DENY"


def test_admin_pages_for_a_logged_in_editor_get_the_admin_policy(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert_common_headers(response)
    assert "'unsafe-inline'" in csp_directives(response)["script-src"]


def test_page_preview_can_be_framed_by_the_admin_itself(client, admin_user, practice):
    """The editor shows previews in a same-origin iframe; Wagtail marks those responses SAMEORIGIN."""
    client.force_login(admin_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[practice.pk])
    form = client.get(edit_url)
    assert form.status_code == 200
    response = client.get(preview_url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert csp_directives(response)["frame-ancestors"] == ["'self'"]


def test_documents_are_downloaded_not_rendered(client, media_on_disk):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    upload = ContentFile(b"plain,text\n1,2\n", name="rapor.csv")
    document = Document.objects.create(title="Rapor", file=upload)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_pdf_documents_may_open_in_the_browser_under_a_locked_down_policy(client, media_on_disk):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    upload = ContentFile(b"%PDF-1.4\n%%EOF\n", name="kilavuz.pdf")
    document = Document.objects.create(title="Kılavuz", file=upload)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
