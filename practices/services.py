"""State changes of the library that touch more than one row: creating a practice with its inline children,
storing a practice's adoption count (and telling the indexes that listen).
"""

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Expression
from django.dispatch import Signal

from portal.cache import bump_public_cache_version

from .digest import digest_refresh_adopters
from .models import PracticeIndexPage, PracticePage

# Sent after practices' adoption counts changed in the database (a queryset update, so no post_save and no
# page_published is sent): keyword argument `page_ids`, a tuple of PracticePage ids. Whatever keeps a copy of
# the count (the Elasticsearch index, a denormalised search row) listens here; apps above practices may send
# nothing else for it, and practices names none of them.
adoption_counts_changed = Signal()

# Sent after practices were written in bulk (the generator's batches: no post_save, no page_published):
# keyword argument `page_ids`, a tuple of the new live PracticePage ids, for the copies kept elsewhere.
practices_bulk_created = Signal()


@transaction.atomic
def practice_create(
    *,
    index_page: PracticeIndexPage,
    practice: PracticePage,
    tags: Sequence[str] = (),
    user: AbstractBaseUser | None = None,
    publish: bool = True,
) -> PracticePage:
    """Add an unsaved practice (with its inline children and M2M values already set) under the library.

    The page is saved as a draft first and then published through a revision, exactly as an editor's
    "Publish" would, so it has a revision history, a live revision and a search-index entry.
    """
    practice.live = False
    practice.owner = user
    if tags:
        practice.tags.add(*tags)
    index_page.add_child(instance=practice)
    revision = practice.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        practice.refresh_from_db()
    return practice


def practice_adoption_count_set(*, practice_id: int, count: int | Expression) -> None:
    """Store a practice's adoption count (a number, or an expression evaluated by the UPDATE) and announce it.

    The only way the count changes: listeners of `adoption_counts_changed` re-index the practice, so its
    "most adopted" position is the same in every search backend.
    """
    PracticePage.objects.filter(pk=practice_id).update(adoption_count=count)
    bump_public_cache_version()  # cards and "most adopted" lists show the count
    digest_refresh_adopters(page_ids=(practice_id,))  # the page's "Adopted elsewhere" block
    adoption_counts_changed.send(sender=PracticePage, page_ids=(practice_id,))
