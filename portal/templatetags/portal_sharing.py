"""Template filter over portal.sharing: `{{ data|json_ld }}` writes schema.org data as an inert script."""

from django import template

from .. import sharing

register = template.Library()


@register.filter
def json_ld(data):
    """A ``<script type="application/ld+json">`` element, escaped so no value can close it."""
    return sharing.json_ld(data)
