"""The library's public pages render for visitors: home, library, practice, kit, tag pages."""

import re

from django.http import Http404
from django.utils.encoding import iri_to_uri

import pytest

from portal.views import page_not_found
from practices.factories import (
    ImageFactory,
    PracticeDocumentFactory,
    PracticeGalleryImageFactory,
    PracticeMetricFactory,
    PracticePageFactory,
    PracticePartnerFactory,
    ReplicationStepFactory,
    TargetGroupFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_shows_featured_practices_and_figures(client):
    PracticePageFactory(title="Yeni Doğan Destek Paketi", featured=True, beneficiaries_count=4200)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Yeni Doğan Destek Paketi" in html
    # The figures are the practices and the municipalities' (tests/portal/test_home_page.py); a sum of
    # beneficiaries counted in different ways by each practice is no longer one of them.
    assert re.search(r'data-figure="practices">.*?<span class="figures__value">1</span>', html, re.S)


def test_practice_page_shows_every_case_study_section(client):
    practice = PracticePageFactory(
        title="Yaşlılara Mobil Sağlık Taraması",
        hero_image=ImageFactory(),
        target_groups=[TargetGroupFactory(name="Yaşlılar")],
        tags=["sağlık taraması"],
        sdgs=[3],
        legal_basis="5393 sayılı Belediye Kanunu, madde 14",
    )
    PracticeMetricFactory(page=practice, label="Taranan yaşlı", value=3150, unit="kişi")
    ReplicationStepFactory(page=practice, title="İhtiyaç analizi yapın")
    response = client.get(practice.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Yaşlılara Mobil Sağlık Taraması",
        "Yaşlılar",
        "sağlık taraması",
        "5393 sayılı",
        "Taranan yaşlı",
        "3.150",
        "İhtiyaç analizi yapın",
        "Sorun tanımı",
    ):
        assert text in html, text


def test_replication_kit_is_printable(client):
    practice = PracticePageFactory()
    ReplicationStepFactory(page=practice, title="Ortakları belirleyin")
    response = client.get(practice.url + "kit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ortakları belirleyin" in html
    assert 'media="print"' in html


def test_library_lists_published_practices_only(client):
    PracticePageFactory(title="Sosyal Market")
    draft = PracticePageFactory(title="Taslak Uygulama")
    draft.unpublish()
    response = client.get("/uygulamalar/")
    assert response.status_code == 200
    assert "Sosyal Market" in response.content.decode()
    assert "Taslak Uygulama" not in response.content.decode()


def test_tag_page_lists_practices_with_that_tag(client):
    practice = PracticePageFactory(title="Engelsiz Ulaşım", tags=["erişilebilirlik"])
    PracticePageFactory(title="Sosyal Market", tags=["gıda"])
    tag = practice.tags.get()
    response = client.get(f"/uygulamalar/etiket/{tag.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Engelsiz Ulaşım" in html
    assert "Sosyal Market" not in html


def test_unknown_tag_is_a_404_that_says_which_tag_is_missing(client):
    response = client.get("/uygulamalar/etiket/yok-boyle-etiket/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "“yok-boyle-etiket”" in html
    assert "/uygulamalar/" in html


def test_other_404s_never_show_internal_messages(rf):
    internal = Http404("No PracticePage matches the given query.")
    response = page_not_found(rf.get("/uygulamalar/boyle-bir-uygulama-yok/"), internal)
    assert response.status_code == 404
    html = response.content.decode()
    assert "matches the given query" not in html
    assert 'class="message message--warning"' not in html


def test_hero_image_alt_text_is_the_image_description(client):
    image = ImageFactory(description="Gezici sağlık aracında tansiyon ölçümü")
    practice = PracticePageFactory(hero_image=image)
    html = client.get(practice.url).content.decode()
    hero = html[html.index('class="practice__hero"') :]
    hero = hero[: hero.index("</figure>")]
    assert 'alt="Gezici sağlık aracında tansiyon ölçümü"' in hero


def test_card_images_are_decorative_because_the_title_link_follows(client):
    PracticePageFactory(hero_image=ImageFactory(description="Açıklama"))
    html = client.get("/uygulamalar/").content.decode()
    card = html[html.index('<article class="card">') :]
    card = card[: card.index("</article>")]
    assert 'alt=""' in card
    assert 'class="card__title"' in card


# Related practices are ranked by text similarity too (practices.similarity): these tests compare tags and
# themes, so every practice says the same thing (the factory's summaries are random sentences).
SAME_SUMMARY = "Mahallede herkes için ortak bir hizmet."


def test_related_practices_share_the_theme_or_a_tag_and_exclude_itself_and_drafts(client):
    theme = ThemeFactory()
    practice = PracticePageFactory(summary=SAME_SUMMARY, title="Ana uygulama", theme=theme, tags=["gıda"])
    PracticePageFactory(summary=SAME_SUMMARY, title="Aynı tema", theme=theme)
    PracticePageFactory(summary=SAME_SUMMARY, title="Ortak etiket", tags=["gıda"])
    PracticePageFactory(summary=SAME_SUMMARY, title="İlgisiz uygulama", tags=["spor"])
    draft = PracticePageFactory(summary=SAME_SUMMARY, title="Taslak kardeş", theme=theme)
    draft.unpublish()
    html = client.get(practice.url).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert "Aynı tema" in related
    assert "Ortak etiket" in related
    assert "İlgisiz uygulama" not in related
    assert "Taslak kardeş" not in related
    assert "Ana uygulama" not in related


def test_related_practices_rank_most_shared_tags_first_then_newest_of_the_theme(client):
    theme = ThemeFactory()
    practice = PracticePageFactory(
        summary=SAME_SUMMARY, title="Ana uygulama", theme=theme, tags=["gıda", "tarım", "kadın"]
    )
    PracticePageFactory(summary=SAME_SUMMARY, title="Aynı tema eski", theme=theme)
    PracticePageFactory(summary=SAME_SUMMARY, title="Bir ortak etiket", tags=["gıda"])
    PracticePageFactory(summary=SAME_SUMMARY, title="Üç ortak etiket", tags=["gıda", "tarım", "kadın"])
    PracticePageFactory(summary=SAME_SUMMARY, title="Aynı tema yeni", theme=theme)
    PracticePageFactory(summary=SAME_SUMMARY, title="İki ortak etiket", tags=["tarım", "kadın", "spor"])
    html = client.get(practice.url).content.decode()
    related = html[html.index('id="related-heading"') :]
    most, more, fewest = "Üç ortak etiket", "İki ortak etiket", "Bir ortak etiket"
    assert all(title in related for title in (most, more, fewest))
    assert related.index(most) < related.index(more) < related.index(fewest)
    assert "Aynı tema" not in related  # three tag-sharing practices fill the three places


def test_related_practices_are_topped_up_with_the_newest_of_the_same_theme(client):
    # Equally similar (their titles differ only by a number, which is not a word): the newest first.
    theme = ThemeFactory()
    practice = PracticePageFactory(summary=SAME_SUMMARY, title="Ana uygulama", theme=theme, tags=["gıda"])
    PracticePageFactory(summary=SAME_SUMMARY, title="Aynı tema 1", theme=theme)
    PracticePageFactory(summary=SAME_SUMMARY, title="Aynı tema 2", theme=theme)
    PracticePageFactory(summary=SAME_SUMMARY, title="Ortak etiket", tags=["gıda"])
    PracticePageFactory(summary=SAME_SUMMARY, title="Aynı tema 3", theme=theme)
    related = client.get(practice.url).content.decode()
    related = related[related.index('id="related-heading"') :]
    assert related.index("Ortak etiket") < related.index("Aynı tema 3") < related.index("Aynı tema 2")
    assert "Aynı tema 1" not in related


def test_practice_page_without_related_practices_has_no_empty_section(client):
    practice = PracticePageFactory(tags=["benzersiz"])
    assert 'id="related-heading"' not in client.get(practice.url).content.decode()


def test_practice_page_links_tags_to_their_tag_pages(client):
    practice = PracticePageFactory(tags=["erişilebilirlik"])
    tag = practice.tags.get()
    html = client.get(practice.url).content.decode()
    url = iri_to_uri(f"/uygulamalar/etiket/{tag.slug}/")
    assert f'href="{url}"' in html
    assert client.get(url).status_code == 200


def test_tag_page_beyond_the_last_page_is_a_helpful_404(client):
    practice = PracticePageFactory(tags=["gıda"])
    tag = practice.tags.get()
    response = client.get(f"/uygulamalar/etiket/{tag.slug}/?page=5")
    assert response.status_code == 404
    assert f'href="{iri_to_uri(f"/uygulamalar/etiket/{tag.slug}/")}"' in response.content.decode()


def test_kit_shows_documents_partners_and_the_source_link(client):
    practice = PracticePageFactory()
    PracticePartnerFactory(page=practice, name="Halk Sağlığı Müdürlüğü")
    PracticeDocumentFactory(page=practice, title="Uygulama rehberi")
    html = client.get(practice.url + "kit/").content.decode()
    assert "Halk Sağlığı Müdürlüğü" in html
    assert "Uygulama rehberi" in html
    assert 'name="robots" content="noindex"' in html


def test_gallery_images_carry_their_alt_text(client):
    practice = PracticePageFactory()
    PracticeGalleryImageFactory(page=practice, image=ImageFactory(description="Atölyede seramik çalışması"))
    html = client.get(practice.url).content.decode()
    assert 'alt="Atölyede seramik çalışması"' in html
