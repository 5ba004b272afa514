"""``{% language_alternates as alternates %}``: the current page in every language (portal.languages), for the
header's language switch and the ``hreflang`` links in the head; computed once per request."""

from django import template
from django.utils import translation
from django.utils.http import urlencode

from ..languages import alternates

register = template.Library()

CACHE_ATTRIBUTE = "_language_alternates"


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list[dict]:
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    page = context.get("page")
    current = translation.get_language()
    result = []
    for code, address, exists in alternates(request, page if hasattr(page, "get_translations") else None):
        info = translation.get_language_info(code)
        result.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "address": address,
                "path": address.split("?", 1)[0],
                "exists": exists,
                "current": code == current,
                # The switch remembers the choice as a preference (cookie) and goes to the address.
                "switch_query": urlencode({"language": code, "next": address}),
            }
        )
    setattr(request, CACHE_ATTRIBUTE, result)
    return result
