"""Shared fixtures: users per role, a logged-in client per role."""

from django.contrib.auth.models import Group, User
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import clear_url_caches
from django.utils import translation

import pytest


@receiver(setting_changed)
def _forget_reversed_addresses(setting, **kwargs):
    """URL resolvers keep their reversed addresses per language, with or without the /en/ prefix as
    LANGUAGE_CODE was at the time: a test that sets LANGUAGE_CODE = "en" (so English has no prefix) would
    leave later tests reversing English addresses without /en/."""
    if setting == "LANGUAGE_CODE":
        clear_url_caches()


@pytest.fixture(autouse=True)
def _language_restored():
    """A request activates its address's language for the rest of the thread (Django does not undo it):
    without this, a test requesting /en/ leaves the next test's reverse() and gettext in English."""
    with translation.override(translation.get_language()):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database rolls back after a test without bumping the public
    cache version, so what one test's pages put there (practices.sections' addresses) must not reach the
    next."""
    from django.core.cache import cache

    cache.clear()


# Request headers of a reader whose browser asks for English.
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def in_english():
    """Texts made outside a request (reasons, labels, messages) in English, so tests read the msgids."""
    with translation.override("en"):
        yield


@pytest.fixture
def english_site(db):
    """The demo's English home page and lists (tests/english.py)."""
    from tests.english import load_english_site

    return load_english_site()


class BrokenCache:
    """Stands in for an unreachable Redis: every call raises."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache down")

        return fail


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
