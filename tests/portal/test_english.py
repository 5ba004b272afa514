"""English as a second language (issue 15): addresses per language, hreflang, the switch, translated and
untranslated practices, taxonomy names, the privacy notice and the sitemap."""

import re

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Site

import pytest

from mentorship.factories import AdoptionFactory
from mentorship.models import AdoptionStage
from portal.models import PortalSettings
from practices.demo.translations import english_locale
from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory
from practices.models import SDG
from tests.english import hreflangs, html_lang

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return ThemeFactory(name="Sağlık", name_en="Health", slug="saglik")


@pytest.fixture
def practice(theme):
    group = TargetGroupFactory(name="Yaşlılar", name_en="Older people", slug="yaslilar")
    return PracticePageFactory(
        title="Yaşlılara Mobil Sağlık Taraması",
        slug="yaslilara-mobil-saglik-taramasi",
        summary="Mahalle mahalle dolaşan bir araçla tarama.",
        theme=theme,
        target_groups=[group],
    )


def translate(practice, *, title: str, slug: str):
    """What an editor's "Translate" makes, filled in and published."""
    translated = practice.copy_for_translation(english_locale())
    translated.title = translated.draft_title = title
    translated.slug = slug
    translated.summary = "A vehicle tours the neighbourhoods to screen older residents."
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def test_the_address_decides_the_language_and_the_cookie_does_not(client, english_site, practice):
    client.cookies["django_language"] = "en"
    turkish = client.get("/uygulamalar/", HTTP_ACCEPT_LANGUAGE="en")
    english = client.get("/en/practices/")
    assert turkish.status_code == english.status_code == 200
    assert html_lang(turkish.content.decode()) == "tr"
    assert html_lang(english.content.decode()) == "en"
    assert turkish["Content-Language"] == "tr"


