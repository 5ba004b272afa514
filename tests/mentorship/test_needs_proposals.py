"""Needs a visitor ticks for a municipality mentors confirmed wait on the request: mentors see them on the
request's admin page and apply them (or discard them); permission-checked, POST with the CSRF token only."""

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

import pytest

from mentorship import needs_proposals
from mentorship.factories import MunicipalityFactory, VisitFactory
from practices.factories import TargetGroupFactory, ThemeFactory
from tests.conftest import EN, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def proposal():
    health, culture, elderly = (
        ThemeFactory(name="Health"),
        ThemeFactory(name="Culture"),
        TargetGroupFactory(name="Elderly"),
    )
    town = MunicipalityFactory(name="Known", confirmed=True)
    town.needed_themes.set([culture])
    visit = VisitFactory(municipality=town)
    visit.proposed_themes.set([health, culture])
    visit.proposed_target_groups.set([elderly])
    return visit


def action_url(visit) -> str:
    return reverse("mentorship_visits:proposed_needs", args=(visit.pk,))


def inspect_url(visit) -> str:
    return reverse("mentorship_visits:inspect", args=(visit.pk,))


def test_mentors_see_the_proposed_needs_with_the_apply_button(client, mentor, proposal):
    client.force_login(mentor)
    html = client.get(inspect_url(proposal), **EN).content.decode()
    assert "Needs proposed with this request" in html
    assert "Theme: Health" in html and "Target group: Elderly" in html
    assert "Theme: Culture (already recorded)" in html
    assert f'action="{action_url(proposal)}"' in html and "csrfmiddlewaretoken" in html


def test_a_visit_without_a_proposal_shows_no_section(client, mentor):
    client.force_login(mentor)
    html = client.get(inspect_url(VisitFactory()), **EN).content.decode()
    assert "Needs proposed with this request" not in html


def test_applying_adds_the_needs_keeps_the_old_ones_and_clears_the_proposal(client, mentor, proposal):
    client.force_login(mentor)
    response = client.post(action_url(proposal), {"action": "apply"})
    assert response.status_code == 302 and response.url == inspect_url(proposal)
    town = proposal.municipality
    assert set(town.needed_themes.values_list("name", flat=True)) == {"Health", "Culture"}
    assert list(town.needed_target_groups.values_list("name", flat=True)) == ["Elderly"]
    assert not proposal.proposed_themes.exists() and not proposal.proposed_target_groups.exists()
    assert needs_proposals.visit_proposed_needs_apply(visit=proposal) == 0  # applying twice adds nothing


def test_discarding_leaves_the_municipality_as_it_was(client, mentor, proposal):
    client.force_login(mentor)
    client.post(action_url(proposal), {"action": "discard"})
    assert list(proposal.municipality.needed_themes.values_list("name", flat=True)) == ["Culture"]
    assert not proposal.proposed_themes.exists()


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_non_mentors_cannot_apply_or_see_the_proposal(client, request, role, proposal):
    client.force_login(request.getfixturevalue(role))
    response = client.post(action_url(proposal), {"action": "apply"})
    assert response.status_code in (302, 403)
    assert list(proposal.municipality.needed_themes.values_list("name", flat=True)) == ["Culture"]
    assert proposal.proposed_themes.count() == 2


def test_anonymous_visitors_cannot_apply(client, proposal):
    response = client.post(action_url(proposal), {"action": "apply"})
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response.url
    assert proposal.proposed_themes.count() == 2


def test_a_user_who_may_change_visits_but_not_municipalities_is_refused(client, proposal):
    user = make_user("visits-only")
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["mentorship", "wagtailadmin"],
            codename__in=["access_admin", "view_visit", "change_visit", "view_municipality"],
        )
    )
    client.force_login(user)
    assert "Apply these needs" not in client.get(inspect_url(proposal), **EN).content.decode()
    client.post(action_url(proposal), {"action": "apply"})
    assert proposal.proposed_themes.count() == 2


def test_the_apply_button_needs_the_csrf_token(mentor, proposal):
    client = Client(enforce_csrf_checks=True)
    client.force_login(mentor)
    assert client.post(action_url(proposal), {"action": "apply"}).status_code == 403
    assert client.get(action_url(proposal)).status_code in (302, 405)  # POST only
    assert proposal.proposed_themes.count() == 2
