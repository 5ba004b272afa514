"""Admin login brute force: five wrong passwords lock that username from that address for 15 minutes."""

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

# The production backends: the stock Axes backend, not the test settings' request-optional subclass.
PRODUCTION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]


def attempt(client, username: str, password: str, *, ip: str = "203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


@pytest.fixture(autouse=True)
def production_backends():
    with override_settings(AUTHENTICATION_BACKENDS=PRODUCTION_BACKENDS):
        yield


def test_settings_match_the_policy():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0].startswith("axes.backends.")


def test_correct_password_signs_in(client, editor):
    response = attempt(client, "editor", "pass")
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_five_wrong_passwords_lock_the_account_with_a_friendly_page(client, editor):
    for _ in range(4):
        response = attempt(client, "editor", "wrong")
        assert response.status_code == 200  # Wagtail's login form with its error message
    response = attempt(client, "editor", "wrong")
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)  # the cool-off, in seconds
    html = response.content.decode()
    assert "Too many failed sign-in attempts" in html or "başarısız" in html.lower()
    assert "15" in html
    assert "Traceback" not in html

    # Even the right password is refused while the lock lasts.
    response = attempt(client, "editor", "pass")
    assert response.status_code == 429
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_lockout_does_not_affect_another_user_or_another_address(client, editor, publisher):
    for _ in range(5):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", "pass").status_code == 429

    other_user = attempt(client, "publisher", "pass")
    assert other_user.status_code == 302
    client.logout()
    other_address = attempt(client, "editor", "pass", ip="198.51.100.20")
    assert other_address.status_code == 302


def test_failures_are_recorded_for_the_office_to_review(client, editor):
    for _ in range(3):
        attempt(client, "editor", "wrong")
    record = AccessAttempt.objects.get(username="editor")
    assert record.failures_since_start == 3
    assert record.ip_address == "203.0.113.7"


def test_client_login_keeps_working_in_the_test_settings(client, editor):
    """Other tests call client.login(), which passes no request; the test backend lets it through."""
    with override_settings(
        AUTHENTICATION_BACKENDS=["portal.security.RequestOptionalAxesBackend", *PRODUCTION_BACKENDS[1:]]
    ):
        assert client.login(username="editor", password="pass")


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_lockout_keys_on_the_forwarded_address_not_a_spoofed_one(client, editor):
    login = reverse("wagtailadmin_login")
    for n in range(5):
        # The attacker varies the address it claims; the proxy appends the real one last.
        client.post(
            login,
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9",
        )
    response = client.post(
        login,
        {"username": "editor", "password": "pass"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.9",
    )
    assert response.status_code == 429
