"""Issue 17: the library's and the tag pages' cards are kept with each practice's stored fragment
(practices.cards): stored on the first view after a change, emitted on the next, equal to a fresh render, and
dropped by whatever changes what a card shows."""

import re

from django.test import RequestFactory
from django.utils import translation

import pytest
from taggit.models import Tag

from practices import cards, digest
from practices.factories import (
    ImageFactory,
    PracticePageFactory,
    TargetGroupFactory,
    ThemeFactory,
    practice_index_page,
)
from practices.models import PracticeDigest, PracticeIndexPage
from tests.english import publish_translation

pytestmark = pytest.mark.django_db


def card_grid(response) -> str:
    html = response.content.decode()
    return re.search(r'<ul class="card-grid">.*?</ul>\s*(?=<nav|</section>|\{)', html, re.S).group(0)


def stored_card(practice) -> dict | None:
    return PracticeDigest.objects.get(page_id=practice.pk).fragment.get("card")


@pytest.fixture
def library_of_three():
    theme = ThemeFactory(name="Gıda")
    groups = [TargetGroupFactory(name="Yaşlılar")]
    return [
        PracticePageFactory(title=title, theme=theme, target_groups=groups, hero_image=ImageFactory())
        for title in ("Sosyal market", "Gıda kartı", "Askıda ekmek")
    ]


def test_the_first_view_stores_the_cards_and_the_next_emits_them_unchanged(
    client, rf, library_of_three, django_assert_max_num_queries
):
    library = practice_index_page()
    first = card_grid(client.get(library.url))
    for practice in library_of_three:
        card = stored_card(practice)
        assert card["language"] == "tr" and card["fingerprint"] == digest.fragment_fingerprint()
        assert practice.title in card["html"] and card["html"] in first
    with django_assert_max_num_queries(100) as warm:
        second = card_grid(client.get(library.url))
    assert second == first
    read = " ".join(q["sql"] for q in warm.captured_queries)
    assert "portal_portalrendition" not in read and "practices_targetgroup" not in read
    assert digest.fragment_differences(request_for=rf.get) == []

    practice = library_of_three[0]
    card = stored_card(practice)
    PracticeDigest.objects.filter(page_id=practice.pk).update(
        fragment={"stale": 1, "card": card | {"html": card["html"].replace("Sosyal market", "Eski ad")}}
    )
    assert digest.fragment_differences(request_for=rf.get) == [
        f"practice {practice.pk}: its stored card differs from a fresh render"
    ]
    assert "Eski ad" in card_grid(client.get(library.url))  # what the check is for: it is emitted


def test_a_publish_a_theme_rename_and_a_target_group_rename_reach_the_next_view(client, library_of_three):
    library = practice_index_page()
    client.get(library.url)
    practice = type(library_of_three[0]).objects.get(pk=library_of_three[0].pk)
    practice.title = "Sosyal market ve mutfak"
    practice.save_revision().publish()
    assert "Sosyal market ve mutfak" in card_grid(client.get(library.url))

    practice.theme.name = "Gıda güvencesi"
    practice.theme.save()
    assert card_grid(client.get(library.url)).count("Gıda güvencesi") == 3

    group = practice.target_groups.get()
    group.name = "Yaşlı bireyler"
    group.save()
    assert card_grid(client.get(library.url)).count("Yaşlı bireyler") == 3


def test_the_practice_page_keeps_the_stored_card_and_the_tag_page_uses_it(client, library_of_three):
    practice = PracticePageFactory(title="Etiketli market", tags=["gıda yardımı"])
    library = practice_index_page()
    client.get(library.url)
    card = stored_card(practice)
    client.get(practice.url)  # stores the page's fragment
    assert stored_card(practice) == card and PracticeDigest.objects.get(page_id=practice.pk).fragment["body"]
    tag = Tag.objects.get(name="gıda yardımı")
    tag_page = client.get(f"{library.url}etiket/{tag.slug}/")
    assert tag_page.status_code == 200
    assert card["html"] in tag_page.content.decode()


def test_an_unpublished_practice_named_by_a_kept_result_is_not_shown(client, library_of_three):
    gone = library_of_three[0]
    PracticeDigest.objects.filter(page_id=gone.pk).delete()
    type(gone).objects.filter(pk=gone.pk).update(live=False)  # as between reading the result and the cards
    shown = cards.listing_cards(RequestFactory().get("/uygulamalar/"), [gone.pk, library_of_three[1].pk])
    assert len(shown) == 1 and library_of_three[1].title in shown[0]


def test_under_english_a_turkish_practice_card_is_marked_and_not_stored(
    client, english_site, library_of_three
):
    translated = publish_translation(library_of_three[1], title="Food card", slug="food-card")
    with translation.override("en"):
        first = card_grid(client.get("/en/practices/"))
        second = card_grid(client.get("/en/practices/"))
    assert second == first
    assert "Food card" in first and '<h3 class="card__title" lang="tr"><a href="/en/practices/' in first
    assert stored_card(translated)["language"] == "en"
    # The Turkish practices' cards under /en/ link to /en/ addresses: rendered on every view, never stored.
    assert all(stored_card(practice) is None for practice in (library_of_three[0], library_of_three[2]))


def test_a_moved_practice_drops_the_stored_cards_and_fragments(client, english_site, library_of_three):
    practice = library_of_three[0]
    client.get(practice_index_page().url)
    client.get(practice.url)
    assert stored_card(practice) is not None
    english_library = PracticeIndexPage.objects.get(locale__language_code="en")
    practice.move(english_library, pos="last-child")
    assert stored_card(practice) is None
    assert all(stored_card(other) is None for other in library_of_three[1:])  # their related cards link to it
