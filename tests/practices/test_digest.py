"""The practice digest (issue 17): related practices and the adopters block stored when they change, read by
the practice page in one query, rebuilt by a command and equal to a fresh computation."""

import io
import re

from django.core.management import CommandError, call_command

from wagtail.models import PageViewRestriction

import pytest

from mentorship.factories import AdoptionFactory, AdoptionMetricFactory, MunicipalityFactory
from mentorship.models import AdoptionStage
from mentorship.services import adoption_change_stage
from practices import digest
from practices.factories import PracticeMetricFactory, PracticePageFactory, ThemeFactory
from practices.models import PracticeDigest

pytestmark = pytest.mark.django_db


def related_titles(practice) -> list[str]:
    stored = PracticeDigest.objects.get(page_id=practice.pk)
    titles = dict(type(practice).objects.values_list("pk", "title"))
    return [titles[pk] for pk in stored.related_ids]


def small_library():
    theme = ThemeFactory()
    food = PracticePageFactory(title="Sosyal market", summary="Gıda yardımı market kartı.", theme=theme)
    card = PracticePageFactory(title="Gıda kartı", summary="Gıda yardımı dijital kart.", theme=theme)
    other = PracticePageFactory(title="Spor okulu", summary="Engelli çocuklara spor.", theme=theme)
    return food, card, other


def test_stored_digests_equal_a_fresh_computation_after_publishes_adoptions_and_unpublishing():
    food, card, other = small_library()
    PracticePageFactory(title="Etiketli", tags=["gıda"], summary="Gıda bankası.")
    assert digest.digest_differences() == []

    municipality = MunicipalityFactory(name="Örnek Belediyesi")
    adoption = AdoptionFactory(
        practice=food, municipality=municipality, stage=AdoptionStage.ADOPTED, show_publicly=True, kept="Kart"
    )
    AdoptionMetricFactory(adoption=adoption, label="Hane", value=120, unit="hane")
    municipality.name = "Yeni Ad Belediyesi"
    municipality.save()
    assert digest.digest_differences() == []
    assert (
        PracticeDigest.objects.get(page_id=food.pk).adopters["stories"][0]["municipality"].startswith("Yeni")
    )

    card.unpublish()
    assert digest.digest_differences() == []
    assert "Gıda kartı" not in related_titles(food)
    other.delete()
    assert digest.digest_differences() == []


def test_a_new_practice_enters_the_related_lists_of_the_practices_it_resembles():
    food, _card, _other = small_library()
    assert related_titles(food)[0] == "Gıda kartı"
    PracticePageFactory(
        title="Gıda yardımı market kartı", summary="Gıda yardımı market kartı.", theme=food.theme
    )
    assert related_titles(food)[0] == "Gıda yardımı market kartı"


def test_a_practice_made_private_leaves_other_pages_and_comes_back_when_public_again(client):
    food, card, _other = small_library()
    restriction = PageViewRestriction.objects.create(page=card, restriction_type="login")
    assert "Gıda kartı" not in related_titles(food)
    assert "Gıda kartı" not in client.get(food.url).content.decode()
    restriction.delete()
    assert "Gıda kartı" in related_titles(food)


def test_a_stale_entry_is_never_shown(client):
    food, card, _other = small_library()
    # The stored list still names the card, but the page checks live and public again when it reads it.
    type(card).objects.filter(pk=card.pk).update(live=False)
    html = client.get(food.url).content.decode()
    assert "Gıda kartı" not in html[html.index("<main") :]


def test_the_adopters_block_follows_an_adoption_and_its_stage(client):
    practice = PracticePageFactory()
    PracticeMetricFactory(page=practice, label="Yararlanan", value=500, unit="kişi")
    adoption = AdoptionFactory(
        practice=practice,
        stage=AdoptionStage.PILOTING,
        municipality__name="Pilot Belediyesi",
        show_publicly=True,
    )
    assert PracticeDigest.objects.get(page_id=practice.pk).adopters["total"] == 0
    adoption_change_stage(adoption=adoption, to_stage=AdoptionStage.ADOPTED, user=None)
    stored = PracticeDigest.objects.get(page_id=practice.pk).adopters
    assert stored["total"] == 1 and stored["stories"][0]["municipality"].startswith("Pilot Belediyesi")
    assert "Pilot Belediyesi" in client.get(practice.url).content.decode()


