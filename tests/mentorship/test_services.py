"""The mentorship rules: stage changes and their history, visit completion, anonymisation, reminders."""

import datetime

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from mentorship import selectors, services
from mentorship.factories import (
    AdoptionFactory,
    ContactPersonFactory,
    FollowUpFactory,
    MunicipalityFactory,
    UserFactory,
    VisitFactory,
    VisitRequestFactory,
)
from mentorship.models import (
    Adoption,
    AdoptionEvent,
    AdoptionStage,
    ContactPerson,
    FollowUp,
    ReminderLog,
    Visit,
    VisitStatus,
)
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def change(adoption, to_stage, **kwargs):
    kwargs.setdefault("user", None)
    return services.adoption_change_stage(adoption=adoption, to_stage=to_stage, **kwargs)


class TestAdoptionChangeStage:
    def test_forward_move_appends_an_event_and_updates_the_stage(self, mentor):
        adoption = AdoptionFactory()
        event = change(
            adoption, AdoptionStage.PLANNING, user=mentor, evidence_url="https://example.test/plan"
        )
        adoption.refresh_from_db()
        assert adoption.stage == AdoptionStage.PLANNING
        assert (event.from_stage, event.to_stage, event.user) == ("interested", "planning", mentor)
        assert event.evidence_url == "https://example.test/plan"
        assert adoption.events.count() == 1

    def test_backward_move_without_a_note_is_refused(self):
        adoption = AdoptionFactory(stage=AdoptionStage.PILOTING)
        with pytest.raises(ValidationError) as error:
            change(adoption, AdoptionStage.PLANNING, note="   ")
        assert "note" in error.value.message_dict
        adoption.refresh_from_db()
        assert adoption.stage == AdoptionStage.PILOTING
        assert not AdoptionEvent.objects.exists()

    def test_backward_move_with_a_note_is_accepted(self):
        adoption = AdoptionFactory(stage=AdoptionStage.PILOTING)
        event = change(adoption, AdoptionStage.PLANNING, note="Bütçe onayı gecikti.")
        assert event.note == "Bütçe onayı gecikti."
        assert Adoption.objects.get().stage == AdoptionStage.PLANNING

    def test_reopening_a_dropped_adoption_needs_a_note(self):
        adoption = AdoptionFactory(stage=AdoptionStage.DROPPED)
        with pytest.raises(ValidationError, match="Bırakılmış"):
            change(adoption, AdoptionStage.PLANNING)
        change(adoption, AdoptionStage.PLANNING, note="Yeni yönetim yeniden istekli.")
        assert Adoption.objects.get().stage == AdoptionStage.PLANNING

    def test_dropping_needs_no_note(self):
        adoption = AdoptionFactory(stage=AdoptionStage.PILOTING)
        change(adoption, AdoptionStage.DROPPED)
        assert Adoption.objects.get().stage == AdoptionStage.DROPPED

    def test_a_move_to_the_current_stage_is_refused(self):
        adoption = AdoptionFactory(stage=AdoptionStage.PLANNING)
        with pytest.raises(ValidationError, match="zaten"):
            change(adoption, AdoptionStage.PLANNING, note="aynı")

    def test_an_unknown_stage_is_refused(self):
        with pytest.raises(ValidationError):
            change(AdoptionFactory(), "finished")

    def test_practice_adoption_count_follows_adopted_and_scaled_stages(self):
        practice = PracticePageFactory()
        first = AdoptionFactory(practice=practice, stage=AdoptionStage.PILOTING)
        second = AdoptionFactory(practice=practice, stage=AdoptionStage.PILOTING)
        change(first, AdoptionStage.ADOPTED)
        change(second, AdoptionStage.ADOPTED)
        practice.refresh_from_db()
        assert practice.adoption_count == 2
        change(second, AdoptionStage.SCALED)
        change(first, AdoptionStage.DROPPED)
        practice.refresh_from_db()
        assert practice.adoption_count == 1

    def test_adoption_count_is_refreshed_with_one_update(self, django_assert_num_queries):
        practice = PracticePageFactory()
        AdoptionFactory.create_batch(3, practice=practice, stage=AdoptionStage.ADOPTED)
        # 1 count UPDATE, then what follows it: the digest's adopters block (4: the digest row, who adopted,
        # their adoptions, the block UPDATE) and the search document (3: read the count, UPDATE, and a new
        # token for the kept search results, search/result_cache.py).
        with django_assert_num_queries(8) as captured:
            services.practice_adoption_count_refresh(practice_id=practice.pk)
        on_practice = [q["sql"] for q in captured.captured_queries if '"practices_practicepage"' in q["sql"]]
        count_writes = [sql for sql in on_practice if sql.startswith('UPDATE "practices_practicepage"')]
        # The count itself: one UPDATE computing it in the database, no read of the page before it.
        assert len(count_writes) == 1 and "adoption_count" in count_writes[0]
        assert captured.captured_queries[0]["sql"] == count_writes[0]
        practice.refresh_from_db()
        assert practice.adoption_count == 3
        assert practice.digest.adopters["total"] == 3

    def test_events_cannot_be_edited(self):
        event = change(AdoptionFactory(), AdoptionStage.VISITED)
        event.note = "rewritten"
        with pytest.raises(TypeError):
            event.save()
        with pytest.raises(TypeError):
            AdoptionEvent.objects.filter(pk=event.pk).update(note="rewritten")
        assert AdoptionEvent.objects.get().note == ""


