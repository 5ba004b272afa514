"""The search API against its own OpenAPI schema (schemathesis): no 5xx, every answer as documented.

Bounded and repeatable: a fixed number of generated requests per operation, derandomised, no example
database written to disk; the whole file takes a few seconds.
"""

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings

from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go straight to the WSGI application, whose request signals close "old" connections: on
    PostgreSQL that closes the test's own connection inside its transaction, and every later test fails
    with "the connection is closed". Django's test client disconnects the same handler."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def practice(db):
    return PracticePageFactory(title="Engelsiz çocuk oyun parkı", province=33, tags=["erişilebilirlik"])


@pytest.mark.parametrize("path", ["/api/search/", "/api/search/autocomplete"])
def test_search_api_answers_as_its_schema_says(practice, path):
    # Hypothesis driven directly: schemathesis' own pytest plugin does not run on this pytest version.
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    # NUL characters are refused with a 400 before any view runs (portal.middleware.RejectNullBytesMiddleware,
    # tested in tests/security/test_fuzz.py); everything else a client could send is generated.
    schema.config.generation.update(allow_x00=False)
    operation = schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=40,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_documented(case):
        # A reversed year range (year_from after year_to) is valid for the schema, which cannot relate two
        # parameters, but answered 422 with a message (tested below); such requests are not generated.
        year_from, year_to = (case.query or {}).get("year_from"), (case.query or {}).get("year_to")
        assume(not (year_from and year_to and int(year_from) > int(year_to)))
        case.call_and_validate()

    answers_as_documented()


def test_validation_errors_match_the_documented_422_body(client, db):
    """Both kinds of 422 fit ErrorSchema: a list of errors, or one message."""
    schema = client.get("/api/openapi.json").json()
    detail = schema["components"]["schemas"]["ErrorSchema"]["properties"]["detail"]
    assert {option.get("type") for option in detail["anyOf"]} == {"string", "array"}

    invalid = client.get("/api/search/", {"page": "abc"}).json()["detail"]
    assert isinstance(invalid, list) and invalid[0]["loc"] == ["query", "page"] and invalid[0]["msg"]
    inconsistent = client.get("/api/search/", {"year_from": "2024", "year_to": "2000"}).json()["detail"]
    assert isinstance(inconsistent, str)
    assert client.get("/api/search/autocomplete").status_code == 422
    assert "422" in schema["paths"]["/api/search/autocomplete"]["get"]["responses"]
