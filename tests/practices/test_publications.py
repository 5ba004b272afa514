"""Policy notes, field studies and reports: the publications list filtered by kind and theme, the page, the
site search's publications section, practice pages linking the publications that cover them, the tree rules
and the events list's order."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from portal.models import HomePage
from practices.factories import (
    EventPageFactory,
    PracticePageFactory,
    PublicationDocumentFactory,
    PublicationPageFactory,
    ThemeFactory,
    event_index_page,
    publication_index_page,
)
from practices.models import (
    EventIndexPage,
    EventPage,
    PracticeIndexPage,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)

pytestmark = pytest.mark.django_db


def listed_titles(html: str, titles) -> list[str]:
    return [title for title in titles if f">{title}</a>" in html]


def test_the_list_filters_by_kind_and_theme(client):
    housing, health = ThemeFactory(name="Konut"), ThemeFactory(name="Sağlık")
    note = PublicationPageFactory(title="Not A", kind=PublicationKind.POLICY_NOTE, themes=[housing])
    study = PublicationPageFactory(title="Saha B", kind=PublicationKind.FIELD_STUDY, themes=[health])
    report = PublicationPageFactory(title="Rapor C", kind=PublicationKind.REPORT, themes=[housing, health])
    titles = [note.title, study.title, report.title]
    url = publication_index_page().url

    assert listed_titles(client.get(url).content.decode(), titles) == titles
    html = client.get(url, {"kind": "field_study"}).content.decode()
    assert listed_titles(html, titles) == ["Saha B"]
    html = client.get(url, {"theme": housing.slug}).content.decode()
    assert listed_titles(html, titles) == ["Not A", "Rapor C"]
    html = client.get(url, {"theme": health.slug, "kind": "report"}).content.decode()
    assert listed_titles(html, titles) == ["Rapor C"]
    # Only themes that publications carry are offered.
    assert f'value="{housing.slug}"' in html


@pytest.mark.parametrize("query", ["?kind=nonsense", "?theme=%00%ff", "?kind=" + "x" * 5000, "?page=-1"])
def test_the_list_never_gives_a_500(client, query):
    PublicationPageFactory()
    response = client.get(publication_index_page().url + query)
    assert response.status_code in (200, 400)  # a NUL byte is refused by the middleware, never a 500


def test_filtered_lists_are_cached_apart(client, settings):
    settings.PUBLIC_PAGE_CACHE_TIMEOUT = 60
    PublicationPageFactory(title="Not A", kind=PublicationKind.POLICY_NOTE)
    PublicationPageFactory(title="Saha B", kind=PublicationKind.FIELD_STUDY)
    url = publication_index_page().url
    client.get(url)
    html = client.get(url, {"kind": "field_study"}).content.decode()
    assert listed_titles(html, ["Not A", "Saha B"]) == ["Saha B"]


def test_the_publication_page_shows_findings_documents_and_the_practices_it_covers(client):
    practice = PracticePageFactory(title="Mahalle mutfağı")
    publication = PublicationPageFactory(
        practices=[practice],
        findings="<p>Bulgu: yaşlıların yüzde kırkı yalnız yaşıyor.</p>",
        recommendations="<p>Öneri: mahalle mutfağı yaygınlaştırılmalı.</p>",
    )
    PublicationDocumentFactory(page=publication, title="Tam rapor")
    html = client.get(publication.url).content.decode()
    assert "yüzde kırkı" in html and "yaygınlaştırılmalı" in html
    assert "Tam rapor" in html
    assert f'href="{practice.url}"' in html


def test_a_practice_page_links_the_publications_that_cover_it_published_and_public_only(client):
    practice = PracticePageFactory()
    cited = PublicationPageFactory(title="Kapsayan not", practices=[practice])
    draft = PublicationPageFactory(title="Taslak not", practices=[practice])
    draft.unpublish()
    private = PublicationPageFactory(title="Gizli not", practices=[practice])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    PublicationPageFactory(title="Başka not")
    html = client.get(practice.url).content.decode()
    assert f'href="{cited.url}"' in html
    for title in ("Taslak not", "Gizli not", "Başka not"):
        assert title not in html


def test_the_site_search_shows_matching_publications_in_their_own_section(client):
    PracticePageFactory(title="Yaşlılara sıcak yemek")
    publication = PublicationPageFactory(
        title="Yalnız yaşayan yaşlılar saha çalışması",
        kind=PublicationKind.FIELD_STUDY,
        summary="Mahallelerde yalnız yaşayan yaşlıların ihtiyaçları.",
    )
    PublicationPageFactory(title="Engelsiz ulaşım politika notu", summary="Ulaşım erişilebilirliği.")
    html = client.get("/ara/", {"q": "yalnız"}).content.decode()
    assert 'id="publications-heading"' in html
    assert f'href="{publication.url}"' in html
    assert "Engelsiz ulaşım" not in html
    html = client.get("/ara/", {"q": "hiçbirşeybulunmaz"}).content.decode()
    assert 'id="publications-heading"' not in html


def test_unpublished_publications_are_not_searchable(client):
    publication = PublicationPageFactory(title="Geri çekilen rapor")
    publication.unpublish()
    assert "Geri çekilen" not in client.get("/ara/", {"q": "geri çekilen"}).content.decode()


def test_the_events_list_shows_upcoming_events_soonest_first_then_past_ones(client):
    now = timezone.now()
    later = EventPageFactory(
        title="Sonraki",
        start=now + datetime.timedelta(days=20),
        end=now + datetime.timedelta(days=20, hours=2),
    )
    sooner = EventPageFactory(
        title="Yakında", start=now + datetime.timedelta(days=2), end=now + datetime.timedelta(days=2, hours=2)
    )
    past = EventPageFactory(
        title="Geçmiş",
        start=now - datetime.timedelta(days=5),
        end=now - datetime.timedelta(days=5) + datetime.timedelta(hours=2),
    )
    html = client.get(event_index_page().url).content.decode()
    positions = [html.index(f">{event.title}</a>") for event in (sooner, later, past)]
    assert positions == sorted(positions)
    assert html.index('id="past-heading"') < positions[2]


def test_an_event_needs_a_place_or_a_link_and_to_end_after_it_starts():
    from django.core.exceptions import ValidationError

    start = timezone.now() + datetime.timedelta(days=3)
    event = EventPage(title="X", slug="x", start=start, end=start, capacity=5, summary="s")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict or "place" in error.value.message_dict


def test_where_events_and_publications_can_be_created():
    assert EventIndexPage in HomePage.allowed_subpage_models()
    assert PublicationIndexPage in HomePage.allowed_subpage_models()
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert PublicationIndexPage.allowed_subpage_models() == [PublicationPage]
    assert EventPage not in PracticeIndexPage.allowed_subpage_models()
    assert PublicationPage.allowed_parent_page_models() == [PublicationIndexPage]
    # One list of each (created by the migration).
    assert not EventIndexPage.can_create_at(event_index_page().get_parent())
    assert not PublicationIndexPage.can_create_at(publication_index_page().get_parent())


def test_the_sitemap_lists_events_and_publications(client):
    event = EventPageFactory()
    publication = PublicationPageFactory()
    xml = client.get("/sitemap.xml").content.decode()
    assert event.url in xml and publication.url in xml and "/egitimler/" in xml and "/yayinlar/" in xml


def test_header_and_footer_link_the_events_and_publications(client):
    html = client.get("/").content.decode()
    assert html.count('href="/egitimler/"') >= 2 and html.count('href="/yayinlar/"') >= 2
