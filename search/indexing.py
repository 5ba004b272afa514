"""The one indexing service for Elasticsearch: index or remove one practice, rebuild behind an alias, check.

Signals call the task wrappers; a failure is logged and never reaches the editor who published the page.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from django_tasks import task

from portal.background import retried
from practices import selectors
from practices.models import PracticePage

from .backends.elasticsearch import get_client, transport_errors
from .documents import PracticeDocument, index_body
from .store import languages_present

logger = logging.getLogger(__name__)
BATCH_SIZE = 500


@dataclass(frozen=True)
class RebuildReport:
    index: str
    indexed: int
    removed_indices: tuple[str, ...]


def _alias() -> str:
    return settings.ELASTICSEARCH_INDEX


def index_practice(*, page_id: int, client=None) -> bool:
    """Put the practice in the index if it is published and public, remove it otherwise; True if indexed."""
    client = client or get_client()
    page = selectors.with_listing_data(selectors.published_practices().filter(pk=page_id)).first()
    if page is None:
        remove_practice(page_id=page_id, client=client)
        return False
    document = PracticeDocument.from_page(page)
    client.index(index=_alias(), id=str(page_id), document=document.to_dict(skip_empty=False))
    return True


def remove_practice(*, page_id: int, client=None) -> None:
    client = client or get_client()
    client.options(ignore_status=404).delete(index=_alias(), id=str(page_id))


def new_index_name(now=None) -> str:
    now = now or timezone.now()
    return f"{_alias()}-{now:%Y%m%d%H%M%S%f}"


def rebuild_index(
    *, client=None, batch_size: int = BATCH_SIZE, progress: Callable[[int, int], None] | None = None
) -> RebuildReport:
    """Index every published practice into a new index, then point the alias at it in one atomic step.

    Searches keep using the old index until the swap, so they never see a half-built index.
    """
    from elasticsearch.helpers import bulk

    client = client or get_client()
    alias, name = _alias(), new_index_name()
    client.indices.create(index=name, **index_body())
    pages = selectors.published_practices().order_by("pk")
    total = pages.count()
    done = 0
    present = languages_present()
    ids = list(pages.values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        batch = selectors.with_listing_data(PracticePage.objects.filter(pk__in=chunk))
        actions = [
            {
                "_index": name,
                "_id": str(page.pk),
                "_source": PracticeDocument.from_page(page, present=present[page.translation_key]).to_dict(),
            }
            for page in batch
        ]
        bulk(client, actions, refresh=False)
        done += len(actions)
        if progress:
            progress(done, total)
    client.indices.refresh(index=name)
    old = []
    if client.indices.exists_alias(name=alias):
        old = list(client.indices.get_alias(name=alias))  # the response iterates over index names
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    return RebuildReport(index=name, indexed=done, removed_indices=tuple(old))


def check_counts(*, client=None) -> tuple[int, int]:
    """(documents in the index, published practices in the database)."""
    client = client or get_client()
    indexed = client.count(index=_alias())["count"]
    return indexed, selectors.published_practices().count()


# Task wrappers: inline in development and tests, on a worker in production, where a failed run is recorded
# (Reports -> Background tasks) and enqueued again with a growing delay (portal.background.retried).


@task()
@retried()
def index_practice_task(page_id: int) -> None:
    try:
        index_practice(page_id=page_id)
    except transport_errors() as error:
        logger.warning("Could not index practice %s in Elasticsearch: %s", page_id, error)
        raise


@task()
@retried()
def remove_practice_task(page_id: int) -> None:
    try:
        remove_practice(page_id=page_id)
    except transport_errors() as error:
        logger.warning("Could not remove practice %s from Elasticsearch: %s", page_id, error)
        raise


def enqueue(task_, page_id: int) -> None:
    """Queue an index update; never let it fail the request that changed the page."""
    try:
        task_.enqueue(page_id)
    except Exception:  # the page change must succeed whatever happens to the index
        logger.exception(
            "Could not queue %s for practice %s; run `search_index --rebuild`", task_.name, page_id
        )
