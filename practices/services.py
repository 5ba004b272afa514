"""State changes of the library that touch more than one row: creating a practice with its inline children."""

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from .models import PracticeIndexPage, PracticePage


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
