"""Public (token-protected) views of the mentorship app: the mentor's ICS feed."""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from .calendar import calendar_for_user
from .models import CalendarFeedToken

MAX_TOKEN_LENGTH = 64


@never_cache
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Unknown, revoked or malformed tokens are all a plain 404, so the feed does not reveal which exist."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise Http404
    feed_token = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if feed_token is None or not feed_token.user.is_active:
        raise Http404
    response = HttpResponse(
        calendar_for_user(user=feed_token.user), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="practice-atlas.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
