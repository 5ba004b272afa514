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


# The pages above the one served are kept per process (portal.routing); what is served is read now. ---------
# "Another process" changes rows without signals (queryset updates, bulk_create): this process's kept pages
# are then out of date, as they are in a worker that did not see the change (no shared cache).


@pytest.fixture
def library():
    from practices.factories import practice_index_page

    return practice_index_page()


@pytest.fixture
def practice(library):
    from practices.factories import PracticePageFactory

    return PracticePageFactory(parent=library, slug="sosyal-market", title="Sosyal Market")


def test_a_warm_process_routes_a_practice_without_reading_the_site_or_the_pages_above(
    client, practice, django_assert_max_num_queries
):
    client.get(practice.url)
    with django_assert_max_num_queries(100) as queries:
        assert client.get(practice.url).status_code == 200
    read = " ".join(q["sql"] for q in queries.captured_queries)
    assert 'FROM "wagtailcore_site"' not in read
    assert 'FROM "portal_homepage"' not in read and 'FROM "practices_practiceindexpage"' not in read


def test_a_kept_page_served_itself_is_read_again(client, library, practice):
    assert "Uygulamalar" in client.get(library.url).content.decode()
    type(library).objects.filter(pk=library.pk).update(title="Tüm uygulamalar")
    assert client.get(library.url).context["page"].title == "Tüm uygulamalar"
    assert client.get(practice.url).status_code == 200


def test_a_section_renamed_by_another_process_is_not_served_at_its_old_address(client, library, practice):
    old_address = library.url
    client.get(old_address)
    type(library).objects.filter(pk=library.pk).update(slug="kutuphane", url_path="/home/kutuphane/")
    assert client.get(old_address).status_code == 404
    assert client.get("/kutuphane/").context["page"].pk == library.pk


def test_a_restriction_added_by_another_process_applies_at_once(client, library, practice):
    assert client.get(practice.url).status_code == 200
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=library, restriction_type="login")])
    response = client.get(practice.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(library.url).status_code == 302


# View restrictions in one query (portal.models.BasePage): the same answer as Wagtail's own method. ----------


def restriction_ids(page) -> set[int]:
    return set(page.get_view_restrictions().values_list("pk", flat=True))


def wagtail_restriction_ids(page) -> set[int]:
    from wagtail.models import Page

    return set(Page.get_view_restrictions(page).values_list("pk", flat=True))


def test_restrictions_of_the_page_and_its_ancestors_are_wagtails(
    home, library, practice, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert list(practice.get_view_restrictions()) == []
    on_library = PageViewRestriction.objects.create(page=library, restriction_type=PageViewRestriction.LOGIN)
    on_practice = PageViewRestriction.objects.create(
        page=practice, restriction_type=PageViewRestriction.PASSWORD, password="gizli"
    )
    assert restriction_ids(practice) == wagtail_restriction_ids(practice) == {on_library.pk, on_practice.pk}
    assert restriction_ids(library) == wagtail_restriction_ids(library) == {on_library.pk}
    assert restriction_ids(home) == wagtail_restriction_ids(home) == set()


def test_an_alias_takes_the_restrictions_of_its_source_as_in_wagtail(home, library, practice):
    from practices.factories import PracticePageFactory

    source = PracticePageFactory(parent=library, slug="kaynak")
    on_source = PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    alias = source.create_alias(parent=library, update_slug="kaynak-kopya")
    assert restriction_ids(alias) == wagtail_restriction_ids(alias) == {on_source.pk}
