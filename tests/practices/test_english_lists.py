"""The events and publications lists in English (issue 15): one list per home page, so per language; the
demo's English lists at /en/trainings/ and /en/publications/ show the English interface, the events and
publications translated into English, and the Turkish ones not yet translated, marked "In Turkish"."""

import re

import pytest

from portal.models import HomePage
from practices.demo.translations import english_locale
from practices.factories import EventPageFactory, PublicationPageFactory, ThemeFactory
from practices.models import EventIndexPage, PublicationIndexPage
from tests.english import html_lang, load_english_site, publish_translation

pytestmark = pytest.mark.django_db


def test_the_demo_gives_the_english_home_an_events_and_a_publications_list(english_site):
    english = english_locale()
    events = EventIndexPage.objects.get(locale=english)
    publications = PublicationIndexPage.objects.get(locale=english)
    assert (events.url, events.title) == ("/en/trainings/", "Trainings and sharing sessions")
    assert (publications.url, publications.title) == ("/en/publications/", "Publications")
    assert events.translation_key == EventIndexPage.objects.get(locale__language_code="tr").translation_key
    # Loading again changes nothing (an editor's edits are kept).
    load_english_site()
    assert EventIndexPage.objects.filter(locale=english).count() == 1


def test_one_list_per_home_page(english_site):
    for home in HomePage.objects.all():
        assert not EventIndexPage.can_create_at(home)
        assert not PublicationIndexPage.can_create_at(home)


def test_the_english_events_list_shows_translations_and_marks_turkish_only_events(client, english_site):
    translated_original = EventPageFactory(title="Evde bakım eğitimi", slug="evde-bakim-egitimi")
    publish_translation(translated_original, title="Home care training", slug="home-care-training")
    EventPageFactory(title="Sosyal market toplantısı", slug="sosyal-market")

    response = client.get("/en/trainings/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang(html) == "en"
    assert "Upcoming" in html  # the interface in English
    assert ">Home care training</a>" in html
    assert ">Evde bakım eğitimi</a>" not in html  # its translation stands for it
    turkish_card = re.search(
        r'<h3 class="card__title" lang="tr"><a href="[^"]+">Sosyal market toplantısı</a>', html
    )
    assert turkish_card is not None
    assert "In Turkish" in html

    turkish = client.get("/egitimler/").content.decode()
    assert ">Evde bakım eğitimi</a>" in turkish
    assert ">Sosyal market toplantısı</a>" in turkish
    assert ">Home care training</a>" not in turkish
    assert 'lang="tr"><a' not in turkish  # nothing is marked on the Turkish list


def test_the_english_publications_list_names_themes_in_english_and_filters(client, english_site):
    health = ThemeFactory(name="Sağlık", name_en="Health", slug="saglik")
    report = PublicationPageFactory(title="Yaşlı sağlığı raporu", slug="yasli-sagligi", themes=[health])
    publish_translation(report, title="Report on older people's health", slug="older-peoples-health")
    PublicationPageFactory(title="Konut notu", slug="konut-notu")

    html = client.get("/en/publications/").content.decode()
    assert html_lang(html) == "en"
    assert (
        ">Report on older people&#x27;s health</a>" in html or ">Report on older people's health</a>" in html
    )
    assert ">Yaşlı sağlığı raporu</a>" not in html
    assert ">Konut notu</a>" in html and "In Turkish" in html
    assert ">Health<" in html  # the theme filter in English

    filtered = client.get("/en/publications/?theme=saglik").content.decode()
    assert "older people" in filtered
    assert ">Konut notu</a>" not in filtered

    turkish = client.get("/yayinlar/").content.decode()
    assert ">Yaşlı sağlığı raporu</a>" in turkish and "older people" not in turkish


def test_unknown_english_list_addresses_are_404(client, english_site):
    assert client.get("/en/egitimler-yok/").status_code == 404
