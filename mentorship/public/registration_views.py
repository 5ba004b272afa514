"""Public event registration: the form is on the event page (mentorship's `{% event_registration %}` tag);
it posts here, and a refused or invalid registration is answered with the event page again, keeping what was
typed."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from portal.models import PortalSettings
from practices.models.untranslated import event_as_served
from practices.outreach_selectors import events_published
from practices.sections import reader_link

from .. import ratelimit
from .registration import RegistrationRefused, event_registration_submit
from .registration_forms import EventRegistrationForm
from .views import rate_limited_response

RATE_SCOPE = "event-registration"
# The same rate as the study-visit request: one public form rule for the whole office.
RATE_SETTING = "VISIT_REQUEST_RATE_LIMIT"
DUPLICATE_MESSAGE = _("This e-mail address is already registered for this event.")


def _event_or_404(event_id: int):
    event = events_published().filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event


def _event_page(request, event, *, form, refused: str = "", status: int):
    event = event_as_served(request, event)
    response = event.render(
        request, context_overrides={"registration_form": form, "registration_refused": refused}
    )
    response.status_code = status
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@csrf_protect
def event_register(request, event_id: int):
    event = _event_or_404(event_id)
    if request.method != "POST":
        return redirect(reader_link(request, event, "events")["url"])
    limit = ratelimit.hit_request(request, scope=RATE_SCOPE, setting=RATE_SETTING)
    if not limit.allowed:
        return rate_limited_response(request, limit)
    form = EventRegistrationForm(request.POST)
    if form.is_spam:
        # Tell the bot it worked; store nothing.
        return redirect("event_registration_done", event_id=event.pk)
    if not form.is_valid():
        return _event_page(request, event, form=form, status=400)
    portal_settings = PortalSettings.for_request(request)
    try:
        event_registration_submit(
            request=form.to_request(
                event_id=event.pk,
                consent_text_version=portal_settings.consent_text_version,
                language=translation.get_language() or "",
            )
        )
    except RegistrationRefused as refused:
        if refused.state == RegistrationRefused.DUPLICATE:
            form.add_error("email", DUPLICATE_MESSAGE)
            return _event_page(request, event, form=form, status=400)
        return _event_page(request, event, form=form, refused=refused.state, status=409)
    return redirect("event_registration_done", event_id=event.pk)


@never_cache
def event_registration_done(request, event_id: int):
    event = _event_or_404(event_id)
    return render(request, "mentorship/public/event_registration_done.html", {"event": event})
