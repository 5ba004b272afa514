"""Needs and matchmaking: practices suggested for a municipality (and municipalities for a practice) with
the reasons, on the municipality's admin page and the mentors' dashboard; demo municipalities; empty states
and permissions."""

import io

from django.core.management import call_command
from django.urls import reverse

import pytest

from mentorship import matchmaking
from mentorship.factories import AdoptionFactory, MunicipalityFactory
from mentorship.models import Municipality
from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory
from tests.conftest import EN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def vocabulary():
    return {
        "health": ThemeFactory(name="Health"),
        "culture": ThemeFactory(name="Culture"),
        "elderly": TargetGroupFactory(name="Elderly"),
        "children": TargetGroupFactory(name="Children"),
    }


def with_needs(*, themes=(), groups=(), budget_band="", **kwargs) -> Municipality:
    municipality = MunicipalityFactory(budget_band=budget_band, **kwargs)
    municipality.needed_themes.set(themes)
    municipality.needed_target_groups.set(groups)
    return municipality


def titles(matches) -> list[str]:
    return [match.practice.title for match in matches]


def test_theme_target_group_and_budget_give_the_score_and_the_reasons(vocabulary):
    v = vocabulary
    town = with_needs(themes=[v["health"]], groups=[v["elderly"]], budget_band="medium")
    PracticePageFactory(
        title="Mobile screening", theme=v["health"], target_groups=[v["elderly"]], budget_band="medium"
    )
    PracticePageFactory(title="Clinic", theme=v["health"], budget_band="low")
    PracticePageFactory(
        title="Day centre", theme=v["culture"], target_groups=[v["elderly"]], budget_band="high"
    )
    PracticePageFactory(title="Art for kids", theme=v["culture"], target_groups=[v["children"]])

    matches = matchmaking.practices_for_municipality(municipality=town)

    assert titles(matches) == ["Mobile screening", "Clinic", "Day centre"]
    best, theme_only, group_only = matches
    assert best.reasons == ("needs theme Health", "serves Elderly", "similar budget band")
    assert best.score == 6
    assert theme_only.reasons == (
        "needs theme Health",
    )  # a cheaper practice is neither similar nor a warning
    assert group_only.reasons == ("serves Elderly", "costs more than its budget band")
    assert group_only.score == 1


def test_adopted_and_unpublished_practices_are_not_suggested(vocabulary):
    town = with_needs(themes=[vocabulary["health"]])
    adopted = PracticePageFactory(title="Adopted", theme=vocabulary["health"])
    PracticePageFactory(title="Draft", theme=vocabulary["health"], live=False)
    PracticePageFactory(title="Open", theme=vocabulary["health"])
    AdoptionFactory(municipality=town, practice=adopted)
    assert titles(matchmaking.practices_for_municipality(municipality=town)) == ["Open"]


def test_no_needs_means_no_suggestion_and_no_query_for_practices(vocabulary, django_assert_num_queries):
    town = MunicipalityFactory()
    PracticePageFactory(theme=vocabulary["health"])
    with django_assert_num_queries(2):  # its two needs lists, both empty
        assert matchmaking.practices_for_municipality(municipality=town) == []


def test_municipalities_for_a_practice_leave_out_its_adopters(vocabulary):
    v = vocabulary
    practice = PracticePageFactory(theme=v["health"], target_groups=[v["elderly"]], budget_band="low")
    with_needs(name="Near", themes=[v["health"]], groups=[v["elderly"]], budget_band="low")
    with_needs(name="Partly", groups=[v["elderly"]])
    with_needs(name="Elsewhere", themes=[v["culture"]])
    adopter = with_needs(name="Adopter", themes=[v["health"]])
    AdoptionFactory(municipality=adopter, practice=practice)

    matches = matchmaking.municipalities_for_practice(practice=practice)

    assert [m.municipality.name for m in matches] == ["Near", "Partly"]
    assert matches[0].reasons == ("needs theme Health", "serves Elderly", "similar budget band")


def test_suggestions_for_many_municipalities_take_a_constant_number_of_queries(
    vocabulary, django_assert_num_queries
):
    for n in range(6):
        with_needs(name=f"Town {n}", themes=[vocabulary["health"]], groups=[vocabulary["children"]])
        PracticePageFactory(theme=vocabulary["health"], target_groups=[vocabulary["children"]])
    towns = list(Municipality.objects.all())
    # needs (themes, target groups), adoptions, view restrictions (for public pages), practices, their groups
    with django_assert_num_queries(6):
        result = matchmaking.practices_for_municipalities(municipalities=towns, limit=3)
    assert all(len(matches) == 3 for matches in result.values())


