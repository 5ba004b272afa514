"""The persisted search documents: kept current by every change, rebuilt by a command, per language."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Locale, PageViewRestriction

import pytest

from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory
from practices.services import practice_adoption_count_set
from search.models import SearchDocument, SearchFacetValue
from search.service import search
from search.store import computed_documents, practice_stems, stored_documents
from search.types import SearchQuery

pytestmark = pytest.mark.django_db


def found(text: str = "", **options) -> set[int]:
    return {hit.page_id for hit in search(SearchQuery(text=text, page_size=100, **options)).hits}


def english(page, **fields):
    """An English translation of a Turkish practice (same translation key, 'en' locale)."""
    locale, _ = Locale.objects.get_or_create(language_code="en")
    return PracticePageFactory(
        locale=locale, translation_key=page.translation_key, slug=f"{page.slug}-en", **fields
    )


def test_stored_documents_equal_a_fresh_computation_after_every_kind_of_change(library):
    children = TargetGroupFactory(name="Gençler", slug="gencler")
    page = library["tag_match"]
    page.tags.add("okuma")
    page.target_groups.add(children)
    page.save_revision().publish()
    practice_adoption_count_set(practice_id=library["istanbul"].pk, count=7)
    library["unrelated"].unpublish()
    theme = library["body_match"].theme
    theme.name = "Sağlık ve Bakım"
    theme.save()
    PageViewRestriction.objects.create(page=library["title_match"], restriction_type="login")
    english(library["istanbul"], title="Istanbul Accessible Transport Line", summary="Free rides.")

    assert stored_documents() == computed_documents()
    assert set(stored_documents()) == found() | {d.pk for d in SearchDocument.objects.filter(language="en")}
    assert library["unrelated"].pk not in stored_documents()
    assert library["title_match"].pk not in stored_documents()
    assert SearchDocument.objects.get(pk=library["istanbul"].pk).adoption_count == 7
    assert {"gencler", "okuma"} <= set(
        SearchFacetValue.objects.filter(document_id=page.pk).values_list("key", flat=True)
    )


def test_the_rebuild_command_recreates_every_document(library):
    before = stored_documents()
    SearchDocument.objects.all().delete()
    assert found() == set()
    out = StringIO()
    call_command("rebuild_search_documents", stdout=out)
    assert "Rebuilt 5 search documents" in out.getvalue()
    assert stored_documents() == before
    assert len(found()) == 5


def test_a_renamed_theme_is_found_by_its_new_name_and_counted_under_it(library):
    theme = library["istanbul"].theme
    theme.name = "Erişilebilir Kent"
    theme.save()
    assert library["istanbul"].pk in found("erisilebilir kent")
    result = search(SearchQuery())
    assert "Erişilebilir Kent" in {value.label for value in result.facets["theme"]}


def test_deleting_and_unpublishing_remove_the_document(library):
    library["unrelated"].delete()
    library["istanbul"].unpublish()
    assert found() == {library[name].pk for name in ("title_match", "tag_match", "body_match")}
    assert not SearchFacetValue.objects.filter(document_id=library["istanbul"].pk).exists()


def test_most_adopted_follows_a_changed_adoption_count(library):
    practice_adoption_count_set(practice_id=library["unrelated"].pk, count=3)
    top = search(SearchQuery(sort="most_adopted")).hits[0]
    assert top.page_id == library["unrelated"].pk


def test_stems_text_is_readable_for_similarity(library):
    stems = practice_stems(page_ids=[library["istanbul"].pk, library["unrelated"].pk, 999_999])
    assert set(stems) == {library["istanbul"].pk, library["unrelated"].pk}
    assert "ulas" in stems[library["istanbul"].pk].split()  # "Ulaşım" stemmed and folded


# Search per language (issue 15) ---------------------------------------------------------------------------


def test_english_documents_are_stemmed_in_english_and_searched_by_english_readers(library):
    translated = english(
        library["istanbul"],
        title="Istanbul Accessible Transport Line",
        summary="Free rides for people with disabilities.",
    )
    document = SearchDocument.objects.get(pk=translated.pk)
    assert document.language == "en" and document.serves == "|en|"
    assert " disabl " in document.stems  # Snowball English: disabilities -> disabl
    # The English reader finds the translation by an inflected form, not the Turkish original.
    assert found("disability", language="en") == {translated.pk}
    assert translated.pk not in found("disability", language="tr")


def test_english_readers_see_turkish_originals_without_a_translation_and_only_then(library):
    translated = english(library["istanbul"], title="Istanbul Accessible Transport Line")
    shown = found(language="en")
    assert translated.pk in shown and library["istanbul"].pk not in shown
    assert library["unrelated"].pk in shown  # no translation: the Turkish original stands in
    assert SearchDocument.objects.get(pk=library["unrelated"].pk).serves == "|tr|en|"
    assert SearchDocument.objects.get(pk=library["istanbul"].pk).serves == "|tr|"
    # Turkish readers see the Turkish originals only.
    assert found(language="tr") == {page.pk for page in library.values()}
    # Unpublishing the translation gives English readers the Turkish original back.
    translated.unpublish()
    assert library["istanbul"].pk in found(language="en")


def test_english_words_find_turkish_practices_through_the_synonym_list(library):
    # The seeded synonym groups map "elderly" to "yaşlı"; the practices for the elderly are Turkish only.
    elderly = {library[name].pk for name in ("body_match",)}
    assert elderly <= found("elderly", language="en")
    assert elderly <= found("elderly", language="tr")


def test_the_language_defaults_to_the_active_one_and_unknown_languages_are_refused(library):
    from django.utils import translation

    with translation.override("en"):
        assert SearchQuery().language == "en"
    assert SearchQuery().language == "tr"
    with pytest.raises(ValueError, match="language"):
        SearchQuery(language="de")


def test_the_search_api_takes_a_language(client, library):
    translated = english(library["istanbul"], title="Istanbul Accessible Transport Line")
    answer = client.get("/api/search/", {"q": "accessible", "language": "en"})
    assert answer.status_code == 200
    assert [hit["id"] for hit in answer.json()["hits"]] == [translated.pk]
    assert client.get("/api/search/", {"q": "x", "language": "de"}).status_code == 422


def test_facets_and_filters_work_on_the_documents_for_a_new_theme(library):
    theme = ThemeFactory(name="Kültür", slug="kultur")
    page = PracticePageFactory(title="Kent Müzesi", theme=theme, tags=["müze"], sdgs=[11], province=16)
    result = search(SearchQuery(text="muze", themes=("kultur",), sdgs=(11,)))
    assert [hit.page_id for hit in result.hits] == [page.pk]
    assert [(value.value, value.count) for value in result.facets["sdg"]] == [("11", 1)]
    browse = search(SearchQuery(tags=(result.facets["tag"][0].value,)))
    assert page.pk in {hit.page_id for hit in browse.hits}
