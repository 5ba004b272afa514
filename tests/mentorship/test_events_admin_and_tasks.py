"""Event registrations behind the counter: the mentors' list and exports, the reminder the day before (run by
the task worker), retention, and two people taking the last seat at the same moment."""

import csv
import datetime
import io
import os
import sqlite3
import subprocess
import sys

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest
from django_tasks_db.models import DBTaskResult

from mentorship import privacy
from mentorship.factories import EventRegistrationFactory
from mentorship.models import EventRegistration
from mentorship.public.registration import event_reminders_send
from portal.background import run_due
from practices.factories import EventPageFactory
from tests.mentorship.test_concurrency import ON_POSTGRES, ROOT, database_url_for_workers
from tests.task_worker import run_worker

pytestmark = pytest.mark.django_db

INDEX = "mentorship_event_registrations:index"


def tomorrow_at(hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class TestAdmin:
    @pytest.mark.parametrize("role", ["editor", "publisher"])
    def test_people_who_are_not_mentors_are_refused(self, client, request, role):
        EventRegistrationFactory(name="Gizli Katılımcı")
        client.force_login(request.getfixturevalue(role))
        url = reverse(INDEX)
        for response in (client.get(url), client.get(url, {"export": "csv"})):
            refused = response.status_code == 403 or (
                response.status_code == 302 and response.url.split("?")[0] != url
            )
            assert refused
            assert b"Gizli" not in response.content

    def test_anonymous_visitors_are_sent_to_the_login(self, client):
        response = client.get(reverse(INDEX))
        assert response.status_code == 302 and "/login/" in response.url

    def test_mentors_see_the_registrations_of_an_event_and_export_them(self, client, mentor):
        event = EventPageFactory(title="Yaşlı bakımı eğitimi")
        EventRegistrationFactory(event=event, name="Ayşe Yılmaz", organisation="=Yenişehir Belediyesi")
        EventRegistrationFactory(name="Başka Etkinlik")
        client.force_login(mentor)
        page = client.get(reverse(INDEX), {"event": event.pk}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Ayşe Yılmaz" in page and "Başka Etkinlik" not in page
        assert "export=csv" in page and "export=xlsx" in page

        response = client.get(reverse(INDEX), {"event": event.pk, "export": "csv"})
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        assert content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert len(rows) == 2
        assert "Ayşe Yılmaz" in rows[1]
        assert "'=Yenişehir Belediyesi" in rows[1]  # a formula typed on the public form stays text

        response = client.get(reverse(INDEX), {"export": "xlsx"})
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        names = [row[1].value for row in sheet.iter_rows(min_row=2)]
        assert sorted(names) == ["Ayşe Yılmaz", "Başka Etkinlik"]


class TestReminders:
    def test_the_worker_reminds_tomorrows_registrations_once_with_the_calendar_file(self, settings):
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        event = EventPageFactory(start=tomorrow_at(10), end=tomorrow_at(13))
        registration = EventRegistrationFactory(event=event, email="yarin@example.test")
        later = EventPageFactory(
            start=tomorrow_at(10) + datetime.timedelta(days=1),
            end=tomorrow_at(13) + datetime.timedelta(days=1),
        )
        EventRegistrationFactory(event=later, email="sonra@example.test")

        assert "mentorship.tasks.send_event_reminders" in {e.job for e in run_due()}
        assert mail.outbox == []  # queued only
        run_worker()

        assert not DBTaskResult.objects.failed().exists()
        assert [m.to for m in mail.outbox] == [["yarin@example.test"]]
        assert mail.outbox[0].attachments[0][0].endswith(".ics")
        registration.refresh_from_db()
        assert registration.reminder_sent_at is not None
        # A second run in the same day sends nothing again.
        assert event_reminders_send() == 0
        assert len(mail.outbox) == 1

    def test_a_failed_reminder_is_released_for_the_next_run(self, monkeypatch):
        event = EventPageFactory(start=tomorrow_at(10), end=tomorrow_at(13))
        registration = EventRegistrationFactory(event=event)

        def broken(*args, **kwargs):
            raise ConnectionError("mail server down")

        monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
        assert event_reminders_send() == 0
        registration.refresh_from_db()
        assert registration.reminder_sent_at is None
        monkeypatch.undo()
        assert event_reminders_send() == 1

    def test_erased_registrations_are_not_reminded(self):
        event = EventPageFactory(start=tomorrow_at(10), end=tomorrow_at(13))
        EventRegistrationFactory(event=event, anonymised_at=timezone.now())
        assert event_reminders_send() == 0


def test_retention_erases_the_person_and_keeps_the_organisation(settings):
    settings.CONTACT_RETENTION_DAYS = 30
    start = timezone.now() - datetime.timedelta(days=40)
    old = EventRegistrationFactory(
        event=EventPageFactory(start=start, end=start + datetime.timedelta(hours=2)),
        name="Eski Kişi",
        organisation="Toroslar Belediyesi",
        attended=True,
    )
    recent = EventRegistrationFactory()
    assert privacy.event_registrations_erase_expired() == 1
    assert privacy.event_registrations_erase_expired() == 0  # safe to repeat
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.is_anonymised and old.email == "" and "Eski" not in old.name
    assert old.organisation == "Toroslar Belediyesi" and old.attended
    assert not recent.is_anonymised


# Two processes (two gunicorn workers) register for the last seat at once: one wins, the other is refused.
WORKER = """
import sys, django
django.setup()
from mentorship.public.registration import RegistrationRefused, RegistrationRequest, event_registration_submit
event_id, email = int(sys.argv[1]), sys.argv[2]
print("ready", flush=True)
sys.stdin.readline()
try:
    event_registration_submit(request=RegistrationRequest(
        event_id=event_id, name="Yarışan", organisation="Belediye", email=email, consent_text_version="1"))
    print("ok", flush=True)
except RegistrationRefused as refused:
    print("refused", refused.state, flush=True)
except Exception as error:
    print(f"error {type(error).__name__}: {error}", flush=True)
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_registrations_for_the_last_seat_one_wins(tmp_path):
    event = EventPageFactory(capacity=2)
    EventRegistrationFactory(event=event)
    database_url = database_url_for_workers(tmp_path)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": database_url}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(event.pk), f"yarisan{n}@example.test"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    for worker in workers:
        assert worker.stdout.readline().startswith("ready"), worker.stderr.read()
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    answers = sorted(worker.communicate(timeout=120)[0].strip() for worker in workers)
    assert answers == ["ok", "refused full"], answers
    if ON_POSTGRES:
        assert EventRegistration.objects.filter(event=event).count() == 2
    else:
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            (count,) = db.execute(
                "SELECT COUNT(*) FROM mentorship_eventregistration WHERE event_id = ?", [event.pk]
            ).fetchone()
        db.close()
        assert count == 2
