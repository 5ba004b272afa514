"""When the database is unreachable the portal says so politely and recovers by itself once it is back."""

import contextlib
import json
import socket
from unittest import mock

from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

import pytest

from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def database_down():
    """Every new cursor fails as it would with the server stopped; leaving the block brings it back."""

    def refuse(self):
        raise OperationalError("connection refused (simulated)")

    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", refuse):
        yield


@pytest.fixture
def visitor():
    # A browser, not the test client's default of re-raising view exceptions into the test.
    return Client(raise_request_exception=False)


def assert_friendly_error(response):
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>" in html
    assert "Traceback" not in html
    assert "OperationalError" not in html
    assert "connection refused" not in html
    assert 'href="/"' in html


def test_health_check_answers_503_json_while_the_database_is_down_and_200_after(visitor):
    with database_down():
        response = visitor.get("/healthz/")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["checks"]["database"] == "unreachable"
    assert "version" in body

    response = visitor.get("/healthz/")
    assert response.status_code == 200
    assert json.loads(response.content)["checks"]["database"] == "ok"


def test_public_pages_show_the_friendly_error_page_and_recover_without_a_restart(visitor):
    practice = PracticePageFactory()
    urls = ["/", "/uygulamalar/", practice.url, practice.url + "kit/", "/sitemap.xml"]
    with database_down():
        for url in urls:
            assert_friendly_error(visitor.get(url))
    for url in urls:
        assert visitor.get(url).status_code == 200, url


def test_error_page_keeps_the_security_headers(visitor):
    with database_down():
        response = visitor.get("/uygulamalar/")
    assert response.status_code == 500
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_server_unreachable_then_back(visitor):
    """The real thing on PostgreSQL: the connection points at a port nobody listens on, then back."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL); the simulated outage above runs on every database")
    PracticePageFactory()
    original = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    try:
        assert visitor.get("/healthz/").status_code == 503
        assert_friendly_error(visitor.get("/uygulamalar/"))
    finally:
        connection.close()
        connection.settings_dict.update(original)
    assert visitor.get("/healthz/").status_code == 200
    assert visitor.get("/uygulamalar/").status_code == 200
