"""The library's public pages render for visitors: home, library, practice, kit, tag pages."""

import pytest

from practices.factories import (
    ImageFactory,
    PracticeMetricFactory,
    PracticePageFactory,
    ReplicationStepFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_shows_featured_practices_and_figures(client):
    PracticePageFactory(title="Yeni Doğan Destek Paketi", featured=True, beneficiaries_count=4200)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Yeni Doğan Destek Paketi" in html
    assert "4.200" in html or "4,200" in html


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


def test_unknown_tag_is_a_helpful_404(client):
    response = client.get("/uygulamalar/etiket/yok-boyle-etiket/")
    assert response.status_code == 404
    assert "/uygulamalar/" in response.content.decode()