# Admin pages -----------------------------------------------------------------------------------------------


def test_the_municipality_page_shows_suggestions_with_their_reasons(client, mentor, vocabulary):
    town = with_needs(themes=[vocabulary["health"]])
    PracticePageFactory(title="Mobile screening", theme=vocabulary["health"])
    client.force_login(mentor)
    response = client.get(reverse("mentorship_municipalities:inspect", args=(town.pk,)), **EN)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="municipality-matches"' in html
    assert "Mobile screening" in html and "needs theme Health" in html


def test_a_municipality_without_needs_says_how_to_get_suggestions(client, mentor):
    town = MunicipalityFactory()
    client.force_login(mentor)
    response = client.get(reverse("mentorship_municipalities:inspect", args=(town.pk,)), **EN)
    assert response.status_code == 200
    section = response.content.decode().split('id="municipality-matches"')[1].split("</section>")[0]
    assert "<table" not in section and "<p>" in section


def test_mentors_record_needs_on_the_edit_form(client, mentor, vocabulary):
    town = MunicipalityFactory()
    client.force_login(mentor)
    url = reverse("mentorship_municipalities:edit", args=(town.pk,))
    form = client.get(url).content.decode()
    assert 'name="needed_themes"' in form and 'name="needed_target_groups"' in form
    data = {
        "name": town.name,
        "kind": town.kind,
        "population_band": "",
        "province": town.province,
        "district": "",
        "latitude": "",
        "longitude": "",
        "website": "",
        "needed_themes": [vocabulary["health"].pk],
        "needed_target_groups": [vocabulary["elderly"].pk],
        "budget_band": "medium",
        "needs_notes": "Two nurses available.",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    town.refresh_from_db()
    assert list(town.needed_themes.all()) == [vocabulary["health"]]
    assert town.budget_band == "medium" and town.needs_notes == "Two nurses available."


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_non_mentors_are_refused_the_municipality_pages(client, request, role):
    town = with_needs()
    client.force_login(request.getfixturevalue(role))
    for name in ("inspect", "edit"):
        response = client.get(reverse(f"mentorship_municipalities:{name}", args=(town.pk,)))
        assert response.status_code in (302, 403)
        assert b"municipality-matches" not in response.content


def test_the_dashboard_lists_suggestions_for_mentors_only(client, mentor, editor, vocabulary):
    town = with_needs(name="Needy town", themes=[vocabulary["health"]])
    PracticePageFactory(title="Mobile screening", theme=vocabulary["health"])
    client.force_login(mentor)
    html = client.get(reverse("wagtailadmin_home"), **EN).content.decode()
    assert 'id="mentorship-matchmaking' in html
    assert town.name in html and "Mobile screening" in html
    client.force_login(editor)
    assert b"mentorship-matchmaking" not in client.get(reverse("wagtailadmin_home")).content


def test_the_dashboard_panel_explains_when_no_needs_are_recorded(client, mentor):
    MunicipalityFactory()
    client.force_login(mentor)
    html = client.get(reverse("wagtailadmin_home"), **EN).content.decode()
    panel = html.partition('id="mentorship-matchmaking')[2].partition("</section>")[0]
    assert "<table" not in panel and "No municipality has recorded needs yet" in panel


# Demo data -------------------------------------------------------------------------------------------------


def test_demo_municipalities_get_needs_and_sensible_suggestions():
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    sinop = Municipality.objects.get(name="Sinop Belediyesi")
    matches = matchmaking.practices_for_municipality(municipality=sinop)
    assert matches, "a demo municipality with needs gets suggestions"
    best = matches[0]
    assert best.practice.slug == "yaslilara-mobil-saglik-taramasi"
    assert len(best.reasons) == 3  # its theme, its target group and its budget band
    van = Municipality.objects.get(name="Van Büyükşehir Belediyesi")
    van_titles = {m.practice.slug for m in matchmaking.practices_for_municipality(municipality=van)}
    assert "kadin-danisma-merkezi" not in van_titles  # already being adopted
    assert van_titles
    with_needs_count = matchmaking.municipalities_with_needs().count()
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    assert matchmaking.municipalities_with_needs().count() == with_needs_count >= 4


# Needs offered with the public visit request ---------------------------------------------------------------


@pytest.fixture
def request_form(settings):
    from django.core.cache import cache

    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    settings.TRUSTED_PROXY_COUNT = 0
    cache.clear()
    yield
    cache.clear()


def visit_request_data(**overrides) -> dict:
    import datetime

    from django.utils import timezone

    data = {
        "municipality": "",
        "new_municipality_name": "Deneme Belediyesi",
        "new_municipality_kind": "district",
        "new_municipality_province": "33",
        "contact_name": "Deneme Kişi",
        "email": "deneme@example.org",
        "preferred_date_1": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "delegation_size": "8",
        "preferred_format": "hosted",
        "purpose": "learn",
        "consent": "on",
        "website": "",
    }
    return data | overrides


def test_a_visit_request_adds_the_needs_ticked_to_a_new_municipality(client, request_form, vocabulary):
    data = visit_request_data(
        needed_themes=[vocabulary["health"].pk], needed_target_groups=[vocabulary["elderly"].pk]
    )
    assert client.post("/ziyaret-talebi/", data).status_code == 302
    town = Municipality.objects.get(name="Deneme Belediyesi")
    assert list(town.needed_themes.all()) == [vocabulary["health"]]
    assert list(town.needed_target_groups.all()) == [vocabulary["elderly"]]


def test_a_visit_request_proposes_needs_for_a_confirmed_municipality(client, request_form, vocabulary):
    """Mentors confirmed it: the needs ticked wait on the request for a mentor to apply them."""
    town = with_needs(name="Known", themes=[vocabulary["culture"]], confirmed=True)
    data = visit_request_data(
        municipality=str(town.pk),
        new_municipality_name="",
        new_municipality_kind="",
        new_municipality_province="",
        needed_themes=[vocabulary["health"].pk],
        needed_target_groups=[vocabulary["elderly"].pk],
    )
    response = client.post("/ziyaret-talebi/", data)
    assert response.status_code == 302
    assert list(town.needed_themes.all()) == [vocabulary["culture"]]  # unchanged
    assert not town.needed_target_groups.exists()
    visit = town.visits.get()
    assert list(visit.proposed_themes.all()) == [vocabulary["health"]]
    assert list(visit.proposed_target_groups.all()) == [vocabulary["elderly"]]


def test_a_visit_request_without_needs_records_none(client, request_form, vocabulary):
    assert client.post("/ziyaret-talebi/", visit_request_data()).status_code == 302
    town = Municipality.objects.get(name="Deneme Belediyesi")
    assert not town.needed_themes.exists() and not town.needed_target_groups.exists()


@pytest.mark.parametrize("value", ["99999", "abc", "1" * 30])
def test_an_unknown_need_is_a_form_error_and_nothing_is_recorded(client, request_form, vocabulary, value):
    response = client.post("/ziyaret-talebi/", visit_request_data(needed_themes=[value]))
    assert response.status_code == 400
    assert b'id="id_needed_themes_group"' in response.content or b"id_needed_themes" in response.content
    assert not Municipality.objects.filter(name="Deneme Belediyesi").exists()


# The readiness self-check's demand signal on the dashboard -------------------------------------------------


def test_mentors_see_the_self_checks_per_theme_of_the_last_months(client, mentor, editor, vocabulary):
    import datetime

    from django.utils import timezone

    from mentorship import selectors
    from practices.readiness import readiness_count_record

    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=200)
    for band in ("early", "early", "ready"):
        readiness_count_record(theme_id=vocabulary["health"].pk, band=band, today=today)
    readiness_count_record(theme_id=vocabulary["culture"].pk, band="partly", today=long_ago)

    rows = selectors.readiness_demand(months=3, today=today)
    assert [(r.theme, r.early, r.ready, r.total) for r in rows] == [("Health", 2, 1, 3)]

    client.force_login(mentor)
    html = client.get(reverse("wagtailadmin_home"), **EN).content.decode()
    panel = html.partition('id="mentorship-readiness-demand')[2].partition("</table>")[0]
    assert "Health" in panel and "Culture" not in panel
    client.force_login(editor)
    assert b"mentorship-readiness-demand" not in client.get(reverse("wagtailadmin_home")).content
