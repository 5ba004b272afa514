"""A practice page travels: canonical address, Open Graph and Twitter card tags with the hero image,
schema.org JSON-LD read back as data, a share box that works without JavaScript, Turkish numbers; every
address absolute and taken from the Wagtail Site (the public address), never the request or localhost."""

import json
import re
from html.parser import HTMLParser

from wagtail.models import Site

import pytest

from portal.models import PortalSettings
from practices.factories import (
    ImageFactory,
    PracticeMetricFactory,
    PracticePageFactory,
    ReplicationStepFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC_ROOT = "https://atlas.example.gov.tr"


class HeadReader(HTMLParser):
    """Collects <meta property/name>, <link rel=canonical> and the JSON-LD blocks (parsed as JSON)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.json_ld: list[dict] = []
        self._json_ld_text: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._json_ld_text = ""

    def handle_data(self, data):
        if self._json_ld_text is not None:
            self._json_ld_text += data

    def handle_endtag(self, tag):
        if tag == "script" and self._json_ld_text is not None:
            self.json_ld.append(json.loads(self._json_ld_text))
            self._json_ld_text = None

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, (key, values)
        return values[0]


def read_head(html: str) -> HeadReader:
    reader = HeadReader()
    reader.feed(html)
    return reader


def urls_in(value) -> list[str]:
    """Every string in a JSON value that looks like an address."""
    if isinstance(value, dict):
        return [url for item in value.values() for url in urls_in(item)]
    if isinstance(value, list):
        return [url for item in value for url in urls_in(item)]
    return [value] if isinstance(value, str) and "://" in value else []


def nodes_by_type(data: dict) -> dict[str, dict]:
    return {node["@type"]: node for node in data["@graph"]}


@pytest.fixture(autouse=True)
def public_site():
    """The Wagtail Site as deployment sets it from SITE_BASE_URL; requests still come to "testserver"."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "atlas.example.gov.tr", 443
    site.save()
    settings = PortalSettings.for_site(site)
    settings.office_name = "Sosyal Politikalar Ofisi"
    settings.save()
    return site


@pytest.fixture
def practice():
    practice = PracticePageFactory(
        title="Yeni Doğan Destek Paketi",
        summary="Her yeni doğana ev ziyareti ve destek paketi.",
        hero_image=ImageFactory(
            description="Bebek battaniyesi ve destek paketi", file__width=1600, file__height=900
        ),
        theme=ThemeFactory(name="Erken Çocukluk"),
        tags=["bebek", "ev ziyareti"],
        beneficiaries_count=9300,
        beneficiaries="yoksul hane",
    )
    ReplicationStepFactory(page=practice, title="İhtiyaç analizi yapın", resources="2 uzman", duration="1 ay")
    ReplicationStepFactory(page=practice, title="Paketi tasarlayın")
    PracticeMetricFactory(page=practice, label="İlk 15 günde ziyaret", value=40, unit="%")
    PracticeMetricFactory(page=practice, label="Ulaşılan aile", value=9300, unit="aile")
    return practice


def test_canonical_open_graph_and_twitter_tags_use_the_public_address_and_the_hero_image(client, practice):
    head = read_head(client.get(practice.url).content.decode())
    canonical = PUBLIC_ROOT + practice.url
    assert head.canonical == [canonical]
    assert head.one("og:url") == canonical
    assert head.one("og:type") == "article"
    assert head.one("og:title") == practice.title
    assert head.one("og:description") == practice.summary
    assert head.one("og:locale") == "tr_TR"
    assert head.one("article:section") == "Erken Çocukluk"
    assert sorted(head.meta["article:tag"]) == ["bebek", "ev ziyareti"]
    image = head.one("og:image")
    assert image.startswith(PUBLIC_ROOT + "/") and ".fill-1200x600" in image
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "600")
    assert head.one("og:image:alt") == "Bebek battaniyesi ve destek paketi"
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:image") == image
    assert head.one("twitter:title") == practice.title