class TestAdoptionGetOrCreate:
    def test_creates_once_with_a_first_event(self, mentor):
        municipality, practice = MunicipalityFactory(), PracticePageFactory()
        adoption, created = services.adoption_get_or_create(
            municipality=municipality, practice=practice, user=mentor
        )
        again, created_again = services.adoption_get_or_create(municipality=municipality, practice=practice)
        assert (created, created_again) == (True, False)
        assert adoption.pk == again.pk
        assert adoption.mentor == mentor
        assert [(e.from_stage, e.to_stage) for e in adoption.events.all()] == [("", "interested")]

    def test_database_refuses_a_second_adoption_of_the_same_practice(self):
        adoption = AdoptionFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Adoption.objects.create(municipality=adoption.municipality, practice=adoption.practice)


class TestVisitComplete:
    def test_moves_adoptions_of_discussed_practices_to_at_least_visited(self, mentor):
        municipality = MunicipalityFactory()
        new_practice, interested, piloting, dropped = (PracticePageFactory() for _ in range(4))
        AdoptionFactory(municipality=municipality, practice=interested, stage=AdoptionStage.INTERESTED)
        AdoptionFactory(municipality=municipality, practice=piloting, stage=AdoptionStage.PILOTING)
        AdoptionFactory(municipality=municipality, practice=dropped, stage=AdoptionStage.DROPPED)
        visit = VisitFactory(
            municipality=municipality,
            date=timezone.localdate(),
            practices=[new_practice, interested, piloting, dropped],
        )

        services.visit_complete(visit=visit, user=mentor)

        stages = dict(Adoption.objects.filter(municipality=municipality).values_list("practice_id", "stage"))
        assert stages == {
            new_practice.pk: AdoptionStage.VISITED,
            interested.pk: AdoptionStage.VISITED,
            piloting.pk: AdoptionStage.PILOTING,
            dropped.pk: AdoptionStage.DROPPED,
        }
        visit.refresh_from_db()
        assert visit.status == VisitStatus.COMPLETED
        assert visit.completed_at is not None

    def test_completing_twice_adds_no_events(self, mentor):
        practice = PracticePageFactory()
        visit = VisitFactory(practices=[practice], date=timezone.localdate())
        services.visit_complete(visit=visit, user=mentor)
        services.visit_complete(visit=visit, user=mentor)
        assert AdoptionEvent.objects.count() == 1

    def test_a_cancelled_visit_cannot_be_completed(self, mentor):
        visit = VisitFactory(status=VisitStatus.CANCELLED)
        with pytest.raises(ValidationError):
            services.visit_complete(visit=visit, user=mentor)

    def test_a_visit_without_a_date_cannot_be_completed(self, mentor):
        visit = VisitRequestFactory()
        with pytest.raises(ValidationError):
            services.visit_complete(visit=visit, user=mentor)
        assert Visit.objects.get().status == VisitStatus.REQUESTED


class TestAnonymisation:
    def test_clears_personal_data_and_keeps_visits(self):
        visit = VisitRequestFactory(request_message="Ben Ayşe, 0555 ...")
        VisitFactory(municipality=visit.municipality, contact=visit.contact)
        contact = visit.contact

        assert services.contact_anonymise(contact=contact) is True

        contact.refresh_from_db()
        assert contact.name == f"Anonimleştirilmiş kişi #{contact.pk}"
        assert (contact.email, contact.phone, contact.role) == ("", "", "")
        assert contact.anonymised_at is not None
        assert contact.visits.count() == 2
        assert Visit.objects.filter(municipality=visit.municipality).count() == 2
        assert Visit.objects.get(pk=visit.pk).request_message == ""

    def test_admin_history_labels_lose_the_name(self, client, mentor):
        client.force_login(mentor)
        contact = ContactPersonFactory()
        client.post(
            reverse("mentorship_contacts:edit", args=(contact.pk,)),
            {
                "municipality": contact.municipality.pk,
                "name": contact.name,
                "email": contact.email,
                "source": "mentor",
            },
        )
        name = contact.name
        assert ModelLogEntry.objects.filter(label=name).exists()
        services.contact_anonymise(contact=contact)
        assert not ModelLogEntry.objects.filter(label=name).exists()
        assert ModelLogEntry.objects.filter(label=f"Anonimleştirilmiş kişi #{contact.pk}").exists()

    def test_is_idempotent(self):
        contact = ContactPersonFactory()
        services.contact_anonymise(contact=contact)
        first = ContactPerson.objects.get().anonymised_at
        assert services.contact_anonymise(contact=contact) is False
        assert ContactPerson.objects.get().anonymised_at == first

    # Retention for every contact, as the privacy notice states it: tests/mentorship/test_privacy.py.


