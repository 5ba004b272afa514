"""Numbers as Turkish readers write them (9.300, 12,5, %40) and as English readers do (9,300, 12.5, 40%)."""

from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

import pytest

from portal.numbers import format_number, format_percent, format_quantity


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("tr", 9300, "9.300"),
        ("en", 9300, "9,300"),
        ("tr", Decimal("1200.00"), "1.200"),
        ("tr", 12.5, "12,5"),
        ("en", 12.5, "12.5"),
        ("tr", 999, "999"),
        ("tr", 0, "0"),
        ("tr", -4500, "-4.500"),
    ],
)
def test_numbers_are_grouped_with_the_languages_separators(language, value, expected):
    with translation.override(language):
        assert format_number(value) == expected


def test_percent_sign_comes_first_in_turkish_and_last_in_english():
    with translation.override("tr"):
        assert format_percent(40) == "%40"
        assert format_percent(Decimal("12.5")) == "%12,5"
        assert format_quantity(40, "%") == "%40"
        assert format_quantity(40, " % ") == "%40"
    with translation.override("en"):
        assert format_percent(40) == "40%"
        assert format_quantity(Decimal("40.00"), "%") == "40%"


def test_a_unit_follows_the_number_after_a_space():
    with translation.override("tr"):
        assert format_quantity(9300, "kişi") == "9.300 kişi"
        assert format_quantity(9300, "") == "9.300"


@pytest.mark.parametrize("value", [None, ""])
def test_no_value_gives_no_text(value):
    assert format_number(value) == format_percent(value) == format_quantity(value, "%") == ""


def test_text_that_is_not_a_number_is_shown_as_it_is():
    assert format_number("yaklaşık 40") == "yaklaşık 40"


def test_template_filters_use_the_same_rules():
    template = Template("{% load portal_numbers %}{{ n|number }} {{ p|percent }} {{ v|quantity:unit }}")
    context = Context({"n": 9300, "p": 40, "v": 27, "unit": "belediye"})
    with translation.override("tr"):
        assert template.render(context) == "9.300 %40 27 belediye"
    with translation.override("en"):
        assert template.render(context) == "9,300 40% 27 belediye"


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_values_that_are_not_finite_are_shown_as_they_are(value):
    assert format_number(value) == str(value)
