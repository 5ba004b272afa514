"""A fixed-window rate limit per client address, counted in the shared Django cache (Redis in production)."""

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from portal.security import client_ip

PERIOD_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds


@dataclass(frozen=True)
class RateLimitResult:
    allowed: bool
    count: int
    retry_after: int  # seconds until the current window ends


def parse_rate(value: str) -> Rate:
    """ "5/h", "10/m", "100/d" or "5/10m"; a malformed value fails loudly at the first request."""
    match = RATE_PATTERN.match(value or "")
    if not match:
        raise ValueError(f"Rate must look like '5/h' or '10/15m', not {value!r}.")
    limit, multiplier, unit = match.groups()
    return Rate(limit=int(limit), period=int(multiplier or 1) * PERIOD_SECONDS[unit])


def hit(*, scope: str, key: str, rate: Rate, now: float | None = None) -> RateLimitResult:
    """Count one attempt for (scope, key) in the current window; atomic with add + incr on shared caches."""
    now = time.time() if now is None else now
    window = int(now // rate.period)
    cache_key = f"ratelimit:{scope}:{window}:{key}"
    # add() is a no-op if the key exists; incr() is atomic in Redis and memcached (and locked in locmem).
    cache.add(cache_key, 0, timeout=rate.period + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=rate.period + 1)
        count = 1
    retry_after = max(1, int((window + 1) * rate.period - now))
    return RateLimitResult(allowed=count <= rate.limit, count=count, retry_after=retry_after)


def hit_request(request, *, scope: str, setting: str) -> RateLimitResult:
    """Count one attempt from the request's client address against the rate in `settings.<setting>`."""
    rate = parse_rate(getattr(settings, setting))
    return hit(scope=scope, key=client_ip(request) or "unknown", rate=rate)
