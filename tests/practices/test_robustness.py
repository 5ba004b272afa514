"""No query string, however strange, gives a 500 on the public pages (property test with hypothesis)."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practices.factories import ImageFactory, PracticePageFactory

pytestmark = pytest.mark.django_db

KNOWN_KEYS = [
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
    "sort",
    "page",
    "q",
    "language",
]
values = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=10),
    st.sampled_from(["\x00", "a\x00b", "%00", "-1", "0", "1e9", "NaN", "𝕏", "İı", "<script>", "' OR 1=1"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("9" * 5000),
)
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=15))
query_strings = st.lists(st.tuples(keys, values), max_size=8).map(urlencode)


@pytest.fixture
def public_urls(db):
    practice = PracticePageFactory(hero_image=ImageFactory(), tags=["gıda", "yaşlı bakımı"], sdgs=[3])
    PracticePageFactory(theme=practice.theme, tags=["gıda"])
    tag = practice.tags.order_by("name").first()
    return ["/", "/uygulamalar/", practice.url, practice.url + "kit/", f"/uygulamalar/etiket/{tag.slug}/"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_no_query_string_gives_a_server_error(client, public_urls, query):
    for url in public_urls:
        response = client.get(f"{url}?{query}")
        assert response.status_code in (200, 400, 404), (url, query, response.status_code)


@pytest.mark.parametrize(
    "query",
    [
        "theme=%00",
        "sdg=99999999999999999999999999",
        "province=99999999999999999999",
        "page=99999999999999999999999999",
        "page=%00",
        "year_from=" + "9" * 5000,
        "tag=" + "x" * 10000,
        "sort=title&sort=newest&sort=%00",
        "theme=a&theme=b&theme=c&" * 200,
    ],
)
def test_known_nasty_query_strings_are_answered(client, public_urls, query):
    for url in public_urls:
        assert client.get(f"{url}?{query}").status_code in (200, 400, 404), url


@pytest.mark.parametrize("slug", ["yok", "x" * 300, "%C4%B0%C4%B1", "..%2F..%2Fetc"])
def test_unknown_tag_paths_are_a_friendly_404(client, public_urls, slug):
    response = client.get(f"/uygulamalar/etiket/{slug}/")
    assert response.status_code == 404
    assert 'href="/uygulamalar/"' in response.content.decode()


def test_nul_byte_in_a_tag_path_is_refused_not_a_server_error(client, public_urls):
    assert client.get("/uygulamalar/etiket/%00/").status_code in (400, 404)
