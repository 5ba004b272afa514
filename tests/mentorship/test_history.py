"""History that cannot be lost: adoptions with history are archived, and adoption events are append-only."""

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import ModelLogEntry

import pytest

from mentorship import selectors, services
from mentorship.factories import AdoptionFactory, FollowUpFactory, MunicipalityFactory
from mentorship.models import Adoption, AdoptionEvent, AdoptionStage, AppendOnlyError
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def adoption_with_history(user=None, to_stage=AdoptionStage.PLANNING) -> Adoption:
    """An adoption made through the services: a first event (interested), then a move to `to_stage`."""
    adoption, _created = services.adoption_get_or_create(
        municipality=MunicipalityFactory(), practice=PracticePageFactory(), user=user
    )
    services.adoption_change_stage(adoption=adoption, to_stage=to_stage, user=user, note="n")
    return adoption


class TestArchive:
    def test_admin_delete_archives_an_adoption_with_history_and_keeps_every_event(self, client, mentor):
        adoption = adoption_with_history(user=mentor)
        events_before = list(AdoptionEvent.objects.filter(adoption=adoption).values_list("pk", flat=True))
        client.force_login(mentor)

        confirm = client.get(reverse("mentorship_adoptions:delete", args=(adoption.pk,)))
        assert confirm.status_code == 200
        assert b"Yes, archive" in confirm.content or "arşivle".encode() in confirm.content.lower()
        response = client.post(reverse("mentorship_adoptions:delete", args=(adoption.pk,)))

        assert response.status_code == 302
        archived = Adoption.all_objects.get(pk=adoption.pk)
        assert archived.archived_at is not None
        assert list(AdoptionEvent.objects.filter(adoption=adoption).values_list("pk", flat=True)) == (
            events_before
        )
        assert len(events_before) == 2
        entry = ModelLogEntry.objects.get(object_id=str(adoption.pk), action="mentorship.archive")
        assert entry.user == mentor

    def test_archived_adoption_is_hidden_from_lists_choosers_and_figures(self, client, mentor):
        adoption = adoption_with_history(to_stage=AdoptionStage.ADOPTED)
        kept = adoption_with_history()
        practice = adoption.practice
        practice.refresh_from_db()
        assert practice.adoption_count == 1

        assert services.adoption_archive(adoption=adoption) is True
        assert services.adoption_archive(adoption=adoption) is False  # idempotent

        practice.refresh_from_db()
        assert practice.adoption_count == 0
        assert list(Adoption.objects.all()) == [kept]
        assert sum(stage.count for stage in selectors.adoption_funnel()) == 1
        assert adoption not in selectors.municipality_detail(municipality=adoption.municipality).adoptions
        client.force_login(mentor)
        listing = client.get(reverse("mentorship_adoptions:index"), HTTP_ACCEPT_LANGUAGE="en")
        assert adoption.practice.title not in listing.content.decode()
        assert kept.practice.title in listing.content.decode()
        archived_list = client.get(reverse("mentorship_adoptions:index") + "?archived=1")
        assert adoption.practice.title in archived_list.content.decode()
        assert kept.practice.title not in archived_list.content.decode()

    def test_archived_adoption_keeps_a_readable_history_page(self, client, mentor):
        adoption = adoption_with_history()
        services.adoption_archive(adoption=adoption)
        client.force_login(mentor)
        response = client.get(
            reverse("mentorship_adoptions:inspect", args=(adoption.pk,)), HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert "Archived on" in body
        assert list(response.context["events"]) == list(AdoptionEvent.objects.filter(adoption=adoption))
        assert reverse("mentorship_adoptions:change_stage", args=(adoption.pk,)) not in body
        # Events still count wherever the history is counted.
        assert AdoptionEvent.objects.filter(adoption__municipality=adoption.municipality).count() == 2

    def test_a_new_adoption_of_the_same_practice_can_start_after_archiving(self):
        old = adoption_with_history()
        services.adoption_archive(adoption=old)
        new, created = services.adoption_get_or_create(municipality=old.municipality, practice=old.practice)
        assert created and new.pk != old.pk
        assert AdoptionEvent.objects.filter(adoption=old).count() == 2

    def test_an_adoption_without_history_is_really_deleted(self):
        adoption = AdoptionFactory()  # no events: recorded outside the services
        assert services.adoption_delete(adoption=adoption) is False
        assert not Adoption.all_objects.exists()

    def test_follow_ups_of_an_archived_adoption_stop_reminding(self):
        adoption = adoption_with_history()
        follow_up = FollowUpFactory(adoption=adoption, visit=None)
        assert follow_up in selectors.follow_ups_open()
        services.adoption_archive(adoption=adoption)
        assert follow_up not in selectors.follow_ups_open()


class TestAppendOnlyEvents:
    def test_an_event_cannot_be_edited_or_deleted(self):
        event = adoption_with_history().events.first()
        event.note = "rewritten"
        with pytest.raises(AppendOnlyError):
            event.save()
        with pytest.raises(AppendOnlyError):
            event.delete()
        assert AdoptionEvent.objects.get(pk=event.pk).note == "n"

    def test_bulk_orm_calls_are_refused(self):
        adoption = adoption_with_history()
        events = AdoptionEvent.objects.filter(adoption=adoption)
        with pytest.raises(AppendOnlyError):
            events.update(note="rewritten")
        with pytest.raises(AppendOnlyError):
            events.delete()
        with pytest.raises(AppendOnlyError):
            AdoptionEvent.objects.all().delete()
        first = events.first()
        first.note = "rewritten"
        with pytest.raises(AppendOnlyError), transaction.atomic():  # bulk_update opens no savepoint
            AdoptionEvent.objects.bulk_update([first], ["note"])
        with pytest.raises(AppendOnlyError):
            events.update(user=None, note="")  # nulling a reference is allowed only on its own
        assert events.count() == 2
        assert not events.filter(note="rewritten").exists()

    def test_an_adoption_with_history_cannot_be_deleted_through_the_orm(self):
        adoption = adoption_with_history()
        with pytest.raises(ProtectedError):
            adoption.delete()
        with pytest.raises(ProtectedError):
            Adoption.objects.filter(pk=adoption.pk).delete()
        with pytest.raises(ProtectedError):
            adoption.municipality.delete()
        assert AdoptionEvent.objects.filter(adoption=adoption).count() == 2

    def test_a_mentor_can_still_be_erased_the_events_stay_without_them(self):
        mentor = User.objects.create_user("gecici-mentor", email="gecici@example.test")
        adoption = adoption_with_history(user=mentor)
        mentor.delete()
        events = AdoptionEvent.objects.filter(adoption=adoption)
        assert events.count() == 2
        assert set(events.values_list("user", flat=True)) == {None}

    def test_deleting_an_evidence_document_keeps_the_event(self):
        adoption = adoption_with_history()
        document = Document.objects.create(title="Kanıt", file=ContentFile(b"x", name="kanit.txt"))
        event = services.adoption_change_stage(
            adoption=adoption, to_stage=AdoptionStage.PILOTING, user=None, evidence_document=document
        )
        document.delete()
        assert AdoptionEvent.objects.get(pk=event.pk).evidence_document is None

    def test_mentors_have_no_permission_to_edit_or_delete_events(self, mentor):
        assert not [
            name for name in ("change", "delete") if mentor.has_perm(f"mentorship.{name}_adoptionevent")
        ]


class TestPracticeDeletion:
    def test_a_practice_with_adoption_history_cannot_be_deleted_from_the_admin(self, client, admin_user):
        adoption = adoption_with_history()
        practice = adoption.practice
        client.force_login(admin_user)
        response = client.post(reverse("wagtailadmin_pages:delete", args=(practice.pk,)), follow=True)
        assert response.status_code == 200
        # The admin speaks Turkish by default: the shipped wording of the refusal.
        assert "uyarlama geçmişi var" in response.content.decode()
        assert type(practice).objects.filter(pk=practice.pk).exists()
        assert AdoptionEvent.objects.filter(adoption=adoption).count() == 2

    def test_a_practice_without_history_is_deleted_as_before(self, client, admin_user):
        practice = PracticePageFactory()
        client.force_login(admin_user)
        client.post(reverse("wagtailadmin_pages:delete", args=(practice.pk,)))
        assert not type(practice).objects.filter(pk=practice.pk).exists()