def test_json_ld_describes_the_case_study_its_steps_and_the_office(client, practice):
    head = read_head(client.get(practice.url).content.decode())
    assert len(head.json_ld) == 1
    data = head.json_ld[0]
    assert data["@context"] == "https://schema.org"
    nodes = nodes_by_type(data)
    assert set(nodes) == {"Article", "HowTo", "GovernmentOrganization"}
    canonical = PUBLIC_ROOT + practice.url

    article = nodes["Article"]
    assert article["name"] == article["headline"] == practice.title
    assert article["description"] == practice.summary
    assert article["url"] == canonical
    assert article["image"]["url"] == head.one("og:image")
    assert (article["image"]["width"], article["image"]["height"]) == (1200, 600)
    assert article["datePublished"].startswith(str(practice.first_published_at.year))

    office = nodes["GovernmentOrganization"]
    assert office["name"] == "Sosyal Politikalar Ofisi"
    assert office["url"] == PUBLIC_ROOT + "/"
    assert article["publisher"] == article["author"] == {"@id": office["@id"]}

    how_to = nodes["HowTo"]
    assert how_to["isPartOf"] == {"@id": article["@id"]}
    steps = how_to["step"]
    assert [(step["@type"], step["position"], step["name"]) for step in steps] == [
        ("HowToStep", 1, "İhtiyaç analizi yapın"),
        ("HowToStep", 2, "Paketi tasarlayın"),
    ]
    assert "2 uzman" in steps[0]["text"] and "1 ay" in steps[0]["text"]
    assert [step["url"] for step in steps] == [f"{canonical}#step-1", f"{canonical}#step-2"]

    addresses = urls_in(data)
    assert addresses and all(
        url.startswith(PUBLIC_ROOT + "/") for url in addresses if url != data["@context"]
    )
    assert not any("localhost" in url or "testserver" in url for url in addresses)


def test_step_anchors_in_json_ld_exist_on_the_page(client, practice):
    html = client.get(practice.url).content.decode()
    assert 'id="step-1"' in html and 'id="step-2"' in html and 'id="replication-steps"' in html


def test_a_practice_without_image_or_steps_gets_a_small_card_and_no_how_to(client):
    practice = PracticePageFactory(hero_image=None)
    head = read_head(client.get(practice.url).content.decode())
    assert head.one("twitter:card") == "summary"
    assert "og:image" not in head.meta and "twitter:image" not in head.meta
    nodes = nodes_by_type(head.json_ld[0])
    assert set(nodes) == {"Article", "GovernmentOrganization"}
    assert "image" not in nodes["Article"]


def test_json_ld_is_inert_data_even_with_markup_in_the_content(client):
    title = 'Uygulama </script><script>alert(1)</script> & "tırnak"'
    practice = PracticePageFactory(title=title, summary="<!-- yorum --> <b>kalın</b>")
    ReplicationStepFactory(page=practice, title="</SCRIPT><img src=x onerror=alert(1)>")
    html = client.get(practice.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    nodes = nodes_by_type(json.loads(block))
    assert nodes["Article"]["name"] == title
    assert nodes["Article"]["description"] == "<!-- yorum --> <b>kalın</b>"
    assert nodes["HowTo"]["step"][0]["name"] == "</SCRIPT><img src=x onerror=alert(1)>"
    # The page has exactly one script element besides the external files: the data block.
    assert len(re.findall(r"<script\b", html, re.I)) == len(re.findall(r"<script src=", html)) + 1


def test_share_box_shows_the_address_and_links_without_javascript(client, practice):
    html = client.get(practice.url).content.decode()
    canonical = PUBLIC_ROOT + practice.url
    box = re.search(r'<section class="share".*?</section>', html, re.S).group(0)
    assert f'value="{canonical}" readonly' in box
    assert 'href="mailto:?subject=' in box and f"body={PUBLIC_ROOT.replace(':', '%3A')}" in box
    # The JavaScript-only buttons start hidden; share.js reveals them.
    assert box.count(" hidden>") == 2
    assert '<script src="/static/js/share.js" defer></script>' in html


def test_numbers_follow_turkish_rules_everywhere_on_the_page(client, practice):
    html = client.get(practice.url).content.decode()
    assert "%40" in html and "40 %" not in html and "40%" not in html
    assert "9.300 aile" in html
    assert "9.300 · yoksul hane" in html  # beneficiaries in the facts list
    assert "9300" not in html.replace(".fill-", "")


def test_numbers_follow_english_rules_in_english(client, practice):
    html = client.get("/en" + practice.url).content.decode()  # English address, Turkish text
    assert "40%" in html and "9,300 aile" in html
    assert read_head(html).one("og:locale") == "en_GB"


def test_no_contact_person_or_private_data_in_the_sharing_metadata(client, practice):
    from mentorship.factories import AdoptionFactory, ContactPersonFactory

    adoption = AdoptionFactory(practice=practice, stage="adopted", show_publicly=True)
    contact = ContactPersonFactory(municipality=adoption.municipality)
    html = client.get(practice.url).content.decode()
    head = read_head(html)
    text = json.dumps(head.json_ld) + json.dumps(head.meta)
    for private in (contact.name, contact.email, contact.phone):
        assert private not in html and private not in text


def test_the_home_page_has_a_canonical_address_and_a_card(client):
    head = read_head(client.get("/").content.decode())
    assert head.canonical == [PUBLIC_ROOT + "/"]
    assert head.one("og:type") == "website"
    assert head.one("twitter:card") == "summary"
    assert head.json_ld == []
