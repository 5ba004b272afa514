"""The library at /uygulamalar/: each filter, combinations, sort orders, pagination and shareable URLs."""

import re

import pytest

from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory

pytestmark = pytest.mark.django_db

LIBRARY = "/uygulamalar/"
CARD_TITLE = re.compile(r'class="card__title"(?: lang="\w+")?><a href="[^"]*">([^<]+)</a>')


def titles(response) -> list[str]:
    return CARD_TITLE.findall(response.content.decode())


def get(client, query: str = "", status: int = 200):
    # English (the address under /en/), so assertions can read the messages whatever translations exist.
    response = client.get("/en" + LIBRARY + (f"?{query}" if query else ""))
    assert response.status_code == status, response.content.decode()[:2000]
    return response


@pytest.fixture
def two_themes():
    return ThemeFactory(name="Sağlık", slug="saglik"), ThemeFactory(name="Eğitim", slug="egitim")


FILTER_CASES = [
    ("theme=saglik", {"theme": "saglik"}, {"theme": "egitim"}),
    ("evidence=evaluated", {"evidence_level": "evaluated"}, {"evidence_level": "pilot"}),
    ("budget=high", {"budget_band": "high"}, {"budget_band": "low"}),
    ("target_group=yaslilar", {"target_groups": "yaslilar"}, {"target_groups": "cocuklar"}),
    ("tag=g%C4%B1da", {"tags": ["gıda"]}, {"tags": ["kültür"]}),
    ("sdg=3", {"sdgs": [3]}, {"sdgs": [4]}),
    ("status=completed", {"status": "completed"}, {"status": "running"}),
    ("province=6", {"province": 6}, {"province": 34}),
    ("year_from=2018&year_to=2020", {"start_year": 2019}, {"start_year": 2022}),
    ("year_from=2021", {"start_year": 2022}, {"start_year": 2019}),
    ("year_to=2019", {"start_year": 2019}, {"start_year": 2022}),
]


def build(two_themes, **kwargs):
    themes = {theme.slug: theme for theme in two_themes}
    if "theme" in kwargs:
        kwargs["theme"] = themes[kwargs["theme"]]
    else:
        kwargs["theme"] = two_themes[1]
    if isinstance(kwargs.get("target_groups"), str):
        slug = kwargs["target_groups"]
        kwargs["target_groups"] = [TargetGroupFactory(slug=slug, name=slug.title())]
    return PracticePageFactory(**kwargs)


@pytest.mark.parametrize(("query", "matching", "other"), FILTER_CASES, ids=[c[0] for c in FILTER_CASES])
def test_each_filter_keeps_only_matching_practices(client, two_themes, query, matching, other):
    wanted = build(two_themes, title="Aranan uygulama", **matching)
    build(two_themes, title="Diğer uygulama", **other)
    response = get(client, query)
    assert titles(response) == [wanted.title]
    assert "1 practice" in response.content.decode() or "1 uygulama" in response.content.decode()


def test_values_within_one_filter_are_alternatives(client, two_themes):
    saglik, egitim = two_themes
    third = ThemeFactory(name="Kültür ve sanat", slug="kultur")
    PracticePageFactory(title="Sağlık taraması", theme=saglik)
    PracticePageFactory(title="Okuma atölyesi", theme=egitim)
    PracticePageFactory(title="Sanat atölyesi", theme=third)
    response = get(client, "theme=saglik&theme=egitim&sort=title")
    assert titles(response) == ["Okuma atölyesi", "Sağlık taraması"]


def test_values_within_the_tag_filter_are_alternatives(client, two_themes):
    PracticePageFactory(title="Gıda bankası", tags=["gıda"])
    PracticePageFactory(title="Kent bostanı", tags=["tarım"])
    PracticePageFactory(title="Tiyatro", tags=["kültür"])
    response = get(client, "tag=g%C4%B1da&tag=tar%C4%B1m&sort=title")
    assert titles(response) == ["Gıda bankası", "Kent bostanı"]


def test_different_filters_must_all_match(client, two_themes):
    saglik, egitim = two_themes
    PracticePageFactory(title="Tamamlanmış sağlık", theme=saglik, status="completed", sdgs=[3])
    PracticePageFactory(title="Süren sağlık", theme=saglik, status="running", sdgs=[3])
    PracticePageFactory(title="Tamamlanmış eğitim", theme=egitim, status="completed", sdgs=[3])
    PracticePageFactory(title="Tamamlanmış sağlık, başka hedef", theme=saglik, status="completed", sdgs=[4])
    response = get(client, "theme=saglik&status=completed&sdg=3")
    assert titles(response) == ["Tamamlanmış sağlık"]


def test_no_match_shows_a_way_back_to_all_practices(client, two_themes):
    PracticePageFactory(theme=two_themes[0], status="running")
    response = get(client, "status=completed")
    html = response.content.decode()
    assert titles(response) == []
    assert f'href="{LIBRARY}"' in html


def test_practice_with_several_target_groups_is_listed_once(client, two_themes):
    groups = [TargetGroupFactory(slug="kadinlar"), TargetGroupFactory(slug="aileler")]
    PracticePageFactory(title="Kadın kooperatifi", target_groups=groups, tags=["kadın", "tarım"])
    response = get(client, "target_group=kadinlar&target_group=aileler&tag=kad%C4%B1n&tag=tar%C4%B1m")
    assert titles(response) == ["Kadın kooperatifi"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Cıvıl", "Ana kucağı", "Bahçe"]),  # newest first (creation order in the factory)
        ("newest", ["Cıvıl", "Ana kucağı", "Bahçe"]),
        ("title", ["Ana kucağı", "Bahçe", "Cıvıl"]),
        ("most_adopted", ["Ana kucağı", "Cıvıl", "Bahçe"]),
        ("start_year", ["Cıvıl", "Bahçe", "Ana kucağı"]),
    ],
)
def test_sort_orders(client, sort, expected):
    PracticePageFactory(title="Bahçe", adoption_count=1, start_year=2019)
    PracticePageFactory(title="Ana kucağı", adoption_count=9, start_year=2015)
    PracticePageFactory(title="Cıvıl", adoption_count=4, start_year=2023)
    response = get(client, f"sort={sort}" if sort else "")
    assert titles(response) == expected


