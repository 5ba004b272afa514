"""Template tags that put public mentorship figures on pages of other apps (practices never imports us)."""

from django import template

from ..public.adopters import practice_adopters

register = template.Library()


@register.inclusion_tag("mentorship/public/_adopted_by.html")
def adopted_by(practice):
    """“Adopted by N municipalities”, the ones shown publicly with their story, and their metrics beside the
    origin's (two queries at most)."""
    if practice is None or getattr(practice, "pk", None) is None:
        return {"adopters": None}
    return {"adopters": practice_adopters(practice=practice), "practice": practice}