def test_a_missing_digest_is_computed_when_the_page_is_served(client):
    food, _card, _other = small_library()
    PracticeDigest.objects.all().delete()
    html = client.get(food.url).content.decode()
    assert "Gıda kartı" in html[html.index('id="related-heading"') :]
    assert PracticeDigest.objects.filter(page_id=food.pk).exists()


def test_rebuild_command_restores_every_digest_and_check_reports_differences():
    food, _card, _other = small_library()
    PracticeDigest.objects.all().delete()
    with pytest.raises(CommandError):
        call_command("rebuild_practice_digests", "--check", stdout=io.StringIO())
    out = io.StringIO()
    call_command("rebuild_practice_digests", stdout=out)
    assert "6/6" in out.getvalue() and "Rebuilt 3 digests" in out.getvalue()
    call_command("rebuild_practice_digests", "--check", stdout=io.StringIO())
    PracticeDigest.objects.filter(page_id=food.pk).update(related=[])
    with pytest.raises(CommandError, match="1 difference"):
        call_command("rebuild_practice_digests", "--check", stdout=io.StringIO())


# The rendered fragment ---------------------------------------------------------------------------------


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") :]


def fragment_of(practice) -> dict:
    return PracticeDigest.objects.get(page_id=practice.pk).fragment


def rich_practice():
    from practices.factories import (
        PracticeGalleryImageFactory,
        PracticePartnerFactory,
        ReplicationStepFactory,
        TargetGroupFactory,
    )

    food, card, other = small_library()
    PracticeMetricFactory(page=food, label="Hane", value=120, unit="hane")
    ReplicationStepFactory(page=food, title="Kartı tasarla")
    PracticePartnerFactory(page=food, name="Gıda Bankası Derneği")
    PracticeGalleryImageFactory(page=food, caption="Market rafları")
    food = type(food).objects.get(pk=food.pk)
    food.target_groups.set([TargetGroupFactory(name="Yaşlılar")])
    food.tags.add("gıda")
    food.save_revision().publish()
    return type(food).objects.get(pk=food.pk), card, other


def test_the_first_view_stores_the_fragment_and_the_next_emits_it_equal_to_a_fresh_render(client, rf):
    food, _card, _other = rich_practice()
    first = main_html(client.get(food.url))
    stored = fragment_of(food)
    assert stored["fingerprint"] == digest.fragment_fingerprint() and stored["language"] == "tr"
    assert "Gıda Bankası Derneği" in stored["body"] and "Market rafları" in stored["body"]
    assert "Yaşlılar" in stored["aside"] and "Gıda kartı" in stored["related"]
    assert stored["steps"][0]["title"] == "Kartı tasarla"
    assert [tag["name"] for tag in stored["tags"]] == ["gıda"]
    second = main_html(client.get(food.url))
    assert second == first
    # The language switch keeps a query string: computed for this request, not taken from the fragment.
    assert "ref%3Dmail" in client.get(food.url + "?ref=mail").content.decode()
    assert "ref%3Dmail" not in client.get(food.url).content.decode()
    assert stored["body"] in second
    # The existing comparison: stored rows and a fresh computation agree, and so do the fragments.
    assert digest.digest_differences() == []
    assert digest.fragment_differences(request_for=rf.get) == []
    PracticeDigest.objects.filter(page_id=food.pk).update(
        fragment=stored | {"body": stored["body"].replace("Market rafları", "Eski başlık")}
    )
    assert digest.fragment_differences(request_for=rf.get) == [
        f"practice {food.pk}: fragment 'body' differs from a fresh render"
    ]


def test_a_publish_or_a_rename_changes_what_the_next_view_shows(client):
    food, card, _other = rich_practice()
    client.get(food.url)
    assert "Gıda kartı" in fragment_of(food)["related"]

    card.title = "Dijital gıda kartı"
    card.save_revision().publish()
    assert "Dijital gıda kartı" in main_html(client.get(food.url))

    food.theme.name = "Gıda güvencesi"
    food.theme.save()
    assert "Gıda güvencesi" in main_html(client.get(food.url))

    from taggit.models import Tag

    tag = Tag.objects.get(name="gıda")
    tag.name = "gıda yardımı"
    tag.save()
    assert ">gıda yardımı</a>" in main_html(client.get(food.url))

    from practices.factories import PublicationPageFactory

    publication = PublicationPageFactory(title="Onurlu gıda notu", practices=[food])
    publication.save_revision().publish()
    assert "Onurlu gıda notu" in main_html(client.get(food.url))
    publication.unpublish()
    assert "Onurlu gıda notu" not in main_html(client.get(food.url))

    food.problem = "<p>Yeni sorun tanımı.</p>"
    food.save_revision().publish()
    assert "Yeni sorun tanımı." in main_html(client.get(food.url))


