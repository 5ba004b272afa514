"""Errors whose message is written for visitors."""

from django.http import Http404


class NotFoundForVisitors(Http404):
    """A 404 whose message says what was not found; the 404 page shows it (other 404 messages are
    internal, often English and technical, and are never shown)."""
