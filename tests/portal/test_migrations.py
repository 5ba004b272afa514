"""Every migration runs backwards as well as forwards: migrate, add content, migrate the apps to zero, migrate
again, on the database the suite runs on (a fresh SQLite file, or a fresh PostgreSQL database)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]

SCRIPT = """
import django
django.setup()
from django.core.management import call_command
from wagtail.models import Page, Site
call_command("migrate", verbosity=0)
call_command("load_demo", verbosity=0)
print("demo_pages", Page.objects.count())
call_command("migrate", "portal", "zero", verbosity=0)  # and every app that depends on it first
call_command("migrate", verbosity=0)
from django.contrib.auth.models import Group
from practices.models import PracticeIndexPage, SDG
print("home", Site.objects.get(is_default_site=True).root_page.specific_class.__name__)
counts = (PracticeIndexPage.objects.count(), SDG.objects.count(), Site.objects.count())
print("libraries", "%d sdgs %d sites %d" % counts)
print("groups", sorted(Group.objects.values_list("name", flat=True)))
print("pages", Page.objects.count())
"""


@pytest.fixture
def fresh_database_url(tmp_path):
    if not ON_POSTGRES:
        yield f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
        return
    import psycopg

    db = settings.DATABASES["default"]
    name = f"atlas_migrations_{uuid.uuid4().hex[:8]}"
    server = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_migrating_to_zero_and_back_works_with_content(fresh_database_url):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": fresh_database_url,
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert int(lines["demo_pages"]) > 10
    # As after the first migrate: Wagtail's root, the portal's home page, the library, the events and the
    # publications lists (practices 0005); nothing left over.
    assert lines["home"] == "HomePage"
    assert lines["libraries"] == "1 sdgs 17 sites 1"
    assert lines["groups"] == "['Editors', 'Mentors', 'Publishers']"
    assert lines["pages"] == "5"
