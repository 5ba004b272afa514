"""Forms that help: the next stage offered first, no completing a visit before its date, "Mark done" as one
action, public requests counted on a practice's Usage page, and Istanbul time on record pages."""

import datetime
import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ReferenceIndex

import pytest

from mentorship import services
from mentorship.factories import (
    AdoptionFactory,
    ContactPersonFactory,
    FollowUpFactory,
    VisitFactory,
)
from mentorship.forms import AdoptionStageForm, next_stage
from mentorship.models import AdoptionStage, FollowUp, Visit, VisitStatus
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English")]
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    cache.clear()
    yield
    cache.clear()


# ---- the stage form -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        (AdoptionStage.INTERESTED, AdoptionStage.VISITED),
        (AdoptionStage.VISITED, AdoptionStage.PLANNING),
        (AdoptionStage.PILOTING, AdoptionStage.ADOPTED),
        (AdoptionStage.ADOPTED, AdoptionStage.SCALED),
        (AdoptionStage.SCALED, None),
        (AdoptionStage.DROPPED, None),
    ],
)
def test_the_stage_form_offers_the_next_stage(stage, expected):
    assert next_stage(stage) == expected
    form = AdoptionStageForm(adoption=AdoptionFactory.build(stage=stage))
    assert form.fields["to_stage"].initial == expected
    assert stage not in dict(form.fields["to_stage"].choices)


def test_the_stage_page_has_the_next_stage_selected(client, mentor):
    adoption = AdoptionFactory(stage=AdoptionStage.VISITED)
    client.force_login(mentor)
    html = client.get(reverse("mentorship_adoptions:change_stage", args=[adoption.pk])).content.decode()
    selected = re.findall(r'<option value="(\w*)"[^>]*selected', html)
    assert selected == [AdoptionStage.PLANNING]


def test_no_stage_chosen_is_a_form_error_not_a_move(client, mentor):
    adoption = AdoptionFactory(stage=AdoptionStage.SCALED)
    client.force_login(mentor)
    response = client.post(reverse("mentorship_adoptions:change_stage", args=[adoption.pk]), {"to_stage": ""})
    assert response.status_code == 200 and response.context["form"].errors["to_stage"]
    adoption.refresh_from_db()
    assert adoption.stage == AdoptionStage.SCALED


# ---- completing a visit ---------------------------------------------------------------------------------


def test_a_visit_cannot_be_completed_before_its_date():
    visit = VisitFactory(
        date=timezone.localdate() + datetime.timedelta(days=1), practices=[PracticePageFactory()]
    )
    with pytest.raises(ValidationError) as refused:
        services.visit_complete(visit=visit, user=None)
    assert "from that day on" in str(refused.value)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.SCHEDULED and visit.completed_at is None


def test_a_visit_is_completed_on_its_day(mentor):
    visit = VisitFactory(date=timezone.localdate())
    services.visit_complete(visit=visit, user=mentor)
    assert Visit.objects.get(pk=visit.pk).status == VisitStatus.COMPLETED


def test_the_admin_offers_completion_only_once_the_day_has_come_and_explains_a_refusal(client, mentor):
    future = VisitFactory(date=timezone.localdate() + datetime.timedelta(days=30))
    today = VisitFactory(date=timezone.localdate())
    client.force_login(mentor)
    complete = reverse("mentorship_visits:complete", args=[future.pk])
    assert complete not in client.get(reverse("mentorship_visits:inspect", args=[future.pk])).content.decode()
    listing = client.get(reverse("mentorship_visits:index")).content.decode()
    assert complete not in listing
    assert reverse("mentorship_visits:complete", args=[today.pk]) in listing
    # Posting anyway (an old tab) is refused with the reason.
    response = client.post(complete, follow=True)
    assert "can be completed from that day on" in response.content.decode()
    future.refresh_from_db()
    assert future.status == VisitStatus.SCHEDULED


# ---- mark done ------------------------------------------------------------------------------------------


def test_mark_done_is_one_post_from_the_list(client, mentor):
    follow_up = FollowUpFactory(assignee=mentor)
    done = FollowUpFactory(assignee=mentor, done_at=timezone.now())
    client.force_login(mentor)
    index = reverse("mentorship_follow_ups:index")
    html = client.get(index).content.decode()
    url = reverse("mentorship_follow_ups:mark_done", args=[follow_up.pk])
    form = re.search(rf'<form action="{url}" method="post">.*?</form>', html, re.S).group(0)
    assert 'name="csrfmiddlewaretoken"' in form and "Mark done" in form
    assert reverse("mentorship_follow_ups:mark_done", args=[done.pk]) not in html
    response = client.post(url, {"next": index + "?is_open=true"})
    assert response.status_code == 302 and response.url == index + "?is_open=true"
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None
    first = follow_up.done_at
    client.post(url)
    follow_up.refresh_from_db()
    assert follow_up.done_at == first  # a second click changes nothing


