"""Triage of public visit requests: the dashboard panel, schedule and decline (the requester is told), and
municipalities typed by the public, which stay off every public page and API until confirmed or merged."""

import datetime
import re

from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import formats, timezone, translation

import pytest

from mentorship import selectors, services
from mentorship.dashboard import NewRequestsPanel
from mentorship.factories import (
    AdoptionFactory,
    AdoptionMetricFactory,
    ContactPersonFactory,
    MunicipalityFactory,
    VisitFactory,
    VisitRequestFactory,
)
from mentorship.models import (
    Adoption,
    AdoptionStage,
    ContactPerson,
    ContactSource,
    Municipality,
    MunicipalityKind,
    Visit,
    VisitStatus,
)
from practices.factories import PracticeMetricFactory, PracticePageFactory

pytestmark = pytest.mark.django_db

TYPED = "Doğrulanmamışköy"


@pytest.fixture(autouse=True)
def english_and_no_page_cache(settings):
    # Messages asserted in English (the msgids); public pages computed afresh on every request.
    settings.LANGUAGE_CODE = "en"
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English")]
    settings.PUBLIC_PAGE_CACHE_TIMEOUT = 0
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    settings.OFFICE_EMAIL = "ofis@example.test"
    cache.clear()
    yield
    cache.clear()


def request_form_data(**overrides) -> dict:
    data = {
        "new_municipality_name": TYPED,
        "new_municipality_kind": MunicipalityKind.DISTRICT,
        "new_municipality_province": "33",
        "contact_name": "Talep Eden Kişi",
        "email": "talep.eden@example.org",
        "preferred_date_1": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "delegation_size": "8",
        "preferred_format": "hosted",
        "purpose": "learn",
        "consent": "on",
    }
    return data | overrides


def typed_request(client, django_capture_on_commit_callbacks, **overrides) -> Visit:
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/ziyaret-talebi/", request_form_data(**overrides)).status_code == 302
    mail.outbox.clear()
    return Visit.objects.select_related("municipality", "contact").latest("pk")


# ---- pending municipalities never public --------------------------------------------------------------


def public_texts(client, practice) -> dict[str, str]:
    """Every public page and API a municipality name could appear on."""
    urls = {
        "home": "/",
        "request form": "/ziyaret-talebi/",
        "impact": "/etki/",
        "practice page": practice.url,
        "api pages": "/api/v2/pages/?type=practices.PracticePage&fields=*",
        "api page": f"/api/v2/pages/{practice.pk}/",
        "api search": f"/api/search/?q={practice.title}",
        "api autocomplete": f"/api/search/autocomplete?q={practice.title[:4]}",
        "sitemap": "/sitemap.xml",
    }
    texts = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        texts[name] = response.content.decode()
    return texts


def test_a_typed_municipality_is_pending_and_absent_from_every_public_page_and_api_until_confirmed(
    client, django_capture_on_commit_callbacks
):
    practice = PracticePageFactory(title="Mahalle Mutfağı")
    origin = PracticeMetricFactory(page=practice, label="Yararlanan hane", value=1200, unit="hane")
    visit = typed_request(client, django_capture_on_commit_callbacks, practices=[str(practice.pk)])
    pending = visit.municipality
    assert (pending.name, pending.confirmed) == (TYPED, False)
    # Even with a completed visit and a published adoption with figures (a mentor's slip), nothing shows.
    VisitFactory(municipality=pending, status=VisitStatus.COMPLETED, date=timezone.localdate())
    adoption = AdoptionFactory(
        municipality=pending, practice=practice, stage=AdoptionStage.ADOPTED, show_publicly=True
    )
    AdoptionMetricFactory(adoption=adoption, origin_metric=origin, label=origin.label, value=77)

    texts = public_texts(client, practice)
    assert {name for name, text in texts.items() if TYPED in text} == set()

    # The check can fail: once a mentor confirms it, the name is public (impact page, form, practice page).
    services.municipality_confirm(municipality=pending)
    texts = public_texts(client, practice)
    assert {"impact", "request form", "practice page"} <= {n for n, t in texts.items() if TYPED in t}


