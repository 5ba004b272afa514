"""The cache-counted rate limit behind the public forms: rate parsing, windows, keys."""

from django.core.cache import cache

import pytest

from mentorship import ratelimit


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("value", "limit", "period"),
    [("5/h", 5, 3600), ("10/m", 10, 60), ("100/d", 100, 86400), ("3/15m", 3, 900), (" 7 / s ", 7, 1)],
)
def test_rates_are_parsed(value, limit, period):
    assert ratelimit.parse_rate(value) == ratelimit.Rate(limit=limit, period=period)


@pytest.mark.parametrize("value", ["", "5", "five/h", "5/w", "5/h/m", "-1/h"])
def test_malformed_rates_fail_loudly(value):
    with pytest.raises(ValueError, match="Rate must look like"):
        ratelimit.parse_rate(value)


def test_the_limit_counts_per_key_and_window():
    rate = ratelimit.Rate(limit=2, period=60)
    now = 6000.0  # the start of a window
    results = [ratelimit.hit(scope="t", key="a", rate=rate, now=now + n) for n in range(3)]
    assert [r.allowed for r in results] == [True, True, False]
    assert results[-1].retry_after == 58
    assert ratelimit.hit(scope="t", key="b", rate=rate, now=now).allowed
    assert ratelimit.hit(scope="other", key="a", rate=rate, now=now).allowed
    # The next window starts afresh.
    assert ratelimit.hit(scope="t", key="a", rate=rate, now=now + 60).allowed
