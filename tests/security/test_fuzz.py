"""Property-based fuzzing of every public URL and API endpoint: any query string or path suffix, no 500."""

from urllib.parse import quote, urlencode

from django.test import Client
from django.urls import NoReverseMatch, reverse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practices.factories import ImageFactory, PracticePageFactory

pytestmark = pytest.mark.django_db

FUZZ_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run, so CI is repeatable
)

# Parameter names the views and the Wagtail API actually read, plus anything else.
KNOWN_PARAMS = [
    "q",
    "page",
    "sort",
    "theme",
    "target_group",
    "tag",
    "sdg",
    "status",
    "evidence",
    "budget",
    "province",
    "year_from",
    "year_to",
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "html_path",
    "site",
    "format",
    "id",
    "slug",
    "title",
    "show_in_menus",
    "practice",
]
nasty_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "-1",
            "0",
            "999999999999999999999",
            "1e9",
            "NaN",
            "'",
            '"',
            "%",
            "\\",
            "*",
            "-id",
            "_,",
            "__",
            "a.b",
            "wagtailcore.Page",
            "practices.PracticePage",
            "title,-title",
            "random",
            "\x00",
            "\u0130stanbul",
            "<script>",
            "../../etc/passwd",
            "[]",
            "{}",
            "true",
            "null",
        ]
    ),
)
query_strategy = st.lists(
    st.tuples(st.one_of(st.sampled_from(KNOWN_PARAMS), st.text(max_size=12)), nasty_text), max_size=5
)
suffix_strategy = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["x/", "kit/", "kit/x/", "etiket/", "etiket/yok/", "%00", "..", "a" * 300, "1/", "find/"]
    ),
)


@pytest.fixture
def public_urls():
    practice = PracticePageFactory(tags=["fuzz-etiketi"], hero_image=ImageFactory())
    tag = practice.tags.get()
    urls = [
        "/",
        "/uygulamalar/",
        practice.url,
        practice.url + "kit/",
        f"/uygulamalar/etiket/{tag.slug}/",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz/",
        "/api/v2/pages/",
        f"/api/v2/pages/{practice.pk}/",
        "/api/v2/pages/find/",
        "/api/v2/images/",
        f"/api/v2/images/{practice.hero_image_id}/",
        "/api/v2/documents/",
        "/ara/",
        "/ziyaret-talebi/",
    ]
    for name in ("search_api", "api-1.0.0:search"):
        try:
            urls.append(reverse(name))
        except NoReverseMatch:
            continue
    return urls


def visitor() -> Client:
    return Client(raise_request_exception=False)


def get(client, url: str):
    response = client.get(url)
    return response.status_code, url


@FUZZ_SETTINGS
@given(data=st.data(), params=query_strategy)
def test_any_query_string_on_any_public_url_is_never_a_500(public_urls, data, params):
    url = data.draw(st.sampled_from(public_urls), label="url")
    status, full = get(visitor(), f"{url}?{urlencode(params)}")
    assert status < 500, full


@FUZZ_SETTINGS
@given(data=st.data(), raw=st.text(max_size=60))
def test_raw_undecoded_query_strings_are_never_a_500(public_urls, data, raw):
    url = data.draw(st.sampled_from(public_urls), label="url")
    status, full = get(visitor(), f"{url}?{quote(raw, safe='=&%+;')}")
    assert status < 500, full


@FUZZ_SETTINGS
@given(data=st.data(), suffix=suffix_strategy)
def test_any_path_suffix_is_never_a_500(public_urls, data, suffix):
    url = data.draw(st.sampled_from(public_urls), label="url")
    status, full = get(visitor(), url + quote(suffix, safe="/%"))
    assert status < 500, full


@pytest.mark.parametrize(
    "query",
    [
        "order=random&offset=5",
        "fields=*&type=practices.PracticePage",
        "fields=_,title,-title",
        "fields=summary(foo)",
        "type=practices.PracticePage&order=-adoption_count",
        "search=%00&order=title",
        "search=sa%C4%9Fl%C4%B1k&search_operator=or",
        "child_of=99999999999999999999",
        "descendant_of=-1",
        "limit=100000",
        "html_path=/%00/",
        "tag=%00&theme=%00&page=%00",
    ],
)
def test_known_awkward_api_and_filter_parameters(public_urls, query):
    client = visitor()
    for url in public_urls:
        status, full = get(client, f"{url}?{query}")
        assert status < 500, full


@pytest.mark.parametrize("url", ["/api/v2/pages/?search=%00", "/uygulamalar/?tag=a%00b", "/uygulamalar/%00/"])
def test_nul_characters_are_refused_with_400_before_reaching_the_database(url):
    response = visitor().get(url)
    assert response.status_code == 400
    assert "script-src 'self'" in response["Content-Security-Policy"]
