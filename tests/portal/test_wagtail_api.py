"""Wagtail API v2 (/api/v2/): bad input is a 400 with a message on every endpoint; taxonomy by name."""

from django.test import Client

import pytest

from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]
BEYOND_64_BITS = str(2**63)


@pytest.fixture
def practice():
    return PracticePageFactory(
        title="Engelsiz çocuk oyun parkı",
        theme=ThemeFactory(name="Sosyal destek", slug="sosyal-destek"),
        target_groups=[TargetGroupFactory(name="Çocuklar"), TargetGroupFactory(name="Engelliler")],
        sdgs=[3, 10],
    )


def visitor() -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"offset": BEYOND_64_BITS}, "offset must be at most"),
        ({"offset": "9" * 40}, "offset must be at most"),
        ({"offset": ["1", BEYOND_64_BITS]}, "offset must be at most"),
        ({"id": BEYOND_64_BITS}, "id must be at most"),
        ({"search": "oyun", "search_operator": "xor"}, "search_operator"),
        ({"search": "oyun", "search_operator": ""}, "search_operator"),
        ({"search": 'oyun "parkı'}, "double quotes"),
        ({"search": '"'}, "double quotes"),
        ({"search": '"oyun parkı"'}, "double quotes"),
    ],
)
def test_bad_input_is_a_400_with_a_message(practice, endpoint, params, message):
    response = visitor().get(endpoint, params)
    assert response.status_code == 400, response.content[:300]
    assert message in response.json()["message"]


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v2/pages/?type=practices.PracticePage&theme={BEYOND_64_BITS}",
        f"/api/v2/pages/?type=practices.PracticePage&start_year=-{BEYOND_64_BITS}",
        f"/api/v2/pages/?child_of={BEYOND_64_BITS}",
        "/api/v2/pages/find/?id=abc",
        f"/api/v2/pages/find/?id={BEYOND_64_BITS}",
        "/api/v2/pages/?offset=",
        "/api/v2/images/find/?id=-1",
    ],
)
def test_other_bad_integers_are_a_400_with_a_message(practice, url):
    response = visitor().get(url)
    assert response.status_code == 400, response.content[:300]
    assert response.json()["message"]


@pytest.mark.parametrize(
    "params",
    [
        {"search": "oyun*)(^:"},
        {"search": "NEAR( oyun"},
        {"search": "oyun parkı", "search_operator": "or"},
        {"search": ""},
        {"offset": "0", "limit": "20"},
        {"search_operator": "xor"},  # ignored without a search, as Wagtail documents
    ],
)
def test_ordinary_and_odd_but_harmless_input_is_answered(practice, params):
    for endpoint in ENDPOINTS:
        assert visitor().get(endpoint, params).status_code == 200


def test_search_still_finds_the_practice(practice):
    response = visitor().get("/api/v2/pages/", {"search": "oyun parkı", "search_operator": "and"})
    assert [item["id"] for item in response.json()["items"]] == [practice.pk]


def test_pages_api_names_theme_target_groups_and_sdgs(practice):
    response = visitor().get(
        "/api/v2/pages/", {"type": "practices.PracticePage", "fields": "theme,target_groups,sdgs"}
    )
    item = response.json()["items"][0]
    assert item["theme"] == {"id": practice.theme_id, "name": "Sosyal destek", "slug": "sosyal-destek"}
    assert sorted(group["name"] for group in item["target_groups"]) == ["Engelliler", "Çocuklar"]
    assert [sdg["number"] for sdg in item["sdgs"]] == [3, 10]
    assert all(sdg["name"] for sdg in item["sdgs"])

    detail = visitor().get(f"/api/v2/pages/{practice.pk}/").json()
    assert detail["theme"]["name"] == "Sosyal destek"
    assert {group["name"] for group in detail["target_groups"]} == {"Çocuklar", "Engelliler"}