@pytest.fixture
def thirteen_practices(two_themes):
    return [PracticePageFactory(title=f"Uygulama {n:02d}", theme=two_themes[0]) for n in range(13)]


def test_first_and_last_pages(client, thirteen_practices):
    first = get(client, "sort=title")
    assert len(titles(first)) == 12
    assert 'rel="next"' in first.content.decode()
    assert 'rel="prev"' not in first.content.decode()
    last = get(client, "sort=title&page=2")
    assert titles(last) == ["Uygulama 12"]
    assert 'rel="prev"' in last.content.decode()
    assert 'rel="next"' not in last.content.decode()


@pytest.mark.parametrize("page", ["3", "999999", "0", "-1", "9" * 40])
def test_page_out_of_range_is_a_helpful_404_with_a_link_to_page_one(client, thirteen_practices, page):
    response = get(client, f"theme=saglik&page={page}", status=404)
    html = response.content.decode()
    assert "2" in html and page[:20] in html
    assert f'href="{LIBRARY}?theme=saglik"' in html
    assert titles(response) == []


@pytest.mark.parametrize("page", ["abc", "1.5", "", "２x"])
def test_page_that_is_not_a_number_shows_the_first_page_with_a_message(client, thirteen_practices, page):
    response = get(client, f"sort=title&page={page}")
    assert len(titles(response)) == 12
    if page:
        assert 'class="message message--warning"' in response.content.decode()


def test_pagination_links_keep_the_filters(client, thirteen_practices):
    response = get(client, "theme=saglik&sort=title")
    assert 'href="?theme=saglik&amp;sort=title&amp;page=2"' in response.content.decode()
    second = get(client, "theme=saglik&sort=title&page=2")
    assert 'href="?theme=saglik&amp;sort=title&amp;page=1"' in second.content.decode()


def test_filter_form_shows_what_was_chosen_after_submit(client, two_themes):
    PracticePageFactory(theme=two_themes[0], tags=["gıda"], province=6)
    response = get(client, "theme=saglik&tag=g%C4%B1da&province=6&year_from=2010&sort=title&status=running")
    html = response.content.decode()
    assert re.search(r'<input[^>]*name="theme" value="saglik"[^>]*checked', html)
    assert re.search(r'<input[^>]*name="tag" value="gıda"[^>]*checked', html)
    assert re.search(r'<input[^>]*name="status" value="running"[^>]*checked', html)
    assert re.search(r'<option value="6" selected>', html)
    assert re.search(r'<option value="title" selected>', html)
    assert re.search(r'<input[^>]*name="year_from" value="2010"', html)
    assert not re.search(r'<input[^>]*name="theme" value="egitim"[^>]*checked', html)


def test_the_same_url_gives_the_same_results_to_another_visitor(client, two_themes):
    PracticePageFactory(title="Paylaşılan", theme=two_themes[0], status="pilot")
    PracticePageFactory(title="Başka", theme=two_themes[1], status="pilot")
    query = "theme=saglik&status=pilot"
    assert titles(get(client, query)) == ["Paylaşılan"]
    client.logout()
    assert titles(get(client, query)) == ["Paylaşılan"]


def test_tag_filter_offers_only_tags_of_published_practices(client, two_themes):
    PracticePageFactory(tags=["görünür"])
    draft = PracticePageFactory(tags=["gizli"])
    draft.unpublish()
    html = get(client).content.decode()
    assert 'value="görünür"' in html
    assert 'value="gizli"' not in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("theme=nope", "nope"),
        ("sdg=99", "99"),
        ("sdg=abc", "abc"),
        ("status=x", "x"),
        ("evidence=legendary", "legendary"),
        ("budget=free", "free"),
        ("target_group=martians", "martians"),
        ("tag=yok-boyle", "yok-boyle"),
        ("year_from=abc", "Started from"),
        ("year_from=1200", "1990"),
        ("province=999", "999"),
        ("province=abc", "abc"),
        ("sort=random", "random"),
        ("year_from=2022&year_to=2019", "Started"),
    ],
)
def test_unknown_filter_values_give_a_clear_message_and_keep_the_page(client, two_themes, query, message):
    PracticePageFactory(title="Her zaman listelenir", theme=two_themes[0])
    response = get(client, query, status=400)
    html = response.content.decode()
    assert 'role="alert"' in html
    alert = html[html.index('role="alert"') :]
    alert = alert[: alert.index("</div>")]
    assert message in alert
    assert f'href="{LIBRARY}"' in alert  # "clear all filters"
    # The visitor still sees the library, not an error page.
    assert titles(response) == ["Her zaman listelenir"]


def test_unknown_year_is_kept_in_the_form(client):
    html = get(client, "year_from=abc", status=400).content.decode()
    assert re.search(r'<input[^>]*name="year_from" value="abc"', html)


def test_the_all_option_of_a_select_means_no_restriction(client, two_themes):
    health, education = two_themes
    PracticePageFactory(title="Sağlık taraması", theme=health)
    PracticePageFactory(title="Okuma atölyesi", theme=education)
    # The province select's "All" sends an empty value; it must not turn the page into an error.
    response = get(client, "theme=saglik&province=&year_from=&year_to=")
    assert titles(response) == titles(get(client, "theme=saglik")) != []