def test_a_preview_renders_the_draft_and_never_stores_it(client):
    food, _card, _other = rich_practice()
    client.get(food.url)
    stored = fragment_of(food)
    food.problem = "<p>Taslaktaki sorun.</p>"
    revision = food.save_revision()
    draft = revision.as_object()
    response = draft.make_preview_request()
    assert "Taslaktaki sorun." in response.content.decode()
    assert fragment_of(food) == stored
    assert "Taslaktaki sorun." not in main_html(client.get(food.url))


def test_a_fragment_of_another_build_renders_live_and_is_replaced(client):
    food, _card, _other = rich_practice()
    client.get(food.url)
    stored = fragment_of(food)
    PracticeDigest.objects.filter(page_id=food.pk).update(
        fragment=stored | {"fingerprint": "older-build", "body": "<p>Eski şablon</p>"}
    )
    html = main_html(client.get(food.url))
    assert "Eski şablon" not in html and "Gıda Bankası Derneği" in html
    assert fragment_of(food) == stored


def test_a_practice_shown_untranslated_under_en_renders_live_in_english(client):
    food, _card, _other = rich_practice()
    client.get(food.url)
    html = main_html(client.get("/en" + food.url))
    assert 'id="facts-heading">At a glance' in html and "Gıda Bankası Derneği" in html
    assert fragment_of(food)["language"] == "tr"


def test_an_adoption_or_an_image_edit_changes_what_the_next_view_shows(client):
    food, _card, _other = rich_practice()
    client.get(food.url)
    AdoptionFactory(
        practice=food, stage=AdoptionStage.ADOPTED, municipality__name="Yeni Benimseyen", show_publicly=True
    )
    assert "Yeni Benimseyen" in main_html(client.get(food.url))
    image = food.gallery_images.first().image
    image.description = "Raflarda bağış ürünleri"
    image.save()
    assert 'alt="Raflarda bağış ürünleri"' in main_html(client.get(food.url))


def test_publishing_or_unpublishing_a_translation_changes_the_stored_language_links(client):
    from practices.demo.loader import DemoResult
    from practices.demo.translations import english_locale, load_english_home_and_library

    load_english_home_and_library(DemoResult(), lambda message: None)
    food, _card, _other = rich_practice()
    client.get(food.url)
    assert (
        '<link rel="alternate" hreflang="en"' not in client.get(food.url).content.decode()
    )  # no English page yet
    translated = food.copy_for_translation(english_locale())
    translated.title = translated.draft_title = "Social market"
    translated.slug = "social-market"
    translated.save_revision().publish()
    client.get(food.url)
    html = client.get(food.url).content.decode()
    assert re.search(
        r'<link rel="alternate" hreflang="en" href="http://testserver/en/[a-z]+/social-market/"', html
    )
    translated.refresh_from_db()
    translated.unpublish()
    assert '<link rel="alternate" hreflang="en"' not in client.get(food.url).content.decode()


def test_an_english_translation_marks_the_texts_left_in_turkish(client):
    from practices.demo.loader import DemoResult
    from practices.demo.translations import english_locale, load_english_home_and_library

    load_english_home_and_library(DemoResult(), lambda message: None)
    food, _card, _other = rich_practice()
    translated = food.copy_for_translation(english_locale())
    translated.title = translated.draft_title = "Social market"
    translated.slug = "social-market"
    translated.approach = "<p>The approach, in English.</p>"
    translated.save_revision().publish()
    translated.refresh_from_db()
    for _view in range(2):  # the live render, then the stored fragment
        html = main_html(client.get(translated.url))
        assert "<h1>Social market</h1>" in html
        assert '<div lang="tr"><p>Sorun tanımı.</p></div>' in html
        assert "<p>The approach, in English.</p>" in html and '<div lang="tr"><p>The approach' not in html
        assert '<dd lang="tr">Sosyal Politikalar Dairesi</dd>' in html  # implementing unit, not translated
    assert "problem" in fragment_of(translated)["untranslated"]
    # The Turkish original marks nothing.
    assert 'lang="tr"' not in main_html(client.get(food.url))
