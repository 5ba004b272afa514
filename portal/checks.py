"""System checks of the portal's own deployment rules (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

# Cache backends whose contents each process keeps to itself.
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Production runs several processes: counters and invalidations must live in one shared cache."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    name = backend.rsplit(".", 1)[-1]
    return [
        checks.Error(
            f"The default cache is {name}, which every worker process keeps for itself: "
            "the study-visit request rate limit (VISIT_REQUEST_RATE_LIMIT) would count per process, so "
            "N workers let N times the limit through, and the public page cache stays off because one "
            "process's invalidation on publish could not reach the others.",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) so every process shares one cache.",
            id="portal.E010",
        )
    ]
