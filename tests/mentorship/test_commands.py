"""The mentorship management commands: reminders, erasure of one contact, retention."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest

from mentorship.factories import ContactPersonFactory, FollowUpFactory, VisitRequestFactory
from mentorship.models import ContactPerson, ReminderLog

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_send_followup_reminders_is_idempotent_and_prints_what_it_sent():
    follow_up = FollowUpFactory(due_date=timezone.localdate() - datetime.timedelta(days=1))
    first = run("send_followup_reminders")
    second = run("send_followup_reminders")
    assert f"Sent to {follow_up.assignee.get_username()}" in first
    assert "Sent 1 reminder e-mails." in first
    assert "Sent 0 reminder e-mails." in second
    assert len(mail.outbox) == 1


def test_send_followup_reminders_dry_run_sends_nothing():
    FollowUpFactory(due_date=timezone.localdate())
    assert "Would send 1 reminder e-mails." in run("send_followup_reminders", "--dry-run")
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_send_followup_reminders_rejects_a_bad_date():
    with pytest.raises(CommandError, match="--date"):
        run("send_followup_reminders", "--date", "31.03.2026")


def test_anonymise_contact_clears_personal_data_once():
    contact = ContactPersonFactory()
    assert "anonymised" in run("anonymise_contact", str(contact.pk))
    assert "already anonymised" in run("anonymise_contact", str(contact.pk))
    contact.refresh_from_db()
    assert (contact.email, contact.phone) == ("", "")


def test_anonymise_contact_unknown_id_gives_a_clear_message():
    with pytest.raises(CommandError, match="No contact person with id 999999"):
        run("anonymise_contact", "999999")


def test_anonymise_expired_contacts_counts_then_anonymises(settings):
    settings.CONTACT_RETENTION_DAYS = 10
    old = timezone.now() - datetime.timedelta(days=11)
    VisitRequestFactory.create_batch(2, created_at=old, contact__created_at=old)
    VisitRequestFactory()
    assert "Would anonymise 2 contacts" in run("anonymise_expired_contacts", "--dry-run")
    assert ContactPerson.objects.filter(anonymised_at__isnull=False).count() == 0
    assert "Anonymised 2 contacts" in run("anonymise_expired_contacts")
    assert "Anonymised 0 contacts" in run("anonymise_expired_contacts")
