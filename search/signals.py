"""Signal receivers that keep the search indexes current (connected in SearchConfig.ready)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from practices.models import SDG, PracticePage, PracticeTag, TargetGroup, Theme
from practices.services import adoption_counts_changed, practices_bulk_created

from . import indexing, store
from .models import SearchDocument
from .result_cache import documents_changed


def refresh_database_index(sender, instance, raw=False, update_fields=None, **kwargs):
    """Re-index the saved object itself: Wagtail's own handler reloads it from the database before
    modelcluster has saved its tags and target groups, so the index would lag one save behind.

    Partial saves are skipped: save_revision() saves only revision bookkeeping on an object that carries
    the unpublished draft, and drafts must never become searchable.
    """
    if not raw and update_fields is None:
        index.insert_or_update_object(instance)


# Search documents (search.store): the database backend's only source, kept current on every change. ----


def refresh_document(sender, instance, raw=False, update_fields=None, **kwargs):
    """A saved practice: recompute its document from the object itself (its tags and target groups may not
    be stored yet), and its translations' (which languages a Turkish original stands in for)."""
    if not raw and update_fields is None:
        store.sync_practices(page_ids=(), instances={instance.pk: instance})


def refresh_published(sender, instance, **kwargs):
    """Published (also sent for pages of other types, ignored)."""
    if isinstance(instance, PracticePage):
        store.sync_practices(page_ids=[instance.pk])


def refresh_unpublished(sender, instance, **kwargs):
    """Unpublished; also sent, before the row changes, for a live page about to be deleted."""
    if isinstance(instance, PracticePage):
        store.sync_practices(page_ids=[instance.pk], gone=[instance.pk])


def refresh_translations_of_deleted(sender, instance, **kwargs):
    """A deleted practice's document goes with it (CASCADE); its translations may need to stand in."""
    siblings = PracticePage.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    store.sync_practices(page_ids=list(siblings.values_list("pk", flat=True)), gone=[instance.pk])


def refresh_moved(sender, instance, **kwargs):
    """A moved page may now sit under a private section (or leave one): every practice below it."""
    ids = PracticePage.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True)
    store.sync_practices(page_ids=list(ids))


def refresh_restricted(sender, instance, **kwargs):
    """A privacy change: practices that became private lose their document, public ones get it back."""
    ids = PracticePage.objects.descendant_of(instance.page, inclusive=True).values_list("pk", flat=True)
    store.sync_practices(page_ids=list(ids))


def refresh_adoption_counts(sender, page_ids, **kwargs):
    """The count is a queryset update (no page signal): copy it, so "most adopted" sorts by it."""
    for page_id, count in PracticePage.objects.filter(pk__in=page_ids).values_list("pk", "adoption_count"):
        SearchDocument.objects.filter(pk=page_id).update(adoption_count=count)
    documents_changed()


def refresh_bulk_created(sender, page_ids, **kwargs):
    store.sync_practices(page_ids=list(page_ids))


def refresh_taxonomy(sender, instance, raw=False, created=False, **kwargs):
    """A renamed theme, target group, SDG or tag: its name is in the documents' text and facet labels."""
    if raw:
        return
    if sender is Theme:
        ids = PracticePage.objects.filter(theme=instance).values_list("pk", flat=True)
    elif sender is TargetGroup:
        ids = PracticePage.target_groups.through.objects.filter(targetgroup=instance).values_list(
            "practicepage_id", flat=True
        )
    elif sender is SDG:
        ids = PracticePage.sdgs.through.objects.filter(sdg=instance).values_list("practicepage_id", flat=True)
    else:
        ids = PracticeTag.objects.filter(tag_id=instance.pk).values_list("content_object_id", flat=True)
    if not store.sync_practices(page_ids=list(ids)) and not created:
        # No document carries it, but the library's filter vocabulary (kept under the token) lists it and
        # shows its name when it is chosen. A new row needs no new token: it becomes a filter with the first
        # practice published under it (creating drafts keeps the kept results).
        documents_changed()


def taxonomy_deleted(sender, instance, **kwargs):
    """A theme, target group, SDG or tag deleted: the library's kept filter vocabulary lists it."""
    documents_changed()


def connect_database_signals() -> None:
    post_save.connect(refresh_database_index, sender=PracticePage, dispatch_uid="search_refresh_db_index")
    post_save.connect(refresh_document, sender=PracticePage, dispatch_uid="search_document_saved")
    page_published.connect(refresh_published, dispatch_uid="search_document_published")
    page_unpublished.connect(refresh_unpublished, dispatch_uid="search_document_unpublished")
    post_delete.connect(
        refresh_translations_of_deleted, sender=PracticePage, dispatch_uid="search_document_deleted"
    )
    post_page_move.connect(refresh_moved, dispatch_uid="search_document_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            refresh_restricted, sender=PageViewRestriction, dispatch_uid=f"search_document_{signal}"
        )
    adoption_counts_changed.connect(refresh_adoption_counts, dispatch_uid="search_document_adoption_counts")
    practices_bulk_created.connect(refresh_bulk_created, dispatch_uid="search_document_bulk_created")
    from taggit.models import Tag

    for model in (Theme, TargetGroup, SDG, Tag):
        post_save.connect(refresh_taxonomy, sender=model, dispatch_uid=f"search_document_taxonomy_{model}")
        post_delete.connect(taxonomy_deleted, sender=model, dispatch_uid=f"search_taxonomy_deleted_{model}")


def reindex_translations(page: PracticePage) -> None:
    """A translation appearing or going changes which languages the others are shown in ("serves")."""
    siblings = PracticePage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    for page_id in siblings.values_list("pk", flat=True):
        indexing.enqueue(indexing.index_practice_task, page_id)


def on_published(sender, instance, **kwargs):
    if isinstance(instance, PracticePage):
        indexing.enqueue(indexing.index_practice_task, instance.pk)
        reindex_translations(instance)


def on_unpublished_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, PracticePage):
        indexing.enqueue(indexing.remove_practice_task, instance.pk)
        reindex_translations(instance)


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