def test_the_portal_views_have_english_addresses_and_apis_do_not(client):
    with translation.override("tr"):
        assert reverse("impact") == "/etki/"
    with translation.override("en"):
        assert reverse("impact") == "/en/etki/"
    for path in ("/en/etki/", "/en/ziyaret-talebi/", "/en/kisisel-veriler/", "/en/ara/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert html_lang(response.content.decode()) == "en"
    assert client.get("/healthz/").status_code == 200
    assert client.get("/en/healthz/").status_code == 404
    assert client.get("/en/sitemap.xml").status_code == 404


def test_unknown_english_addresses_are_404(client, english_site):
    assert client.get("/en/no-such-page/").status_code == 404
    assert client.get("/en/practices/no-such-practice/").status_code == 404


def test_a_translated_practice_names_both_addresses_in_hreflang(client, english_site, practice):
    translated = translate(practice, title="Mobile Health Screening", slug="mobile-health-screening")
    turkish = client.get("/uygulamalar/yaslilara-mobil-saglik-taramasi/").content.decode()
    english = client.get("/en/practices/mobile-health-screening/").content.decode()
    expected = {
        "tr": "http://testserver/uygulamalar/yaslilara-mobil-saglik-taramasi/",
        "en": "http://testserver/en/practices/mobile-health-screening/",
        "x-default": "http://testserver/uygulamalar/yaslilara-mobil-saglik-taramasi/",
    }
    assert hreflangs(turkish) == hreflangs(english) == expected
    assert translated.url == "/en/practices/mobile-health-screening/"
    assert "<h1>Mobile Health Screening</h1>" in english


def test_an_english_page_does_not_offer_its_own_original_as_related(client, english_site, practice):
    translate(practice, title="Mobile Health Screening", slug="mobile-health-screening")
    english = client.get("/en/practices/mobile-health-screening/").content.decode()
    assert "Yaşlılara Mobil" not in english


def test_the_language_switch_keeps_the_page(client, english_site, practice):
    translate(practice, title="Mobile Health Screening", slug="mobile-health-screening")
    html = client.get("/uygulamalar/yaslilara-mobil-saglik-taramasi/?utm=x").content.decode()
    switch = re.search(r'<a href="(/dil/\?[^"]+)" lang="en"', html).group(1).replace("&amp;", "&")
    response = client.get(switch)
    assert response.status_code == 302
    assert response["Location"] == "/en/practices/mobile-health-screening/?utm=x"
    assert response.cookies["django_language"].value == "en"  # remembered as a preference only
    back = client.get("/en/practices/mobile-health-screening/kit/").content.decode()
    to_turkish = re.search(r'<a href="/dil/\?([^"]+)" lang="tr"', back).group(1)
    assert "next=%2Fuygulamalar%2Fyaslilara-mobil-saglik-taramasi%2Fkit%2F" in to_turkish


def test_the_switch_on_a_portal_view_keeps_the_view(client):
    html = client.get("/etki/").content.decode()
    assert re.search(r'<a href="/dil/\?language=en&amp;next=%2Fen%2Fetki%2F" lang="en"', html)
    assert client.get("/dil/", {"language": "en", "next": "//evil.example/"})["Location"] == "/"


def test_an_untranslated_practice_is_shown_in_turkish_under_en_with_a_notice(client, english_site, practice):
    response = client.get("/en/practices/yaslilara-mobil-saglik-taramasi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_lang(html) == "en"
    assert "This practice has not been translated yet: its text is shown in Turkish." in html
    assert '<h1 lang="tr">Yaşlılara Mobil Sağlık Taraması</h1>' in html
    assert 'class="practice__body" lang="tr"' in html
    assert 'href="/en/practices/yaslilara-mobil-saglik-taramasi/kit/"' in html
    # Only the Turkish page exists: it is the one hreflang and the canonical name.
    assert hreflangs(html) == {
        "tr": "http://testserver/uygulamalar/yaslilara-mobil-saglik-taramasi/",
        "x-default": "http://testserver/uygulamalar/yaslilara-mobil-saglik-taramasi/",
    }
    assert (
        '<link rel="canonical" href="http://testserver/uygulamalar/yaslilara-mobil-saglik-taramasi/">' in html
    )
    kit = client.get("/en/practices/yaslilara-mobil-saglik-taramasi/kit/")
    assert kit.status_code == 200 and html_lang(kit.content.decode()) == "en"


def test_the_english_library_marks_practices_that_are_only_in_turkish(client, english_site, practice, theme):
    other = PracticePageFactory(title="Sosyal Market", slug="sosyal-market", theme=theme)
    translate(other, title="Social Market", slug="social-market")
    html = client.get("/en/practices/").content.decode()
    assert 'href="/en/practices/yaslilara-mobil-saglik-taramasi/"' in html
    assert html.count("In Turkish") == 1
    assert 'href="/en/practices/social-market/"' in html
    assert "Sosyal Market" not in html  # the original of a translated practice is not listed twice
    turkish = client.get("/uygulamalar/").content.decode()
    assert "Social Market" not in turkish and "In Turkish" not in turkish


def test_taxonomy_is_named_in_english_on_english_pages(client, english_site, practice):
    practice.sdgs.add(SDG.objects.get(number=3))
    practice.save_revision().publish()
    english = client.get("/en/practices/yaslilara-mobil-saglik-taramasi/").content.decode()
    turkish = client.get("/uygulamalar/yaslilara-mobil-saglik-taramasi/").content.decode()
    assert ">Health</a>" in english and ">Older people</a>" in english
    assert "3. Good Health and Well-being" in english
    assert ">Sağlık</a>" in turkish and ">Yaşlılar</a>" in turkish
    library = client.get("/en/practices/").content.decode()
    assert "Older people" in library  # the card's chips and the filter labels


def test_every_sdg_has_its_un_english_name():
    names = dict(SDG.objects.values_list("number", "name_en"))
    assert len(names) == 17 and all(names.values())
    assert names[1] == "No Poverty" and names[17] == "Partnerships for the Goals"


def test_the_privacy_notice_follows_the_address(client):
    settings_obj = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.privacy_notice = "<p>Türkçe aydınlatma metni.</p>"
    settings_obj.save()
    fallback = client.get("/en/kisisel-veriler/").content.decode()
    assert '<div lang="tr"><p>Türkçe aydınlatma metni.</p></div>' in fallback
    settings_obj.privacy_notice_en = "<p>The English notice.</p>"
    settings_obj.save()
    english = client.get("/en/kisisel-veriler/").content.decode()
    turkish = client.get("/kisisel-veriler/").content.decode()
    assert "<div><p>The English notice.</p></div>" in english
    assert "Türkçe aydınlatma metni." in turkish and "English notice" not in turkish


def test_the_sitemap_lists_both_languages_with_alternates(client, english_site, practice):
    translate(practice, title="Mobile Health Screening", slug="mobile-health-screening")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/en/practices/mobile-health-screening/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="en" href="http://testserver/en/practices/mobile-health-screening/"/>'
        in xml
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" '
        'href="http://testserver/uygulamalar/yaslilara-mobil-saglik-taramasi/"/>' in xml
    )
    assert "<loc>http://testserver/en/etki/</loc>" in xml


def test_locales_exist_for_both_languages():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"tr", "en"}


def test_the_visit_request_form_shows_the_notice_in_the_address_language(client):
    settings_obj = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.privacy_notice = "<p>Türkçe aydınlatma metni.</p>"
    settings_obj.save()
    fallback = client.get("/en/ziyaret-talebi/").content.decode()
    assert '<div lang="tr"><p>Türkçe aydınlatma metni.</p></div>' in fallback
    settings_obj.privacy_notice_en = "<p>The English notice.</p>"
    settings_obj.save()
    assert "<div><p>The English notice.</p></div>" in client.get("/en/ziyaret-talebi/").content.decode()
    turkish = client.get("/ziyaret-talebi/").content.decode()
    assert "Türkçe aydınlatma metni." in turkish and "English notice" not in turkish


def test_the_impact_page_names_themes_in_the_address_language(client, practice):
    AdoptionFactory(practice=practice, stage=AdoptionStage.ADOPTED)
    english = client.get("/en/etki/").content.decode()
    turkish = client.get("/etki/").content.decode()
    assert '<th scope="row">Health</th>' in english and '<th scope="row">Sağlık</th>' not in english
    assert '<th scope="row">Sağlık</th>' in turkish


def test_search_without_results_offers_the_library_of_the_address_language(client, english_site):
    english = client.get("/en/ara/", {"q": "zzqxw"}).content.decode()
    assert 'href="/en/practices/"' in english
    turkish = client.get("/ara/", {"q": "zzqxw"}).content.decode()
    assert 'href="/uygulamalar/"' in turkish