class TestReminders:
    def test_sent_once_per_day_per_item_and_again_the_next_day(self):
        today = timezone.localdate()
        assignee = UserFactory()
        FollowUpFactory(assignee=assignee, due_date=today)
        FollowUpFactory(assignee=assignee, due_date=today - datetime.timedelta(days=5))
        FollowUpFactory(assignee=assignee, due_date=today + datetime.timedelta(days=1))
        FollowUpFactory(assignee=assignee, due_date=today, done_at=timezone.now())

        services.followup_reminders_send(today=today)
        services.followup_reminders_send(today=today)
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [assignee.email]
        assert "gecikmiş" in mail.outbox[0].body
        assert ReminderLog.objects.count() == 2

        services.followup_reminders_send(today=today + datetime.timedelta(days=1))
        assert len(mail.outbox) == 2
        # Tomorrow the follow-up due tomorrow joins the two still-open ones.
        assert ReminderLog.objects.filter(date=today + datetime.timedelta(days=1)).count() == 3

    def test_one_message_per_assignee(self):
        today = timezone.localdate()
        first, second = UserFactory(), UserFactory()
        FollowUpFactory.create_batch(2, assignee=first, due_date=today)
        FollowUpFactory(assignee=second, due_date=today - datetime.timedelta(days=1))
        services.followup_reminders_send(today=today)
        assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])

    # Stalled adoptions come in a weekly digest of their own: tests/mentorship/test_tasks.py.

    def test_back_dated_stage_change_counts_towards_stalled(self):
        adoption = AdoptionFactory(mentor=UserFactory())
        change(adoption, AdoptionStage.PLANNING, at=timezone.now() - datetime.timedelta(days=91))
        fresh = AdoptionFactory(stage=AdoptionStage.PLANNING)
        assert list(selectors.adoptions_stalled()) == [adoption]
        assert fresh not in selectors.adoptions_stalled()

    def test_assignee_without_email_is_not_marked_as_reminded(self):
        assignee = UserFactory(email="")
        FollowUpFactory(assignee=assignee, due_date=timezone.localdate())
        services.followup_reminders_send()
        assert mail.outbox == []
        assert not ReminderLog.objects.exists()

    def test_dry_run_sends_and_records_nothing(self):
        FollowUpFactory(due_date=timezone.localdate())
        digests = services.followup_reminders_send(dry_run=True)
        assert [d.item_count for d in digests] == [1]
        assert mail.outbox == []
        assert not ReminderLog.objects.exists()


class TestSelectors:
    def test_overdue_is_open_and_due_before_today(self, mentor):
        today = timezone.localdate()
        overdue = FollowUpFactory(assignee=mentor, due_date=today - datetime.timedelta(days=1))
        FollowUpFactory(assignee=mentor, due_date=today)
        FollowUpFactory(assignee=mentor, due_date=today - datetime.timedelta(days=2), done_at=timezone.now())
        FollowUpFactory(due_date=today - datetime.timedelta(days=3))
        assert list(selectors.follow_ups_overdue(user=mentor)) == [overdue]

    def test_funnel_counts_every_stage_in_one_query(self, django_assert_num_queries):
        AdoptionFactory.create_batch(2, stage=AdoptionStage.PLANNING)
        AdoptionFactory(stage=AdoptionStage.SCALED)
        with django_assert_num_queries(1):
            funnel = selectors.adoption_funnel()
        counts = {row.stage: row.count for row in funnel}
        assert counts == dict.fromkeys(AdoptionStage.values, 0) | {"planning": 2, "scaled": 1}

    def test_relationships_are_derived_from_visits_and_adoptions(self):
        hosted = VisitFactory(status=VisitStatus.COMPLETED).municipality
        VisitRequestFactory(municipality=hosted)
        requested = VisitRequestFactory().municipality
        adopting_only = AdoptionFactory(stage=AdoptionStage.ADOPTED).municipality
        dropped_only = AdoptionFactory(stage=AdoptionStage.DROPPED).municipality
        MunicipalityFactory()

        assert set(selectors.municipalities_hosted()) == {hosted}
        assert set(selectors.municipalities_in_talks()) == {requested, adopting_only}
        assert set(selectors.municipalities_adopting()) == {adopting_only}
        assert dropped_only not in set(selectors.municipalities_in_talks())
        assert selectors.municipality_relationship_counts() == {"hosted": 1, "in_talks": 2, "adopting": 1}

    def test_follow_up_must_belong_to_exactly_one_of_visit_or_adoption(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            FollowUpFactory(visit=VisitFactory(), adoption=AdoptionFactory())
        with pytest.raises(IntegrityError), transaction.atomic():
            FollowUpFactory(visit=None, adoption=None)
        assert not FollowUp.objects.exists()
