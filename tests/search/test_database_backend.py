"""The database backend: Turkish matching, ranking, filters, facets, pagination and suggestions."""

from django.db import connection

import pytest

from portal.text import turkish_sorted
from practices.factories import PracticePageFactory
from search.service import search
from search.types import SearchQuery

pytestmark = pytest.mark.django_db


def ids(result):
    return {hit.page_id for hit in result.hits}


@pytest.mark.parametrize("spelling", ["çocuk", "cocuk", "ÇOCUK", "Çocuk", "COCUK"])
def test_every_spelling_of_cocuk_finds_the_same_practices(library, spelling):
    expected = {library[k].pk for k in ("title_match", "tag_match", "body_match")}
    assert ids(search(SearchQuery(text=spelling))) == expected


@pytest.mark.parametrize("spelling", ["İstanbul", "istanbul", "ISTANBUL", "Istanbul"])
def test_every_spelling_of_istanbul_finds_the_same_practices(library, spelling):
    # The title says "İstanbul"; the province of two practices is İstanbul (plate 34).
    expected = {library["istanbul"].pk, library["title_match"].pk}
    assert ids(search(SearchQuery(text=spelling))) == expected


def test_inflected_word_finds_the_base_word_where_the_database_stems(library):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite's FTS5 has no Turkish stemmer; PostgreSQL's 'turkish' configuration stems (CI runs both)"
        )
    assert library["istanbul"].pk in ids(search(SearchQuery(text="engellilere")))
    assert library["title_match"].pk in ids(search(SearchQuery(text="çocukların")))


def test_title_and_tag_matches_rank_above_body_only_matches(library):
    result = search(SearchQuery(text="cocuk"))
    order = [hit.page_id for hit in result.hits]
    assert order[-1] == library["body_match"].pk
    assert set(order[:2]) == {library["title_match"].pk, library["tag_match"].pk}


def test_all_words_must_match(library):
    assert ids(search(SearchQuery(text="çocuk oyun"))) == {library["title_match"].pk}


def test_filters_combine_with_text(library):
    result = search(SearchQuery(text="cocuk", provinces=(34,)))
    assert ids(result) == {library["title_match"].pk}
    result = search(SearchQuery(text="cocuk", themes=("sosyal-hizmetler",), year_from=2020))
    assert ids(result) == {library["tag_match"].pk}


def test_highlight_marks_the_matched_words_and_escapes_the_rest(library):
    PracticePageFactory(title="Çocuk <b>Meclisi</b>", summary="Çocukların <script>sesi</script> duyulsun.")
    hit = next(h for h in search(SearchQuery(text="cocuk", page_size=20)).hits if "Meclisi" in h.title)
    assert "<mark>Çocukların</mark>" in hit.highlight
    assert "<script>" not in hit.highlight


def test_body_only_match_is_highlighted_from_the_body(library):
    hit = next(h for h in search(SearchQuery(text="torunları")).hits)
    assert "<mark>torunları</mark>" in hit.highlight


def test_unpublished_and_private_practices_never_appear(library):
    from wagtail.models import PageViewRestriction

    library["title_match"].unpublish()
    PageViewRestriction.objects.create(page=library["tag_match"], restriction_type="login")
    result = search(SearchQuery(text="cocuk"))
    assert ids(result) == {library["body_match"].pk}
    all_facet_counts = sum(v.count for v in result.facets["theme"])
    assert all_facet_counts == 1
    assert result.total == 1


def test_a_published_restriction_modelsearch_cannot_translate_still_works(library, monkeypatch):
    # modelsearch refuses querysets filtered by expressions such as Exists(); the backend gives it every
    # practice and applies the published/public restriction itself.
    from django.db.models import Exists, OuterRef

    from wagtail.models import PageViewRestriction

    from practices import selectors
    from practices.models import PracticePage
    from search.service import autocomplete

    def published_practices():
        restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
        return PracticePage.objects.live().filter(~Exists(restricted))

    monkeypatch.setattr(selectors, "published_practices", published_practices)
    PageViewRestriction.objects.create(page=library["tag_match"], restriction_type="login")
    assert ids(search(SearchQuery(text="cocuk"))) == {library["title_match"].pk, library["body_match"].pk}
    assert [item["title"] for item in autocomplete("cocu")] == ["Çocuk Oyun Evleri"]


def test_facet_counts_equal_counts_computed_independently(library):
    result = search(SearchQuery(text="cocuk"))
    matched = [library[k] for k in ("title_match", "tag_match", "body_match")]
    themes = {v.value: v.count for v in result.facets["theme"]}
    assert themes == {"sosyal-hizmetler": 2, "saglik": 1}
    groups = {v.value: v.count for v in result.facets["target_group"]}
    expected_groups: dict[str, int] = {}
    for practice in matched:
        for group in practice.target_groups.all():
            expected_groups[group.slug] = expected_groups.get(group.slug, 0) + 1
    assert groups == expected_groups
    provinces = {v.value: v.count for v in result.facets["province"]}
    assert provinces == {"34": 1, "35": 1, "6": 1}
    years = {v.value: v.count for v in result.facets["start_year"]}
    assert years == {"2019": 1, "2021": 2}


