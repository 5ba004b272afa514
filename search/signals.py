"""Signal receivers that keep the search indexes current (connected in SearchConfig.ready)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from practices.models import PracticePage
from practices.services import adoption_counts_changed

from . import indexing


def refresh_database_index(sender, instance, raw=False, update_fields=None, **kwargs):
    """Re-index the saved object itself: Wagtail's own handler reloads it from the database before
    modelcluster has saved its tags and target groups, so the index would lag one save behind.

    Partial saves are skipped: save_revision() saves only revision bookkeeping on an object that carries
    the unpublished draft, and drafts must never become searchable.
    """
    if not raw and update_fields is None:
        index.insert_or_update_object(instance)


def connect_database_signals() -> None:
    post_save.connect(refresh_database_index, sender=PracticePage, dispatch_uid="search_refresh_db_index")


def on_published(sender, instance, **kwargs):
    if isinstance(instance, PracticePage):
        indexing.enqueue(indexing.index_practice_task, instance.pk)


def on_unpublished_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, PracticePage):
        indexing.enqueue(indexing.remove_practice_task, instance.pk)


def on_moved(sender, instance, **kwargs):
    # The URL is part of the document; moving re-indexes the page and its descendants' URLs change too.
    for page in PracticePage.objects.descendant_of(instance, inclusive=True).only("pk"):
        indexing.enqueue(indexing.index_practice_task, page.pk)


def on_restriction_changed(sender, instance, **kwargs):
    # A practice that became private leaves the index; one that became public again returns.
    for page in PracticePage.objects.descendant_of(instance.page, inclusive=True).live().only("pk"):
        indexing.enqueue(indexing.index_practice_task, page.pk)


def on_adoption_counts_changed(sender, page_ids, **kwargs):
    # The count is a queryset update (no page signal): re-index after the change commits, so "most adopted"
    # sorts by the stored count and a rolled-back change leaves the index alone.
    for page_id in page_ids:
        transaction.on_commit(lambda page_id=page_id: indexing.enqueue(indexing.index_practice_task, page_id))


def connect_elasticsearch_signals() -> None:
    page_published.connect(on_published, dispatch_uid="search_es_published")
    page_unpublished.connect(on_unpublished_or_deleted, dispatch_uid="search_es_unpublished")
    post_delete.connect(on_unpublished_or_deleted, sender=PracticePage, dispatch_uid="search_es_deleted")
    post_page_move.connect(on_moved, dispatch_uid="search_es_moved")
    restriction = PageViewRestriction
    post_save.connect(on_restriction_changed, sender=restriction, dispatch_uid="search_es_restricted")
    post_delete.connect(on_restriction_changed, sender=restriction, dispatch_uid="search_es_unrestricted")
    adoption_counts_changed.connect(on_adoption_counts_changed, dispatch_uid="search_es_adoption_counts")


def disconnect_elasticsearch_signals() -> None:
    page_published.disconnect(dispatch_uid="search_es_published")
    page_unpublished.disconnect(dispatch_uid="search_es_unpublished")
    post_delete.disconnect(sender=PracticePage, dispatch_uid="search_es_deleted")
    post_page_move.disconnect(dispatch_uid="search_es_moved")
    post_save.disconnect(sender=PageViewRestriction, dispatch_uid="search_es_restricted")
    post_delete.disconnect(sender=PageViewRestriction, dispatch_uid="search_es_unrestricted")
    adoption_counts_changed.disconnect(dispatch_uid="search_es_adoption_counts")
