"""KVKK in the admin: erasure with confirmation and an audit entry, the right of access as a file, and
retention exactly as the privacy notice states it, from one setting."""

import datetime
import io
import json

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from mentorship import privacy, services
from mentorship.factories import (
    ContactPersonFactory,
    FollowUpFactory,
    MunicipalityFactory,
    VisitFactory,
    VisitRequestFactory,
)
from mentorship.models import AdoptionStage, ContactPerson, ContactSource, VisitStatus
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE, MESSAGE = (
    "Gizem Özkişi",
    "gizem.ozkisi@belediye.example.test",
    "+90 555 987 65 43",
    "Özel not",
)


@pytest.fixture
def person():
    visit = VisitRequestFactory(
        contact__name=NAME, contact__email=EMAIL, contact__phone=PHONE, request_message=MESSAGE
    )
    return visit.contact


def erase_url(contact) -> str:
    return reverse("mentorship_contact_erase", args=(contact.pk,))


def data_url(contact) -> str:
    return reverse("mentorship_contact_data", args=(contact.pk,))


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


class TestErase:
    def test_a_mentor_erases_a_person_after_a_confirmation_and_it_is_audited(self, client, mentor, person):
        client.force_login(mentor)
        inspect = client.get(reverse("mentorship_contacts:inspect", args=(person.pk,)))
        assert erase_url(person) in inspect.content.decode()

        confirm = client.get(erase_url(person), HTTP_ACCEPT_LANGUAGE="en")
        assert confirm.status_code == 200
        assert NAME in confirm.content.decode() and "cannot be undone" in confirm.content.decode()
        assert ContactPerson.objects.get(pk=person.pk).anonymised_at is None  # nothing happens on GET

        response = client.post(erase_url(person))
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.is_anonymised and (person.email, person.phone, person.role) == ("", "", "")
        entry = ModelLogEntry.objects.get(object_id=str(person.pk), action=privacy.ERASE_ACTION)
        assert entry.user == mentor
        assert NAME not in entry.label

    def test_erasing_twice_changes_nothing(self, client, mentor, person):
        client.force_login(mentor)
        client.post(erase_url(person))
        first = ContactPerson.objects.get(pk=person.pk).anonymised_at
        client.post(erase_url(person))
        assert ContactPerson.objects.get(pk=person.pk).anonymised_at == first
        assert ModelLogEntry.objects.filter(action=privacy.ERASE_ACTION).count() == 1

    def test_erasure_leaves_nothing_findable_in_exports_history_or_the_access_file(
        self, client, mentor, person
    ):
        client.force_login(mentor)
        ModelLogEntry.objects.log_action(person, "wagtail.edit", user=mentor)  # labelled with the name
        client.post(erase_url(person))

        found = []
        for viewset in ("contacts", "visits", "municipalities"):
            for export in ("csv", "xlsx"):
                response = client.get(reverse(f"mentorship_{viewset}:index"), {"export": export})
                text = body_of(response) if export == "csv" else _xlsx_text(response)
                found += [(viewset, export, v) for v in (NAME, EMAIL, PHONE, MESSAGE) if v in text]
        history = client.get(reverse("mentorship_contacts:history", args=(person.pk,)))
        found += [("history", v) for v in (NAME, EMAIL) if v in history.content.decode()]
        for entry in ModelLogEntry.objects.all():
            found += [
                ("log", v) for v in (NAME, EMAIL, PHONE) if v in entry.label or v in json.dumps(entry.data)
            ]
        access = body_of(client.get(data_url(person)))
        found += [("access file", v) for v in (NAME, EMAIL, PHONE, MESSAGE) if v in access]
        assert found == []

    def test_the_command_writes_the_same_audit_entry(self, person):
        from django.core.management import call_command

        call_command("anonymise_contact", str(person.pk), stdout=io.StringIO())
        assert ModelLogEntry.objects.filter(object_id=str(person.pk), action=privacy.ERASE_ACTION).exists()


def _xlsx_text(response) -> str:
    import openpyxl

    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None)


class TestRightOfAccess:
    def test_a_mentor_downloads_everything_held_about_a_person_as_json(self, client, mentor, person):
        practice = PracticePageFactory(title="Erişim hakkı uygulaması")
        person.visits.get().practices.add(practice)
        client.force_login(mentor)
        response = client.get(data_url(person))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "no-store" in response["Cache-Control"]
        data = json.loads(response.content)
        assert data["person"]["name"] == NAME and data["person"]["email"] == EMAIL
        assert data["person"]["phone"] == PHONE
        assert data["person"]["consent_given_at"].endswith("+03:00")  # Istanbul time
        [visit] = data["visits"]
        assert visit["message"] == MESSAGE and visit["practices"] == ["Erişim hakkı uygulaması"]
        assert data["retention"]["days_after_the_process_ends"] == privacy.retention_policy().days
        entry = ModelLogEntry.objects.get(object_id=str(person.pk), action=privacy.ACCESS_EXPORT_ACTION)
        assert entry.user == mentor

    def test_the_download_costs_a_fixed_number_of_queries(
        self, client, mentor, django_assert_max_num_queries
    ):
        contact = VisitRequestFactory().contact
        for _ in range(3):
            VisitFactory(contact=contact, municipality=contact.municipality, status=VisitStatus.COMPLETED)
        client.force_login(mentor)
        with django_assert_max_num_queries(30):
            assert client.get(data_url(contact)).status_code == 200


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editorial_roles_can_neither_erase_nor_download(request, client, role, person):
    client.force_login(request.getfixturevalue(role))
    for url in (erase_url(person), data_url(person)):
        assert client.get(url).status_code in (302, 403)
        assert client.post(url).status_code in (302, 403)
    person.refresh_from_db()
    assert not person.is_anonymised
    assert not ModelLogEntry.objects.filter(action__startswith="mentorship.").exists()


