"""Search finds what officials type: inflected Turkish, every part of a case study, document text,
synonyms editors maintain and English words (database backend, on SQLite and PostgreSQL)."""

from django.core.files.base import ContentFile

import pytest

from practices.factories import (
    DocumentFactory,
    PracticeDocumentFactory,
    PracticeMetricFactory,
    PracticePageFactory,
    PracticePartnerFactory,
    ReplicationStepFactory,
)
from search.models import SynonymGroup
from search.service import search
from search.types import SearchQuery

pytestmark = pytest.mark.django_db


def found(text: str) -> set[str]:
    return {hit.title for hit in search(SearchQuery(text=text, page_size=50)).hits}


def republish(page):
    """Publish the page as an editor does after adding children, which re-indexes it with them."""
    page.save_revision().publish()


@pytest.fixture
def practices():
    return {
        "disabled": PracticePageFactory(
            title="Erişilebilir Spor", summary="Engelli gençler için spor okulu."
        ),
        "women": PracticePageFactory(
            title="Kooperatif Desteği", summary="Kadın kooperatiflerine danışmanlık."
        ),
        "elderly": PracticePageFactory(title="Evde Bakım", summary="Yaşlılar için evde bakım hizmeti."),
        "other": PracticePageFactory(title="Kent Bostanları", summary="Tarım ve gıda."),
    }


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("engellilere", "disabled"),
        ("engelliler", "disabled"),
        ("kadınlara", "women"),
        ("kadın", "women"),
        ("yaşlı", "elderly"),
        ("yaşlılara", "elderly"),
        ("yaslilara", "elderly"),
    ],
)
def test_inflected_forms_find_what_their_stem_finds(practices, typed, expected):
    assert found(typed) == {practices[expected].title}


def test_replication_steps_partners_metrics_and_the_legal_basis_are_searchable(practices):
    page = PracticePageFactory(title="Sosyal Market", legal_basis="5393 sayılı Belediye Kanunu, madde 14")
    ReplicationStepFactory(page=page, title="Depo kiralayın", resources="soğutmalı kamyonet")
    PracticePartnerFactory(page=page, name="Kızılay Şubesi")
    PracticeMetricFactory(page=page, label="Dağıtılan koli")
    republish(page)
    for typed in ("5393", "kamyonet", "Kızılay", "koli", "depo"):
        assert page.title in found(typed), typed
    assert found("kamyonet") == {page.title}


def test_text_inside_an_attached_document_is_searchable(practices):
    page = PracticePageFactory(title="Gezici Kütüphane")
    document = DocumentFactory(
        file=ContentFile("Kitap otobüsü köyleri dolaşır: zümrütanka.".encode(), "kilavuz.txt")
    )
    PracticeDocumentFactory(page=page, document=document)
    republish(page)
    assert found("zümrütanka") == {page.title}
    assert found("zumrutanka") == {page.title}


def test_an_unreadable_document_is_skipped_not_an_error(practices):
    page = PracticePageFactory(title="Bozuk Belge")
    document = DocumentFactory(file=ContentFile(b"%PDF-1.4 not really a pdf", "bozuk.pdf"))
    PracticeDocumentFactory(page=page, document=document)
    republish(page)
    assert page.documents.get().text == ""
    assert page.title in found("Bozuk")


def test_synonyms_editors_add_apply_at_once(practices):
    assert found("sporcu") == set()
    SynonymGroup.objects.create(terms="spor, sporcu, atletizm")
    assert found("sporcu") == {practices["disabled"].title}


def test_a_phrase_synonym_finds_the_single_word(practices):
    # Shipped with the site: "özel gereksinimli" and "engelli" mean the same.
    assert found("özel gereksinimli") == {practices["disabled"].title}


@pytest.mark.parametrize(
    ("typed", "expected"), [("elderly", "elderly"), ("disabled", "disabled"), ("women", "women")]
)
def test_english_words_find_the_turkish_practices(practices, typed, expected):
    assert found(typed) == {practices[expected].title}


def test_unrelated_words_still_find_nothing(practices):
    assert found("uzay istasyonu") == set()
