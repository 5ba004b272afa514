"""Template filter for the portal's one public address: ``{{ document.url|absolute }}``."""

from django import template

from ..site_address import absolute_url

register = template.Library()


@register.filter
def absolute(path: str) -> str:
    """``/documents/3/a.pdf`` -> ``https://atlas.example.gov.tr/documents/3/a.pdf`` (on SITE_BASE_URL)."""
    return absolute_url(str(path)) if path else ""