def test_a_pending_municipality_is_not_counted_in_the_public_figures():
    MunicipalityFactory(confirmed=False)
    VisitFactory(municipality=Municipality.objects.get(), status=VisitStatus.REQUESTED, date=None)
    assert selectors.municipality_relationship_counts() == {"hosted": 0, "in_talks": 0, "adopting": 0}


def test_the_request_form_refuses_a_pending_municipality_posted_by_id(
    client, django_capture_on_commit_callbacks
):
    pending = MunicipalityFactory(confirmed=False, name=TYPED)
    data = request_form_data(municipality=str(pending.pk), new_municipality_name="")
    response = client.post("/ziyaret-talebi/", data)
    assert response.status_code == 400
    assert not Visit.objects.exists()


def test_a_typed_name_matching_a_confirmed_municipality_uses_it(client, django_capture_on_commit_callbacks):
    known = MunicipalityFactory(name=TYPED, kind=MunicipalityKind.DISTRICT, province=33)
    visit = typed_request(client, django_capture_on_commit_callbacks)
    assert visit.municipality == known and known.confirmed
    assert Municipality.objects.count() == 1


def test_municipalities_entered_by_mentors_are_confirmed(client, mentor):
    client.force_login(mentor)
    response = client.post(
        reverse("mentorship_municipalities:add"),
        {"name": "Mentorköy", "kind": MunicipalityKind.DISTRICT, "province": "33"},
    )
    assert response.status_code == 302
    assert Municipality.objects.get(name="Mentorköy").confirmed is True


# ---- the dashboard panel and the list ------------------------------------------------------------------


def test_the_dashboard_lists_new_requests_with_what_triage_needs(
    client, mentor, django_capture_on_commit_callbacks
):
    practice = PracticePageFactory(title="Kadın Kooperatifleri")
    visit = typed_request(client, django_capture_on_commit_callbacks, practices=[str(practice.pk)])
    VisitFactory()  # scheduled: not a new request
    client.force_login(mentor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = re.search(r'id="mentorship-new-requests-section".*?</section>', html, re.S).group(0)
    assert TYPED in panel and "unconfirmed" in panel
    assert "Kadın Kooperatifleri" in panel
    assert visit.preferred_dates in panel
    assert "<td>8</td>" in re.sub(r"\s+", "", panel)  # delegation size
    assert reverse("mentorship_visits:schedule", args=[visit.pk]) in panel
    assert reverse("mentorship_visits:decline", args=[visit.pk]) in panel
    assert reverse("mentorship_municipalities:inspect", args=[visit.municipality_id]) in panel
    assert panel.count("<tr>") == 2  # the header and the one request


def test_the_panel_costs_three_queries_however_many_requests(mentor, django_assert_num_queries):
    practices = [PracticePageFactory() for _ in range(3)]
    for _ in range(15):
        VisitRequestFactory(practices=practices)
    panel = NewRequestsPanel(user=mentor)
    mentor.has_perm("mentorship.change_visit")  # the permission cache is filled once per request anyway
    with django_assert_num_queries(3):  # rows, their practices, the total
        context = panel.get_context_data({})
    assert len(context["requests"]) == 10 and context["total"] == 15


def test_the_panel_is_not_shown_to_editors(client, editor):
    VisitRequestFactory()
    client.force_login(editor)
    assert "mentorship-new-requests" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_visits_list_shows_received_preferred_dates_practices_and_delegation(client, mentor):
    practice = PracticePageFactory(title="Engelsiz Park")
    VisitRequestFactory(practices=[practice], preferred_dates="2027-01-11, 2027-01-18", delegation_size=12)
    client.force_login(mentor)
    html = re.sub(r"\s+", " ", client.get(reverse("mentorship_visits:index")).content.decode())
    headings = re.findall(r"<th >(?: <a [^>]*>)? ([^<]+?) (?:</a> )?</th>", html)
    assert headings[:8] == [
        "Municipality",
        "Received",
        "Status",
        "Date",
        "Preferred dates",
        "Practices",
        "Delegation",
        "Mentors",
    ]
    cells = re.findall(r"<td > ([^<]*?) </td>", html)
    assert {"2027-01-11, 2027-01-18", "Engelsiz Park", "12"} <= set(cells)


# ---- schedule and decline -------------------------------------------------------------------------------


def test_scheduling_a_request_sets_date_and_mentor_and_tells_the_requester(
    client, mentor, django_capture_on_commit_callbacks
):
    visit = typed_request(client, django_capture_on_commit_callbacks, email="istek@example.org")
    day = timezone.localdate() + datetime.timedelta(days=20)
    client.force_login(mentor)
    url = reverse("mentorship_visits:schedule", args=[visit.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"date": day.isoformat(), "mentors": [mentor.pk]})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.status, visit.date, list(visit.mentors.all())) == (VisitStatus.SCHEDULED, day, [mentor])
    (message,) = mail.outbox
    assert message.to == ["istek@example.org"]
    assert day.isoformat() in message.subject
    assert TYPED in message.body and "Talep Eden Kişi" in message.body
    assert mentor.username not in message.body  # the mentors' names are not sent
    assert message.reply_to  # replies go to the office


