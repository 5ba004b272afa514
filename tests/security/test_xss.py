"""Script payloads stored in every field that renders publicly come back inert on every public page."""

import json
from html.parser import HTMLParser

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from practices.factories import (
    ImageFactory,
    PracticeMetricFactory,
    PracticePageFactory,
    ReplicationStepFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from practices.models import PracticePage, PracticePartner

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
PAYLOAD = f"{SCRIPT}{BREAKOUT}{JS_URL}"
SHORT_PAYLOAD = BREAKOUT  # for fields shorter than the full payload


class ActiveContentFinder(HTMLParser):
    """Collects what a browser would run: script bodies, on* handlers, javascript: URLs, injected images."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False
        # JSON-LD blocks are data, never run: their text must parse as JSON and nothing may end them early.
        self._in_json_ld = False
        self._json_ld = ""

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            compact = value.replace("\t", "").replace("\n", "")
            if name in self.URL_ATTRIBUTES and compact.startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.problems.append("injected <img src=x>")
        self._in_json_ld = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        self._in_script = tag == "script" and not self._in_json_ld
        self._json_ld = ""

    def handle_endtag(self, tag):
        if tag == "script":
            if self._in_json_ld:
                try:
                    json.loads(self._json_ld)
                except ValueError:
                    self.problems.append(f"JSON-LD that is not JSON {self._json_ld[:40]!r}")
            self._in_script = self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self._json_ld += data
        elif self._in_script and "alert(" in data:
            self.problems.append(f"script body {data[:40]!r}")


def active_content(html: str) -> list[str]:
    finder = ActiveContentFinder()
    finder.feed(html)
    return finder.problems


def assert_inert(client, url: str, *, expect_payload: bool = True):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert "<script>alert" not in html, url
    assert active_content(html) == [], url
    if expect_payload:
        # The payload is shown as text, escaped, not silently dropped.
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&quot;&gt;&lt;img" in html, url


def test_the_checker_finds_live_payloads():
    """Guard against a checker that can never fail."""
    assert active_content(f"<p>{SCRIPT}</p>")
    assert active_content('<p><img src=x onerror="alert(1)"></p>')
    assert active_content('<a href=" javascript:alert(1)">x</a>')
    escaped = "<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1) javascript:alert(1)</p>"
    assert not active_content(escaped)
    # JSON-LD: data when escaped (\u003C), a live script when a value closes the block.
    json_ld = '<script type="application/ld+json">{}</script>'
    assert not active_content(json_ld.format('{"name": "\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E"}'))
    assert active_content(json_ld.format('{"name": "</script><script>alert(1)</script>"}'))


@pytest.fixture
def hostile_practice():
    theme = ThemeFactory(name=f"Tema {SHORT_PAYLOAD}"[:100], description=PAYLOAD)
    group = TargetGroupFactory(name=f"Grup {SHORT_PAYLOAD}"[:100])
    image = ImageFactory(title=PAYLOAD, description=PAYLOAD)
    practice = PracticePageFactory(
        title=f"Uygulama {PAYLOAD}",
        seo_title=PAYLOAD,
        search_description=PAYLOAD,
        introduction=PAYLOAD,
        summary=PAYLOAD,
        theme=theme,
        target_groups=[group],
        hero_image=image,
        featured=True,
        implementing_unit=PAYLOAD[:200],
        location=PAYLOAD[:200],
        funding_sources=PAYLOAD,
        staff_needed=PAYLOAD[:200],
        time_to_launch=SHORT_PAYLOAD,
        legal_basis=PAYLOAD,
        beneficiaries=PAYLOAD,
        contact_unit=PAYLOAD[:200],
        contact_phone=SHORT_PAYLOAD[:40],
        tags=[f"etiket {SHORT_PAYLOAD}"],
    )
    PracticeMetricFactory(page=practice, label=PAYLOAD[:150], unit=SHORT_PAYLOAD)
    ReplicationStepFactory(
        page=practice, title=PAYLOAD[:200], description=PAYLOAD, resources=PAYLOAD, duration=SHORT_PAYLOAD
    )
    PracticePartner.objects.create(
        page=practice, name=PAYLOAD[:200], role=PAYLOAD[:200], url="https://example.org/"
    )
    practice.gallery_images.create(image=image, caption=PAYLOAD[:250])
    practice.save_revision().publish()
    return PracticePage.objects.get(pk=practice.pk)


def test_practice_page_and_kit_show_payloads_as_text(client, hostile_practice):
    assert_inert(client, hostile_practice.url)
    assert_inert(client, hostile_practice.url + "kit/")


def test_library_tag_page_and_home_page_show_payloads_as_text(client, hostile_practice):
    tag = hostile_practice.tags.get()
    assert_inert(client, "/uygulamalar/")
    assert_inert(client, f"/uygulamalar/etiket/{tag.slug}/")
    assert_inert(client, "/")


def test_api_returns_payloads_as_json_strings(client, hostile_practice):
    response = client.get(f"/api/v2/pages/{hostile_practice.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["summary"] == PAYLOAD


@pytest.mark.parametrize(
    "url", ["/ara/?q=", "/uygulamalar/?tag=", "/uygulamalar/?theme=", "/uygulamalar/?page="]
)
def test_query_string_payloads_are_not_reflected_as_markup(client, url):
    response = client.get(url + SCRIPT + BREAKOUT)
    assert response.status_code < 500
    html = response.content.decode()
    assert "<script>alert" not in html
    assert active_content(html) == []


def contentstate(text: str, link_url: str) -> str:
    """Draftail's JSON as a hostile client would post it: payload text and a javascript: link."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link_url}}},
        }
    )


def test_rich_text_posted_through_the_admin_is_sanitised(client, admin_user):
    practice = PracticePageFactory()
    client.force_login(admin_user)
    hostile = contentstate(f"Tıkla {SCRIPT}{BREAKOUT}", JS_URL)
    data = nested_form_data(
        {
            "title": practice.title,
            "slug": practice.slug,
            "introduction": SCRIPT,
            "summary": "Özet",
            "theme": practice.theme_id,
            "implementing_unit": "Birim",
            "start_year": 2020,
            "status": "running",
            "evidence_level": "implemented",
            "province": 33,
            "budget_band": "low",
            "last_reviewed": "2026-01-10",
            "problem": hostile,
            "approach": hostile,
            "results": hostile,
            "lessons": hostile,
            "contact_unit": "Birim",
            "tags": "",
            "metrics": inline_formset([]),
            "replication_steps": inline_formset([]),
            "partners": inline_formset([{"name": "Ortak", "role": "", "url": JS_URL}]),
            "documents": inline_formset([]),
            "gallery_images": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data["target_groups"] = [TargetGroupFactory().pk]
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[practice.pk]), data)
    # The javascript: partner URL is refused by the form, so nothing is published.
    assert response.status_code == 200
    assert "Enter a valid URL" in response.content.decode() or "Geçerli bir URL" in response.content.decode()

    data["partners-0-url"] = "https://example.org/"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[practice.pk]), data)
    form = response.context["form"] if response.status_code == 200 else None
    assert response.status_code == 302, form.errors if form else response
    practice = Page.objects.get(pk=practice.pk).specific
    for field in ("problem", "approach", "results", "lessons"):
        stored = getattr(practice, field)
        assert "<script" not in stored, stored
        assert "javascript:" not in stored, stored
        assert "onerror" not in stored or "&lt;img" in stored, stored
    assert_inert(client, practice.url)
