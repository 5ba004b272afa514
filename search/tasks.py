"""Search's periodic task (enqueued by portal's scheduler, run by the worker): a nightly check that the
Elasticsearch index holds every published practice, rebuilt behind its alias when it does not.

Single index updates are the retried tasks in indexing.py, queued by the publish/unpublish signals.
"""

import datetime
import logging

from django.conf import settings

from django_tasks import task

from portal.background import periodic, retried

logger = logging.getLogger(__name__)


@periodic(every=datetime.timedelta(days=1), at=datetime.time(2, 0))
@task()
@retried(attempts=3, first_delay=datetime.timedelta(minutes=10))
def repair_search_index() -> str:
    """Compare the index with the database and rebuild when they differ (a missed update, a lost node)."""
    if settings.SEARCH_BACKEND != "elasticsearch":
        return "database backend: nothing to repair"
    from . import indexing

    indexed, published = indexing.check_counts()
    if indexed == published:
        return f"in step: {indexed} practices"
    logger.warning("Search index has %s practices, the database %s: rebuilding", indexed, published)
    report = indexing.rebuild_index()
    return f"rebuilt {report.index}: {report.indexed} practices"