def test_mark_done_from_the_follow_up_page_and_only_by_post(client, mentor):
    follow_up = FollowUpFactory(assignee=mentor)
    client.force_login(mentor)
    url = reverse("mentorship_follow_ups:mark_done", args=[follow_up.pk])
    page = client.get(reverse("mentorship_follow_ups:inspect", args=[follow_up.pk])).content.decode()
    assert url in page
    assert client.get(url).status_code == 405
    response = client.post(url, {"next": "https://elsewhere.example/"})
    assert response.url == reverse("mentorship_follow_ups:inspect", args=[follow_up.pk])  # no open redirect
    assert FollowUp.objects.get(pk=follow_up.pk).done_at is not None


def test_mark_done_needs_the_csrf_token(mentor):
    from django.test import Client

    follow_up = FollowUpFactory(assignee=mentor)
    client = Client(enforce_csrf_checks=True)
    client.force_login(mentor)
    response = client.post(reverse("mentorship_follow_ups:mark_done", args=[follow_up.pk]))
    assert response.status_code == 403
    assert FollowUp.objects.get(pk=follow_up.pk).done_at is None


# ---- reference index ------------------------------------------------------------------------------------


def test_public_requests_count_on_the_practices_usage_page(
    client, admin_user, django_capture_on_commit_callbacks
):
    practice = PracticePageFactory()
    VisitFactory(practices=[practice])  # through the admin-style save
    data = {
        "new_municipality_name": "Kullanımköy",
        "new_municipality_kind": "district",
        "new_municipality_province": "33",
        "contact_name": "Kişi",
        "email": "kisi@example.org",
        "preferred_date_1": (timezone.localdate() + datetime.timedelta(days=9)).isoformat(),
        "delegation_size": "3",
        "preferred_format": "hosted",
        "purpose": "learn",
        "consent": "on",
        "practices": [str(practice.pk)],
    }
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            assert client.post("/ziyaret-talebi/", data | {"email": f"k{n}@example.org"}).status_code == 302
    requests = set(Visit.objects.filter(status=VisitStatus.REQUESTED).values_list("pk", flat=True))
    referencing = {
        int(ref.object_id)
        for ref in ReferenceIndex.get_references_to(practice)
        if ref.base_content_type.model_class() is Visit
    }
    assert requests <= referencing and len(requests) == 3
    client.force_login(admin_user)
    usage = client.get(reverse("wagtailadmin_pages:usage", args=[practice.pk])).content.decode()
    assert len(re.findall(r"Kullanımköy", usage)) == 3


# ---- Istanbul time --------------------------------------------------------------------------------------


def test_record_pages_show_istanbul_time_like_the_lists(client, mentor):
    eight_utc = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)  # 11:00 in Istanbul
    contact = ContactPersonFactory(consent_given_at=eight_utc)
    visit = VisitFactory(created_at=eight_utc)
    follow_up = FollowUpFactory(done_at=eight_utc)
    adoption = AdoptionFactory(stage_changed_at=eight_utc)
    client.force_login(mentor)
    pages = {
        "visit": reverse("mentorship_visits:inspect", args=[visit.pk]),
        "contact": reverse("mentorship_contacts:inspect", args=[contact.pk]),
        "follow-up": reverse("mentorship_follow_ups:inspect", args=[follow_up.pk]),
        "adoption": reverse("mentorship_adoptions:inspect", args=[adoption.pk]),
        "municipality": reverse("mentorship_municipalities:inspect", args=[contact.municipality_id]),
    }
    for name, url in pages.items():
        html = client.get(url).content.decode()
        if name == "municipality":
            continue  # its own times are today's; it is checked for not failing
        assert "March 2, 2026, 11 a.m." in html, name
        # The UTC hour nowhere (other times on the page, such as "11:38 a.m.", may end in "8 a.m.").
        assert not re.search(r"(?<![\d:])8 a\.m\.", html), name
    listing = client.get(reverse("mentorship_visits:index")).content.decode()
    assert "March 2, 2026, 11 a.m." in listing
