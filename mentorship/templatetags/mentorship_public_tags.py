"""Template tags that put public mentorship figures on pages of other apps (practices never imports us)."""

from django import template

from ..public.adopters import PracticeAdopters, practice_adopters

register = template.Library()


@register.inclusion_tag("mentorship/public/_adopted_by.html")
def adopted_by(practice, block=None):
    """“Adopted by N municipalities”, the ones shown publicly with their story, and their metrics beside the
    origin's: from ``block`` (the practice's stored digest, no query), else counted now (two queries
    at most)."""
    if practice is None or getattr(practice, "pk", None) is None:
        return {"adopters": None}
    if isinstance(block, dict):
        return {"adopters": PracticeAdopters.from_block(block), "practice": practice}
    return {"adopters": practice_adopters(practice=practice), "practice": practice}


@register.inclusion_tag("mentorship/public/_event_registration.html", takes_context=True)
def event_registration(context, event):
    """The registration box of an event page: seats left and the form while registration is open, or why it
    is not (full, closed, past). One query (the count); a form refused by the registration view comes back
    bound, with what was typed."""
    from portal.models import PortalSettings

    from ..public.registration import event_availability
    from ..public.registration_forms import EventRegistrationForm

    request = context.get("request")
    return {
        "event": event,
        "availability": event_availability(event=event),
        "form": context.get("registration_form") or EventRegistrationForm(),
        "refused": context.get("registration_refused", ""),
        "portal_settings": PortalSettings.for_request(request) if request is not None else None,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
