"""English search on a live cluster (issue 15): an English reader's words find English documents through the
English analyzer and Turkish-only practices through the synonym list, and never the Turkish original of a
practice that has an English translation. Run as test_elasticsearch_live.py (see its docstring)."""

import os
import uuid

import pytest

from practices.demo.loader import DemoResult
from practices.demo.translations import english_locale, load_english_home_and_library
from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory
from search import indexing
from search.backends.elasticsearch import get_client
from search.service import search
from search.types import SearchQuery

pytestmark = [pytest.mark.elasticsearch_live, pytest.mark.django_db]


@pytest.fixture
def live_cluster(settings):
    """A fresh alias on the live cluster; every index made under it is deleted afterwards."""
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX = f"atlas-test-{uuid.uuid4().hex[:8]}"
    # These tests are about what is found, not how fast: on a busy machine (CI runs two suites side by side)
    # a fresh index's first query can take longer than the site's 2 s budget.
    settings.ELASTICSEARCH_TIMEOUT = 10.0
    yield settings.ELASTICSEARCH_INDEX
    client = get_client()
    for name in client.indices.get(index=f"{settings.ELASTICSEARCH_INDEX}-*", allow_no_indices=True):
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def practices(live_cluster):
    """Home care in Turkish with its English translation, and a sports school in Turkish only."""
    load_english_home_and_library(DemoResult(), lambda message: None)
    care = ThemeFactory(name="Sosyal Hizmetler", name_en="Social Services", slug="sosyal-hizmetler")
    elderly = TargetGroupFactory(name="Yaşlılar", name_en="Older people", slug="yaslilar")
    home_care = PracticePageFactory(
        title="Yaşlılara Evde Bakım",
        summary="Yaşlı ve engelli bireylere evlerinde bakım ve temizlik desteği.",
        problem="<p>Yalnız yaşayan yaşlılar bakım alamıyor.</p>",
        theme=care,
        target_groups=[elderly],
    )
    translated = home_care.copy_for_translation(english_locale())
    translated.title = translated.draft_title = "Home Care for Older People"
    translated.slug = "home-care"
    translated.summary = "Nurses and carers visit elderly and disabled residents who live alone."
    translated.problem = "<p>Older people living alone went without care.</p>"
    translated.save_revision().publish()
    translated.refresh_from_db()
    sports = PracticePageFactory(
        title="Engelli Spor Okulu",
        summary="Engelli çocuklar için ücretsiz spor eğitimi.",
        problem="<p>Engelli çocuklar spor yapamıyor.</p>",
        theme=care,
    )
    indexing.rebuild_index()
    get_client().indices.refresh(index=live_cluster)
    return {"home_care": home_care, "home_care_en": translated, "sports": sports}


def found(text: str, language: str) -> set[int]:
    result = search(SearchQuery(text=text, language=language, page_size=50))
    assert result.backend == "elasticsearch"
    return {hit.page_id for hit in result.hits}


def test_an_english_word_finds_the_english_document_not_its_turkish_original(practices):
    # "elderly" also reaches the Turkish original through the synonyms (yaşlı); the language filter hides it,
    # its English translation stands in.
    assert found("elderly", "en") == {practices["home_care_en"].pk}


def test_an_english_word_finds_turkish_only_practices_through_the_synonyms(practices):
    assert found("disabled", "en") == {practices["home_care_en"].pk, practices["sports"].pk}


def test_the_english_analyzer_matches_inflected_english_words(practices):
    # Not in the synonym list: only the English analyzer's stemming makes "visiting" find "visit".
    assert found("visiting", "en") == {practices["home_care_en"].pk}
    assert found("visiting", "tr") == set()


def test_turkish_readers_get_the_turkish_originals_for_the_same_words(practices):
    assert found("elderly", "tr") == {practices["home_care"].pk}
    assert found("engelli", "tr") == {practices["home_care"].pk, practices["sports"].pk}
