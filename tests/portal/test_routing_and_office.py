"""Issue 17: public pages are routed from the home page of the address's language without Wagtail's Locale
query (portal.routing), and the footer's office details are kept per process until the settings change
(portal.office)."""

from wagtail.models import Locale, PageViewRestriction, Site

import pytest

from portal.models import HomePage, PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get(locale__language_code="tr")


def english_home(home) -> HomePage:
    translated = home.copy_for_translation(Locale.objects.get(language_code="en"))
    translated.title = translated.draft_title = "Practice Atlas in English"
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def served(client, path: str) -> int:
    return client.get(path).context["page"].pk


def test_english_addresses_are_served_from_the_english_home_page(client, home):
    translated = english_home(home)
    assert served(client, "/en/") == translated.pk
    assert served(client, "/") == home.pk
    translated.unpublish()  # a draft translation is not shown: the Turkish home page stands for it
    assert served(client, "/en/") == home.pk


def test_english_routing_costs_one_query_for_the_home_page(client, home, django_assert_max_num_queries):
    english_home(home)
    client.get("/en/")
    with django_assert_max_num_queries(100) as english:
        client.get("/en/")
    with django_assert_max_num_queries(100) as turkish:
        client.get("/")
    locale_queries = [q for q in english.captured_queries if 'FROM "wagtailcore_locale"' in q["sql"]]
    assert locale_queries == []
    # The same page in English costs what it costs in Turkish but for its translation's lookups.
    assert len(english.captured_queries) <= len(turkish.captured_queries) + 1


def test_privacy_still_applies_to_routed_pages(client, home):
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get("/no-such-page/").status_code == 404


def test_a_settings_change_reaches_the_footer_on_the_next_request(client):
    office = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    office.office_name = "Sosyal Politikalar Dairesi"
    office.save()
    assert "Sosyal Politikalar Dairesi" in client.get("/").content.decode()
    office.office_name = "Sosyal Hizmetler Dairesi"
    office.email = "atlas@example.test"
    office.save()
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Sosyal Hizmetler Dairesi" in footer and 'href="mailto:atlas@example.test"' in footer
