"""Whether a readiness self-check counts towards the anonymous demand signal (practices.ReadinessCheckCount).

Bots and repeat visits would inflate the counts mentors read. A check counts when its answers are complete
(the view calls this only then), the User-Agent is present and not a known crawler's, and the same browser
has not counted for the same practice today. "The same browser" is a short-lived cache key made from a
keyed hash (HMAC with SECRET_KEY) of address, User-Agent, practice and date: nothing about the visitor is
written to the database, and the cache entry cannot be turned back into an address.
"""

import datetime
import hashlib
import hmac
import logging
import re

from django.conf import settings
from django.core.cache import cache

from portal.security import client_ip

from .readiness import readiness_count_record

logger = logging.getLogger(__name__)

# Substrings (lower case) of User-Agents that announce automated clients: search and social crawlers,
# link previewers, uptime monitors and scripting libraries.
CRAWLER_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|curl/|wget/|python-|httpx|aiohttp|go-http-client|java/|okhttp"
    r"|libwww|facebookexternalhit|preview|monitor|pingdom|lighthouse|validator|feedfetcher|archiver",
)
# A day and a bit: the key carries the date, so a new day starts a new key; this only bounds its life.
SEEN_SECONDS = 26 * 60 * 60


def is_crawler(user_agent: str) -> bool:
    """An empty User-Agent or one naming a crawler or script (real browsers always send one)."""
    user_agent = (user_agent or "").strip().lower()
    return not user_agent or bool(CRAWLER_PATTERN.search(user_agent))


def seen_key(*, address: str, user_agent: str, practice_id: int, today: datetime.date) -> str:
    """The cache key standing for one browser, one practice and one day: an HMAC, never the values."""
    message = "\n".join((address, user_agent, str(practice_id), today.isoformat())).encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return f"readiness-seen:{digest}"


def readiness_check_counted(
    *, request, practice_id: int, theme_id: int, band: str, today: datetime.date
) -> bool:
    """Count a completed check unless a crawler sent it or this browser counted for the practice today.

    True when it was counted. If the cache cannot be reached the check is counted (a demand signal that
    overcounts for a while beats losing it), and the failure is logged.
    """
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if is_crawler(user_agent):
        return False
    key = seen_key(address=client_ip(request), user_agent=user_agent, practice_id=practice_id, today=today)
    try:
        first_today = cache.add(key, 1, timeout=SEEN_SECONDS)
    except Exception:
        logger.warning("Readiness check de-duplication skipped: the cache is unreachable", exc_info=True)
        first_today = True
    if not first_today:
        return False
    readiness_count_record(theme_id=theme_id, band=band, today=today)
    return True
