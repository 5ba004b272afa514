"""The portal's one public address, ``{{ document.url|absolute }}``, and the office's details for the footer,
``{% office_details as office %}``."""

from django import template

from ..office import office_details as get_office_details
from ..site_address import absolute_url

register = template.Library()


@register.filter
def absolute(path: str) -> str:
    """``/documents/3/a.pdf`` -> ``https://atlas.example.gov.tr/documents/3/a.pdf`` (on SITE_BASE_URL)."""
    return absolute_url(str(path)) if path else ""


@register.simple_tag(takes_context=True)
def office_details(context) -> dict[str, str]:
    """The site settings the footer shows (portal.office: no query on a warm process)."""
    request = context.get("request")
    return get_office_details(request) if request is not None else {}