def test_a_facet_ignores_its_own_filter_but_applies_the_others(library):
    result = search(SearchQuery(text="cocuk", themes=("saglik",)))
    assert result.total == 1
    themes = {v.value: (v.count, v.selected) for v in result.facets["theme"]}
    # Choosing another theme would give these counts; the chosen one is marked.
    assert themes == {"sosyal-hizmetler": (2, False), "saglik": (1, True)}
    provinces = {v.value: v.count for v in result.facets["province"]}
    assert provinces == {"6": 1}


def test_a_many_valued_facet_ignores_its_own_filter_and_the_others_apply_it(library):
    result = search(SearchQuery(text="cocuk", target_groups=("yaslilar",)))
    assert ids(result) == {library["body_match"].pk}
    groups = {v.value: (v.count, v.selected) for v in result.facets["target_group"]}
    assert groups == {"cocuklar": (2, False), "yaslilar": (1, True)}
    assert {v.value: v.count for v in result.facets["theme"]} == {"saglik": 1}
    assert {v.value: v.count for v in result.facets["tag"]} == {}


def test_a_filter_no_facet_shows_applies_to_every_facet(library):
    PracticePageFactory(title="Çocuk Parkı", evidence_level="evaluated", province=1, tags=["park"])
    everything = search(SearchQuery(text="cocuk"))
    assert everything.total == 4
    result = search(SearchQuery(text="cocuk", evidence_levels=("implemented",)))
    assert result.total == 3
    assert sum(v.count for v in result.facets["province"]) == 3
    assert "park" not in {v.value for v in result.facets["tag"]}
    assert "park" in {v.value for v in everything.facets["tag"]}


def test_facets_without_text_ignore_their_own_filter(library):
    result = search(SearchQuery(themes=("saglik",)))
    assert result.total == 3
    themes = {v.value: (v.count, v.selected) for v in result.facets["theme"]}
    assert themes == {"saglik": (3, True), "sosyal-hizmetler": (2, False)}
    assert {v.value: v.count for v in result.facets["province"]} == {"1": 1, "6": 1, "34": 1}
    assert [v.value for v in result.facets["start_year"]] == ["2021", "2018", "2015"]


def test_a_word_matching_nothing_gives_empty_facets(library):
    result = search(SearchQuery(text="qqqqzzzz"))
    assert result.total == 0 and result.hits == []
    assert all(values == [] for values in result.facets.values())


def test_pagination_edges(library):
    first = search(SearchQuery(page=1, page_size=2))
    assert first.total == 5 and len(first.hits) == 2 and first.num_pages == 3 and first.has_next
    last = search(SearchQuery(page=3, page_size=2))
    assert len(last.hits) == 1 and not last.has_next and last.has_previous
    beyond = search(SearchQuery(page=4, page_size=2))
    assert beyond.hits == [] and beyond.total == 5
    seen = set().union(*(ids(search(SearchQuery(page=n, page_size=2))) for n in (1, 2, 3)))
    assert len(seen) == 5


def test_no_text_lists_everything_newest_first(library):
    result = search(SearchQuery())
    assert result.total == 5
    assert result.hits[0].page_id == library["unrelated"].pk


def test_sort_by_title_is_turkish_alphabetical(library):
    titles = [hit.title for hit in search(SearchQuery(sort="title", page_size=10)).hits]
    # Ç comes after C and before D, İ after I (code-point order would put Ç and İ after every ASCII letter).
    assert titles == turkish_sorted(titles)
    assert titles.index("Çocuk Oyun Evleri") < titles.index("Kent Bostanları")


def test_suggestion_when_nothing_matches(library):
    result = search(SearchQuery(text="cocukk"))
    assert result.total == 0
    assert result.suggestion == "çocuk"
    assert search(SearchQuery(text="qqqqzzzz")).suggestion is None


def test_suggestion_is_not_offered_when_something_matches(library):
    assert search(SearchQuery(text="cocuk")).suggestion is None


def test_punctuation_only_text_lists_everything(library):
    assert search(SearchQuery(text="!!! ''")).total == 5


def test_result_says_which_backend_answered(library):
    result = search(SearchQuery(text="cocuk"))
    assert result.backend == "database"
    assert not result.degraded
    assert result.took_ms >= 0


@pytest.mark.parametrize(
    ("bad", "message"),
    [({"page": 0}, "page"), ({"page_size": 1000}, "page_size"), ({"sort": "nope"}, "sort")],
)
def test_invalid_queries_are_refused_with_a_clear_message(bad, message):
    with pytest.raises(ValueError, match=message):
        SearchQuery(**bad)
