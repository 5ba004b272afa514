"""The events and publications pages run a fixed number of queries whatever their number (no N+1)."""

import datetime

from django.utils import timezone

import pytest

from mentorship.factories import EventRegistrationFactory
from practices.factories import (
    EventPageFactory,
    PracticePageFactory,
    PublicationDocumentFactory,
    PublicationPageFactory,
    ThemeFactory,
    event_index_page,
    publication_index_page,
)

pytestmark = pytest.mark.django_db


def build(count: int):
    themes = [ThemeFactory() for _ in range(3)]
    practices = [PracticePageFactory() for _ in range(3)]
    now = timezone.now()
    events = []
    for n in range(count):
        start = now + datetime.timedelta(days=n - count // 2, hours=1)
        event = EventPageFactory(
            start=start, end=start + datetime.timedelta(hours=2), practices=practices, themes=themes
        )
        EventRegistrationFactory(event=event)
        events.append(event)
    publications = [PublicationPageFactory(practices=practices, themes=themes) for _ in range(count)]
    for publication in publications:
        PublicationDocumentFactory(page=publication)
    return events[-1], publications[-1], themes[0]


# Pinned: a change means a page gained or lost queries; check for N+1 before updating a number.
# Measured on 2026-11-30 with the site chrome of the day (about ten queries every page shares); -3 each (issue
# 17): the section addresses and the office's details kept per process, routing without the Locale query (the
# event page -2: its registration form still reads the site settings for the consent text).
# -4 or -5 (issue 17): the site, the home page and the lists kept per process (portal.routing), Wagtail's
# privacy check in one query (portal.models.BasePage).
EXPECTED_QUERIES = {
    "events": 5,  # upcoming and past events, one query each
    "event": 8,  # linked practices, themes, and the registration box (the seats count)
    "publications": 6,  # the list with its themes (two), the theme filter's options
    "publications_filtered": 6,
    "publication": 7,  # linked practices, themes, documents
}
# Under /en/ these Turkish pages have no English translation to look up for the language switch.
EXPECTED_QUERIES_EN = {name: count - 1 for name, count in EXPECTED_QUERIES.items()}


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("count", [2, 8])
def test_event_and_publication_pages_run_a_constant_number_of_queries(
    client, django_assert_num_queries, count, prefix
):
    event, publication, theme = build(count)
    index = publication_index_page().url
    urls = {
        "events": event_index_page().url,
        "event": event.url,
        "publications": index,
        "publications_filtered": f"{index}?kind=policy_note&theme={theme.slug}",
        "publication": publication.url,
    }
    for name, path in urls.items():
        url = prefix + path
        assert client.get(url).status_code == 200, url
        with django_assert_num_queries((EXPECTED_QUERIES_EN if prefix else EXPECTED_QUERIES)[name]):
            assert client.get(url).status_code == 200, url
