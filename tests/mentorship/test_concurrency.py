"""Two mentors changing the same adoption at the same moment: both changes are kept, nobody gets an error.

On PostgreSQL the row lock serialises them; on SQLite (the embedded default of `make run`) immediate
transactions, WAL and a busy timeout (portal/settings/base.py) make the second writer wait instead of failing
with "database is locked". The first tests use two separate processes, each with its own connection, as two
gunicorn workers would; on SQLite they work on a file copy of the test database, since the in-memory test
database cannot be shared between processes.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest

from mentorship.factories import AdoptionFactory
from mentorship.models import AdoptionEvent, AdoptionStage

# serialized_rollback restores the data the migrations created (groups, library page) for these tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]
ROOT = Path(__file__).resolve().parents[2]

# A worker: set up Django, say "ready", wait for "go" on stdin, change the stage, report "ok" or the error.
WORKER = """
import sys, django
django.setup()
from mentorship import services
from mentorship.models import Adoption
adoption_ids, to_stage = [int(pk) for pk in sys.argv[1].split(",")], sys.argv[2]
from django.db import connection
sqlite = connection.vendor == "sqlite"
print("ready", connection.cursor().execute("PRAGMA journal_mode").fetchone()[0] if sqlite else "", flush=True)
sys.stdin.readline()
for pk in adoption_ids:
    try:
        services.adoption_change_stage(
            adoption=Adoption.objects.get(pk=pk), to_stage=to_stage, user=None, note="eşzamanlı"
        )
        print("ok", flush=True)
    except Exception as error:
        print(f"error {type(error).__name__}: {error}", flush=True)
"""


def database_url_for_workers(tmp_path: Path) -> str:
    """A DATABASE_URL other processes can open that holds what this test has committed."""
    db = settings.DATABASES["default"]
    if ON_POSTGRES:
        return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    copy = tmp_path / "concurrency.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)
    target.close()
    return f"sqlite:///{copy}"


def events_of(database_url: str, adoption_id: int) -> list[tuple[str, str]]:
    if ON_POSTGRES:
        return list(
            AdoptionEvent.objects.filter(adoption_id=adoption_id)
            .order_by("pk")
            .values_list("from_stage", "to_stage")
        )
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
        rows = db.execute(
            "SELECT from_stage, to_stage FROM mentorship_adoptionevent WHERE adoption_id = ? ORDER BY id",
            [adoption_id],
        ).fetchall()
    db.close()
    return rows


def run_workers(tmp_path: Path, adoption_ids: list[int], stages: list[str]) -> tuple[str, list[str]]:
    """One process per stage, each changing every adoption to it, all let go at once; their reports."""
    database_url = database_url_for_workers(tmp_path)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url,
    }
    ids = ",".join(str(pk) for pk in adoption_ids)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, ids, stage],
            cwd=ROOT,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for stage in stages
    ]
    for worker in workers:
        ready = worker.stdout.readline().split()
        assert ready[:1] == ["ready"], worker.stderr.read()
        # On SQLite a file database's journal is the write-ahead log, so readers never block the writer.
        assert ON_POSTGRES or ready[1:] == ["wal"]
    for worker in workers:  # as close together as two writes to two pipes get
        worker.stdin.write("go\n")
        worker.stdin.flush()
    reports = []
    for worker in workers:
        stdout, stderr = worker.communicate(timeout=120)
        assert worker.returncode == 0, stderr
        reports.append(stdout)
    return database_url, reports


def test_two_processes_changing_the_same_adoptions_both_succeed(tmp_path):
    # Several adoptions in a row, so the two workers' transactions overlap many times.
    adoptions = [AdoptionFactory(stage=AdoptionStage.PLANNING) for _ in range(6)]
    database_url, reports = run_workers(
        tmp_path, [adoption.pk for adoption in adoptions], [AdoptionStage.PILOTING, AdoptionStage.DROPPED]
    )

    for report in reports:
        assert report.splitlines() == ["ok"] * len(adoptions), report
    for adoption in adoptions:
        events = events_of(database_url, adoption.pk)
        assert len(events) == 2
        # The second change starts where the first one left off: they were serialised, not interleaved.
        assert events[0][0] == AdoptionStage.PLANNING
        assert events[1][0] == events[0][1]


def test_two_processes_making_the_same_change_keep_one_event_and_refuse_the_other(tmp_path):
    adoption = AdoptionFactory(stage=AdoptionStage.PLANNING)
    database_url, reports = run_workers(tmp_path, [adoption.pk], [AdoptionStage.PILOTING] * 2)

    assert sorted(report.split(":")[0].strip() for report in reports) == ["error ValidationError", "ok"]
    assert len(events_of(database_url, adoption.pk)) == 1


def test_every_sqlite_connection_waits_for_the_write_lock():
    """The options that make the above hold on SQLite are the ones every connection gets."""
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if ON_POSTGRES:
        assert "transaction_mode" not in options
        return
    assert options["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
