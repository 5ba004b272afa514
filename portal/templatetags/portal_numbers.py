"""Template filters over portal.numbers: `{{ n|number }}`, `{{ n|percent }}`, `{{ value|quantity:unit }}`."""

from django import template

from .. import numbers

register = template.Library()


@register.filter
def number(value):
    """9300 -> "9.300" in Turkish (grouped, at most two decimals)."""
    return numbers.format_number(value)


@register.filter
def percent(value):
    """40 -> "%40" in Turkish, "40%" in English."""
    return numbers.format_percent(value)


@register.filter
def quantity(value, unit=""):
    """A value with its unit, the percent sign where the language puts it."""
    return numbers.format_quantity(value, unit)
