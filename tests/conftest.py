"""Shared fixtures: users per role, a logged-in client per role."""

from django.contrib.auth.models import Group, User
from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def _language_restored():
    """A request activates its address's language for the rest of the thread (Django does not undo it):
    without this, a test requesting /en/ leaves the next test's reverse() and gettext in English."""
    with translation.override(translation.get_language()):
        yield


def make_user(username: str, *groups: str, superuser: bool = False) -> User:
    user = User.objects.create_user(username=username, password="pass", email=f"{username}@example.test")
    user.is_superuser = superuser
    user.is_staff = superuser
    user.save()
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


@pytest.fixture
def publisher(db):
    return make_user("publisher", "Publishers")


@pytest.fixture
def mentor(db):
    return make_user("mentor", "Mentors")


@pytest.fixture
def admin_user(db):
    return make_user("admin", superuser=True)
