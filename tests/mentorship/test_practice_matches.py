"""Municipalities that could adopt a practice, with the reasons: a mentors' admin page reached from the
practice's admin pages and the dashboard; permission-checked, query-count pinned, never public."""

from django.urls import reverse

import pytest

from mentorship.factories import AdoptionFactory, MunicipalityFactory
from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory
from tests.conftest import EN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def practice():
    health, elderly = ThemeFactory(name="Health"), TargetGroupFactory(name="Elderly")
    return PracticePageFactory(title="Mobile screening", theme=health, target_groups=[elderly])


def town(name, *, themes=(), groups=()):
    municipality = MunicipalityFactory(name=name)
    municipality.needed_themes.set(themes)
    municipality.needed_target_groups.set(groups)
    return municipality


def url(practice) -> str:
    return reverse("mentorship_practice_municipalities", args=(practice.pk,))


def test_mentors_see_the_municipalities_a_practice_suits_with_the_reasons(client, mentor, practice):
    town("Needs health", themes=[practice.theme])
    town("Serves elderly", groups=list(practice.target_groups.all()))
    adopter = town("Adopter", themes=[practice.theme])
    AdoptionFactory(municipality=adopter, practice=practice)
    town("Needs nothing")
    client.force_login(mentor)
    html = client.get(url(practice), **EN).content.decode()
    assert "Needs health" in html and "needs theme Health" in html
    assert "Serves elderly" in html and "serves Elderly" in html
    assert html.index("Needs health") < html.index("Serves elderly")  # the theme scores more
    assert "Adopter" not in html and "Needs nothing" not in html


def test_a_practice_no_municipality_needs_shows_the_empty_state(client, mentor, practice):
    client.force_login(mentor)
    response = client.get(url(practice), **EN)
    assert response.status_code == 200
    assert "No municipality has recorded needs this practice meets yet" in response.content.decode()


def test_the_page_costs_the_same_for_one_or_many_municipalities(
    client, mentor, practice, django_assert_num_queries
):
    client.force_login(mentor)
    town("First", themes=[practice.theme])
    client.get(url(practice))  # warm the session, site and locale caches
    with django_assert_num_queries(14) as one:
        client.get(url(practice))
    for index in range(6):
        town(f"Town {index}", themes=[practice.theme], groups=list(practice.target_groups.all()))
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get(url(practice)).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client, practice):
    response = client.get(url(practice))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_users_without_the_mentor_permission_are_refused(client, request, role, practice):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url(practice)).status_code == 403


def test_a_page_that_is_not_a_practice_is_not_found(client, mentor, practice):
    client.force_login(mentor)
    assert (
        client.get(
            reverse("mentorship_practice_municipalities", args=(practice.get_parent().pk,))
        ).status_code
        == 404
    )


def test_the_practice_admin_page_has_the_button_for_mentors_only(client, admin_user, editor, practice):
    edit = reverse("wagtailadmin_pages:edit", args=(practice.pk,))
    client.force_login(admin_user)
    assert url(practice) in client.get(edit).content.decode()
    client.force_login(editor)
    response = client.get(edit)
    assert url(practice) not in response.content.decode()


def test_the_dashboard_links_each_suggestion_to_its_municipalities(client, mentor, practice):
    town("Needs health", themes=[practice.theme])
    client.force_login(mentor)
    assert url(practice) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_needs_never_reach_the_public_practice_page(client, practice):
    town("Secret needs town", themes=[practice.theme])
    html = client.get(practice.url).content.decode()
    assert "Secret needs town" not in html and url(practice) not in html