def test_anonymous_visitors_are_sent_to_the_login(client, person):
    for url in (erase_url(person), data_url(person)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
        assert client.post(url).status_code == 302
    person.refresh_from_db()
    assert not person.is_anonymised


class TestRetention:
    """Every contact: kept while their process goes on, erased CONTACT_RETENTION_DAYS after it ends."""

    @pytest.fixture(autouse=True)
    def days(self, settings):
        settings.CONTACT_RETENTION_DAYS = 183

    def ago(self, days: int) -> datetime.datetime:
        return timezone.now() - datetime.timedelta(days=days)

    def request_made(self, days_ago: int, **kwargs):
        when = self.ago(days_ago)
        return VisitRequestFactory(created_at=when, contact__created_at=when, **kwargs)

    def held_visit(self, days_ago: int, **kwargs):
        when = self.ago(days_ago)
        municipality = MunicipalityFactory()
        return VisitFactory(
            municipality=municipality,
            created_at=when,
            date=when.date(),
            status=VisitStatus.COMPLETED,
            scheduled_at=when,
            completed_at=when,
            contact=ContactPersonFactory(
                municipality=municipality, created_at=when, source=ContactSource.VISIT_REQUEST
            ),
            **kwargs,
        )

    def erased(self) -> set[int]:
        privacy.contacts_erase_expired()
        return set(ContactPerson.objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True))

    def test_a_request_never_taken_up_is_erased_after_the_period_a_recent_one_is_kept(self):
        old, recent = self.request_made(200), self.request_made(30)
        assert self.erased() == {old.contact_id}
        assert recent.contact_id not in self.erased()

    def test_a_held_visit_is_no_longer_kept_forever(self):
        visit = self.held_visit(200)
        FollowUpFactory(visit=visit, due_date=visit.date, done_at=self.ago(190))
        assert self.erased() == {visit.contact_id}

    def test_an_open_follow_up_or_a_planned_visit_keeps_the_person(self):
        held = self.held_visit(400)
        FollowUpFactory(visit=held, due_date=held.date)  # still open
        planned = self.request_made(400)
        planned.status, planned.date = VisitStatus.SCHEDULED, timezone.localdate()
        planned.save()
        assert self.erased() == set()

    def test_the_monitoring_of_the_practices_discussed_keeps_the_person_until_it_ends(self, mentor):
        visit = self.held_visit(300)
        practice = PracticePageFactory()
        visit.practices.add(practice)
        adoption, _created = services.adoption_get_or_create(
            municipality=visit.municipality, practice=practice, user=mentor, stage=AdoptionStage.PLANNING
        )
        assert self.erased() == set()
        services.adoption_change_stage(
            adoption=adoption, to_stage=AdoptionStage.DROPPED, user=mentor, at=self.ago(190)
        )
        assert self.erased() == {visit.contact_id}

    def test_a_contact_entered_by_a_mentor_follows_the_municipality_s_adoptions(self, mentor):
        municipality = MunicipalityFactory()
        contact = ContactPersonFactory(municipality=municipality, created_at=self.ago(400))
        adoption, _created = services.adoption_get_or_create(
            municipality=municipality, practice=PracticePageFactory(), user=mentor
        )
        assert self.erased() == set()
        services.adoption_change_stage(
            adoption=adoption, to_stage=AdoptionStage.ADOPTED, user=mentor, at=self.ago(200)
        )
        assert self.erased() == {contact.pk}

    def test_the_job_is_safe_to_repeat_and_audited(self):
        old = self.request_made(200)
        assert privacy.contacts_erase_expired(dry_run=True) == 1
        assert privacy.contacts_erase_expired() == 1
        assert privacy.contacts_erase_expired() == 0
        entry = ModelLogEntry.objects.get(object_id=str(old.contact_id))
        assert entry.action == privacy.RETENTION_ACTION and entry.user is None


def test_the_notice_and_the_job_read_the_same_setting(client, settings):
    """The page states the period the job applies: set it to 10 days and both follow."""
    settings.CONTACT_RETENTION_DAYS = 10
    page = client.get("/en/kisisel-veriler/").content.decode()  # English: the address decides
    assert 'data-retention-days="10"' in page
    assert "for 10 days after they end" in page
    now = timezone.now()
    just_over = VisitRequestFactory(
        created_at=now - datetime.timedelta(days=10, minutes=1),
        contact__created_at=now - datetime.timedelta(days=10, minutes=1),
    )
    just_under = VisitRequestFactory(
        created_at=now - datetime.timedelta(days=9, hours=23),
        contact__created_at=now - datetime.timedelta(days=9, hours=23),
    )
    assert privacy.contacts_erase_expired(now=now) == 1
    assert ContactPerson.objects.get(pk=just_over.contact_id).is_anonymised
    assert not ContactPerson.objects.get(pk=just_under.contact_id).is_anonymised


def test_the_demo_notice_states_no_period_of_its_own():
    from practices.demo.content import PORTAL_SETTINGS

    notice = PORTAL_SETTINGS["privacy_notice"].lower()
    assert "altı ay" not in notice and "saklama süresi" not in notice


def test_the_contact_page_says_until_when_the_data_is_kept(client, mentor, settings):
    settings.CONTACT_RETENTION_DAYS = 183
    visit = VisitRequestFactory()
    client.force_login(mentor)
    page = client.get(
        reverse("mentorship_contacts:inspect", args=(visit.contact_id,)), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Kept until" in page and "183 days after" in page
