"""The library's periodic tasks, enqueued by the scheduler (portal/background.py) and run by the worker.

Publishing a practice recomputes its own digest and those of the practices it resembles (practices.digest);
the related lists of the rest of the library are only re-ranked by a full rebuild, once a night. The command
``manage.py rebuild_practice_digests`` does the same by hand.
"""

import datetime

from django_tasks import task

from portal.background import periodic, retried

from .digest import digest_rebuild


@periodic(every=datetime.timedelta(days=1), at=datetime.time(2, 30))
@task()
@retried(attempts=3)
def rebuild_practice_digests() -> int:
    """Recompute every published practice's digest (related practices, adopters); the number rebuilt."""
    return digest_rebuild()
