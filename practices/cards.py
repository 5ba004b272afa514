"""The practice cards of the library and the tag pages, each kept with the practice's stored fragment.

A card (components/_practice_card.html) shows only the practice's own rows: title, summary, theme, hero
image, target groups, province, year and status. Whatever marks the practice's stored fragment stale (its
publish or unpublish, a theme, target group or image saved, the nightly rebuild; practices.digest) also
drops its card, so a card is stored in the fragment, under ``"card"``, with the build's fingerprint and the
language it was rendered in. A page of cards then costs one query; a card not stored yet (first view after a
change) is rendered from the practice's rows and stored with a conditional update, as the fragment is.

A card is stored only in the practice's own language: under /en/, a practice with no translation links to
its Turkish text and is marked as such, so it is rendered on every view.
"""

from collections.abc import Sequence
from typing import Any

from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from portal.languages import active_language, locale_id

from . import selectors
from .digest import fragment_fingerprint
from .models import PracticeDigest, PracticePage

CARD_TEMPLATE = "components/_practice_card.html"


def render_card(request, practice: PracticePage) -> SafeString:
    """The card as the listing's include renders it (the card's data loaded: selectors.with_card_data)."""
    html = get_template(CARD_TEMPLATE).render({"practice": practice, "request": request})
    return mark_safe(html)  # noqa: S308 - a template's output: every value in it is escaped


def _usable(card: Any, language: str) -> bool:
    return (
        isinstance(card, dict)
        and card.get("fingerprint") == fragment_fingerprint()
        and card.get("language") == language
    )


def stored_cards(page_ids: Sequence[int], *, language: str) -> dict[int, SafeString]:
    """The stored cards of these practices that this build may emit in ``language`` (one query, reading
    only the card out of each fragment)."""
    rows = PracticeDigest.objects.filter(page_id__in=page_ids).values_list("page_id", "fragment__card")
    # What render_card rendered and stored (escaped then), emitted as the template's own output would be.
    return {pk: mark_safe(card["html"]) for pk, card in rows if _usable(card, language)}  # noqa: S308


def listing_cards(request, items: Sequence[PracticePage | int]) -> list[SafeString]:
    """The cards of one page of a listing, in order. ``items`` are what the listing provider gave: the
    practices, or only their ids (the database search loads no page for the library)."""
    language = active_language()
    ids = [item if isinstance(item, int) else item.pk for item in items]
    cards = stored_cards(ids, language=language)
    missing = [pk for pk in ids if pk not in cards]
    if missing:
        cards |= _render_and_store(request, missing, items, language=language)
    return [cards[pk] for pk in ids if pk in cards]


def _render_and_store(request, page_ids: list[int], items, *, language: str) -> dict[int, SafeString]:
    # The fragments are read before the practices: a publish in between replaces the fragment, so a card
    # rendered from the rows before it is not stored (the conditional update finds another value).
    fragments = dict(PracticeDigest.objects.filter(page_id__in=page_ids).values_list("page_id", "fragment"))
    loaded = {item.pk: item for item in items if not isinstance(item, int) and item.pk in page_ids}
    if len(loaded) < len(page_ids):
        rows = selectors.with_card_data(
            PracticePage.objects.live().filter(pk__in=set(page_ids) - set(loaded))
        )
        loaded |= rows.in_bulk()
    own_locale = locale_id(language)
    rendered = {}
    for pk in page_ids:
        practice = loaded.get(pk)
        if practice is None:  # unpublished since the listing was computed
            continue
        rendered[pk] = render_card(request, practice)
        if practice.locale_id == own_locale and pk in fragments:
            card = {"fingerprint": fragment_fingerprint(), "language": language, "html": str(rendered[pk])}
            old = fragments[pk]
            PracticeDigest.objects.filter(page_id=pk, fragment=old).update(fragment={**old, "card": card})
    return rendered


def card_differences(row: PracticeDigest, *, request_for) -> list[str]:
    """A stored card this build may emit that differs from a fresh render (practices.digest's check)."""
    card = row.fragment.get("card")
    if not isinstance(card, dict) or not _usable(card, card.get("language")):
        return []
    practice = selectors.with_card_data(PracticePage.objects.filter(pk=row.page_id)).first()
    if practice is None:
        return []
    with translation.override(card["language"]):
        fresh = render_card(request_for(practice.url), practice)
    return (
        []
        if fresh == card["html"]
        else [f"practice {row.page_id}: its stored card differs from a fresh render"]
    )