def test_the_requester_is_told_in_the_language_they_used(client, mentor, django_capture_on_commit_callbacks):
    visit = VisitRequestFactory(request_language="tr")
    with django_capture_on_commit_callbacks(execute=True):
        services.visit_request_schedule(
            visit=visit, date=timezone.localdate() + datetime.timedelta(days=3), mentors=[mentor]
        )
    (message,) = mail.outbox
    with translation.override("tr"):
        turkish_date = formats.date_format(visit.date, "DATE_FORMAT")
    assert turkish_date in message.body  # e.g. "03 Aralık 2026", whatever the admin's language


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"date": "2001-01-01"}, "date"),
        ({"date": ""}, "date"),
        ({"mentors": []}, "mentors"),
    ],
)
def test_scheduling_refuses_a_past_date_or_no_mentor_and_tells_no_one(
    client, mentor, data, field, django_capture_on_commit_callbacks
):
    visit = VisitRequestFactory()
    client.force_login(mentor)
    post = {
        "date": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        "mentors": [mentor.pk],
    } | data
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mentorship_visits:schedule", args=[visit.pk]), post)
    assert response.status_code == 200
    assert response.context["form"].errors.get(field)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.REQUESTED and not mail.outbox


def test_an_answered_request_is_not_answered_twice(client, mentor, django_capture_on_commit_callbacks):
    visit = VisitRequestFactory()
    services.visit_request_decline(visit=visit, reason="Program dolu.")
    client.force_login(mentor)
    url = reverse("mentorship_visits:schedule", args=[visit.pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url == reverse(
        "mentorship_visits:inspect", args=[visit.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"date": timezone.localdate().isoformat(), "mentors": [mentor.pk]})
    assert response.status_code == 200 and "already answered" in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == VisitStatus.DECLINED and not mail.outbox


def test_declining_needs_a_reason_and_sends_it_to_the_requester(
    client, mentor, django_capture_on_commit_callbacks
):
    visit = VisitRequestFactory(contact__email="red@example.org")
    client.force_login(mentor)
    url = reverse("mentorship_visits:decline", args=[visit.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "   "}).status_code == 200
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Bu dönem programımız dolu; bahar için yeniden yazın."})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.DECLINED
    (message,) = mail.outbox
    assert message.to == ["red@example.org"]
    assert "Bu dönem programımız dolu; bahar için yeniden yazın." in message.body


def test_a_declined_visit_without_a_reason_is_refused_by_the_database():
    visit = VisitRequestFactory()
    with pytest.raises(IntegrityError):
        Visit.objects.filter(pk=visit.pk).update(status=VisitStatus.DECLINED, decline_reason="")


def test_an_erased_requester_is_not_mailed(django_capture_on_commit_callbacks, mentor):
    visit = VisitRequestFactory()
    services.contact_anonymise(contact=visit.contact)
    with django_capture_on_commit_callbacks(execute=True):
        services.visit_request_decline(visit=visit, reason="Program dolu.")
    assert not mail.outbox


def test_the_edit_form_offers_no_declined_status_for_a_request(client, mentor):
    visit = VisitRequestFactory()
    client.force_login(mentor)
    form = client.get(reverse("mentorship_visits:edit", args=[visit.pk])).context["form"]
    assert VisitStatus.DECLINED not in dict(form.fields["status"].choices)


# ---- confirm and merge ----------------------------------------------------------------------------------


def test_confirming_is_one_post_from_the_municipality_page(client, mentor):
    pending = MunicipalityFactory(confirmed=False, name=TYPED)
    client.force_login(mentor)
    page = client.get(reverse("mentorship_municipalities:inspect", args=[pending.pk])).content.decode()
    url = reverse("mentorship_municipalities:confirm", args=[pending.pk])
    assert url in page and reverse("mentorship_municipalities:merge", args=[pending.pk]) in page
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    pending.refresh_from_db()
    assert pending.confirmed


def test_merge_moves_visits_adoptions_and_contacts_and_deletes_the_duplicate(client, mentor):
    existing = MunicipalityFactory(name="Mezitli", province=33)
    duplicate = MunicipalityFactory(name="mezitli bld", province=33, confirmed=False)
    contact = ContactPersonFactory(municipality=duplicate, source=ContactSource.VISIT_REQUEST)
    visit = VisitRequestFactory(municipality=duplicate, contact=contact)
    adoption = AdoptionFactory(municipality=duplicate)
    client.force_login(mentor)
    url = reverse("mentorship_municipalities:merge", args=[duplicate.pk])
    page = client.get(url).content.decode()
    assert "Mezitli" in page and "mezitli bld" in page
    response = client.post(url, {"into": existing.pk})
    assert response.status_code == 302
    assert response.url == reverse("mentorship_municipalities:inspect", args=[existing.pk])
    assert not Municipality.objects.filter(pk=duplicate.pk).exists()
    assert Visit.objects.get(pk=visit.pk).municipality == existing
    assert Adoption.objects.get(pk=adoption.pk).municipality == existing
    assert ContactPerson.objects.get(pk=contact.pk).municipality == existing


def test_merge_is_refused_when_both_adopted_the_same_practice():
    existing = MunicipalityFactory()
    duplicate = MunicipalityFactory(confirmed=False)
    practice = PracticePageFactory(title="Ortak Uygulama")
    AdoptionFactory(municipality=existing, practice=practice)
    AdoptionFactory(municipality=duplicate, practice=practice)
    with pytest.raises(ValidationError, match="Ortak Uygulama"):
        services.municipality_merge(duplicate=duplicate, into=existing)
    assert Municipality.objects.filter(pk=duplicate.pk).exists()


def test_only_a_pending_municipality_is_merged_and_only_into_a_confirmed_one(client, mentor):
    confirmed = MunicipalityFactory()
    other = MunicipalityFactory()
    pending = MunicipalityFactory(confirmed=False)
    pending_too = MunicipalityFactory(confirmed=False)
    with pytest.raises(ValidationError):
        services.municipality_merge(duplicate=other, into=confirmed)
    with pytest.raises(ValidationError):
        services.municipality_merge(duplicate=pending, into=pending_too)
    with pytest.raises(ValidationError):
        services.municipality_merge(duplicate=pending, into=pending)
    client.force_login(mentor)
    # The form offers confirmed municipalities only; a confirmed one has no merge page.
    response = client.post(
        reverse("mentorship_municipalities:merge", args=[pending.pk]), {"into": pending_too.pk}
    )
    assert response.status_code == 200 and response.context["form"].errors["into"]
    response = client.get(reverse("mentorship_municipalities:merge", args=[confirmed.pk]))
    assert response.status_code == 302
    assert Municipality.objects.count() == 4
