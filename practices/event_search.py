"""Upcoming trainings and sessions for the site search (/ara/), shown in their own section like publications.

Wagtail's own search over EventPage's search_fields (the practice search engine in search/ indexes practices
only). Past events are left out: the search points people at what they can still attend.
"""

import datetime

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale

from .models import EventPage

EVENTS_SHOWN = 5


def events_matching(*, text: str, now: datetime.datetime, limit: int = EVENTS_SHOWN) -> list[EventPage]:
    """Published, public events not yet ended whose text matches, best first; one page per event, in the
    reader's language when translated (else the original). Three queries whatever the number of results."""
    text = (text or "").strip()
    if not text:
        return []
    upcoming = EventPage.objects.live().filter(end__gt=now).values("id")
    # Twice the limit: an event and its translation may both match, and only one of them is shown.
    found = list(EventPage.objects.live().public().filter(id__in=upcoming).search(text)[: limit * 2])
    if not found:
        return []
    languages = dict(Locale.objects.values_list("id", "language_code"))
    reader = translation.get_language() or settings.LANGUAGE_CODE
    chosen: dict = {}
    for event in found:  # best first: the first page of each event keeps its place
        current = chosen.get(event.translation_key)
        if current is None or (
            languages.get(event.locale_id) == reader and languages.get(current.locale_id) != reader
        ):
            chosen[event.translation_key] = event
    return list(chosen.values())[:limit]
