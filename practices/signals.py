"""Signal receivers that keep replication kits (practices.kit) in step with what is published.

A publish queues the new revision's kit after the transaction commits; unpublishing, deleting or restricting
a practice deletes its stored kits at once, and so do changes to what every kit shows (the office's name)
or to a document a kit bundles. Connected in PracticesConfig.ready().
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.models import PortalSettings

from . import digest, kit
from .models import SDG, PracticeDocument, PracticePage, TargetGroup, Theme


def _delete_kits(page_ids) -> None:
    for page_id in page_ids:
        kit.kit_delete(page_id=page_id)


def on_published(sender, instance, **kwargs) -> None:
    if isinstance(instance, PracticePage):
        page_id = instance.pk
        transaction.on_commit(lambda: kit.kit_enqueue(page_id))


def on_unpublished_or_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, PracticePage):
        kit.kit_delete(page_id=instance.pk)


def on_restriction_changed(sender, instance, **kwargs) -> None:
    # A practice that became private must not keep downloadable files; if it becomes public again, its kit
    # is made on the next download.
    page_ids = PracticePage.objects.descendant_of(instance.page, inclusive=True).values_list("pk", flat=True)
    _delete_kits(list(page_ids))


def on_document_changed(sender, instance, created=False, **kwargs) -> None:
    if not created:
        _delete_kits(
            set(PracticeDocument.objects.filter(document=instance).values_list("page_id", flat=True))
        )


def on_office_changed(sender, created=False, **kwargs) -> None:
    if not created:
        kit.kit_delete_all()


def on_practice_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs) -> None:
    """A live practice saved in full (a publish, a factory, an import) gets its digest recomputed; a save of
    a few fields (a draft revision's bookkeeping) changes nothing the digest holds."""
    if raw or update_fields is not None:
        return
    if not instance.live:
        digest.digest_remove(page_ids=[instance.pk])
    elif digest.eligible().filter(pk=instance.pk).exists():
        digest.digest_refresh(instance)
    else:
        digest.digest_remove(page_ids=[instance.pk])  # in a private section


def on_published_adopters(sender, instance, **kwargs) -> None:
    # After the publish wrote the page's metrics: the adopters block compares its adopters with them.
    if isinstance(instance, PracticePage):
        digest.digest_refresh_adopters(page_ids=[instance.pk])


def on_digest_unlisted(sender, instance, **kwargs) -> None:
    if isinstance(instance, PracticePage):
        digest.digest_remove(page_ids=[instance.pk])


def on_restriction_changed_digest(sender, instance, **kwargs) -> None:
    practices = PracticePage.objects.descendant_of(instance.page, inclusive=True)
    if kwargs.get("signal") is post_save:
        digest.digest_remove(page_ids=list(practices.values_list("pk", flat=True)))
    else:
        for practice in practices.live().filter(digest.not_restricted()):
            digest.digest_refresh(practice)


def on_fragment_source_changed(sender, **kwargs) -> None:
    """A theme, target group, SDG, tag, image or document changed or went away: practice pages show their
    names and files in their stored fragments, which render again on their next view (all of them: such
    edits are rare, and finding the pages that show one would cost more than rendering them again)."""
    digest.fragments_clear()


def on_publication_changed(sender, instance, **kwargs) -> None:
    """A publication published, unpublished or deleted: the practice pages list the publications citing
    them in their stored fragments (all of them: a publication may have dropped a practice it cited). A
    library published or unpublished: the practices' addresses in its language change (all of them)."""
    digest.fragments_clear()


def on_page_moved(sender, instance, **kwargs) -> None:
    """A page moved: the addresses of the practices below it change, and the stored fragments and cards
    link to them (all of them, as for a library published: moves are rare)."""
    from .models import PracticeIndexPage

    moved_practices = instance.get_descendants().type(PracticePage)
    if issubclass(sender, PracticePage | PracticeIndexPage) or moved_practices.exists():
        digest.fragments_clear()


def connect() -> None:
    from taggit.models import Tag

    from .models import PracticeIndexPage, PublicationPage

    # A library published or unpublished in a language changes where its practices are shown in it.
    for signal, name in ((page_published, "pub"), (page_unpublished, "unpub")):
        signal.connect(
            on_publication_changed,
            sender=PracticeIndexPage,
            dispatch_uid=f"practices-fragment-library-{name}",
        )
    page_published.connect(
        on_publication_changed, sender=PublicationPage, dispatch_uid="practices-fragment-pub"
    )
    page_unpublished.connect(
        on_publication_changed, sender=PublicationPage, dispatch_uid="practices-fragment-unpub"
    )
    post_delete.connect(on_publication_changed, sender=PublicationPage, dispatch_uid="practices-fragment-del")
    post_page_move.connect(on_page_moved, dispatch_uid="practices-fragment-move")

    for model in (Theme, TargetGroup, SDG, Tag, get_image_model(), get_document_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                on_fragment_source_changed,
                sender=model,
                dispatch_uid=f"practices-fragment-{model._meta.label_lower}-{id(signal)}",
            )
    post_save.connect(on_practice_saved, sender=PracticePage, dispatch_uid="practices-digest-saved")
    page_published.connect(on_published_adopters, dispatch_uid="practices-digest-published")
    page_unpublished.connect(on_digest_unlisted, dispatch_uid="practices-digest-unpublished")
    post_delete.connect(on_digest_unlisted, sender=PracticePage, dispatch_uid="practices-digest-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed_digest,
            sender=PageViewRestriction,
            dispatch_uid=f"practices-digest-restriction-{id(signal)}",
        )
    page_published.connect(on_published, dispatch_uid="practices-kit-published")
    page_unpublished.connect(on_unpublished_or_deleted, dispatch_uid="practices-kit-unpublished")
    post_delete.connect(on_unpublished_or_deleted, sender=PracticePage, dispatch_uid="practices-kit-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"practices-kit-restriction-{id(signal)}",
        )
    document_model = get_document_model()
    post_save.connect(on_document_changed, sender=document_model, dispatch_uid="practices-kit-document")
    post_save.connect(on_office_changed, sender=PortalSettings, dispatch_uid="practices-kit-office")
