"""Template tags that put public mentorship figures on pages of other apps (practices never imports us)."""

from django import template

from ..impact import practice_adopters

register = template.Library()


@register.inclusion_tag("mentorship/public/_adopted_by.html")
def adopted_by(practice):
    """“Adopted by N municipalities”, their names, and origin vs adopters' metrics (two queries at most)."""
    if practice is None or getattr(practice, "pk", None) is None:
        return {"adopters": None}
    return {"adopters": practice_adopters(practice=practice), "practice": practice}
