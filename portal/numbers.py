"""Numbers as a Turkish reader writes them, shared by every page: 9.300, 12,5, %40 (English: 9,300, 40%).

Django's number formatting supplies the separators of the active language; this module adds what it does
not know: Turkish puts the percent sign before the number, and counts are grouped from 1.000 up.
"""

from decimal import Decimal, InvalidOperation

from django.template.defaultfilters import floatformat
from django.utils.translation import get_language

Number = int | float | Decimal

# Units written as a percent sign by editors and mentors ("%", "% ", "yüzde" is a word and stays a word).
PERCENT_UNITS = frozenset({"%"})


def _percent_first(language: str | None) -> bool:
    return (language or get_language() or "").split("-")[0] == "tr"


def format_number(value: Number | str | None, *, decimals: int = 2) -> str:
    """`value` grouped by thousands, with at most `decimals` decimals and none when it is whole.

    9300 -> "9.300" (Turkish) / "9,300" (English); 12.5 -> "12,5" / "12.5". Empty text for no value.
    """
    if value is None or value == "":
        return ""
    try:
        # Round to `decimals`, then show only the decimals that are not trailing zeros (12.50 -> 12,5).
        rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals)).normalize()
    except InvalidOperation:  # text or infinity
        return str(value)
    if rounded.is_nan():
        return str(value)
    places = max(0, -rounded.as_tuple().exponent)
    return floatformat(rounded, f"{places}g")


def format_percent(value: Number | str | None, *, decimals: int = 1, language: str | None = None) -> str:
    """A percentage: "%40" in Turkish, "40%" in English."""
    number = format_number(value, decimals=decimals)
    if not number:
        return ""
    return f"%{number}" if _percent_first(language) else f"{number}%"


def format_quantity(
    value: Number | str | None, unit: str = "", *, decimals: int = 2, language: str | None = None
) -> str:
    """A value and its unit: "9.300 kişi", and for a percent unit "%40" (Turkish) or "40%" (English)."""
    unit = (unit or "").strip()
    if unit in PERCENT_UNITS:
        return format_percent(value, decimals=decimals, language=language)
    number = format_number(value, decimals=decimals)
    return f"{number} {unit}" if number and unit else number
