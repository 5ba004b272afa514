"""GET /api/search/ (django-ninja): JSON shape, 422s for bad parameters, OpenAPI schema; Wagtail API v2."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_api_returns_the_search_result_as_json(client, library):
    response = client.get("/api/search/", {"q": "ÇOCUK", "page_size": 2})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {
        "hits",
        "total",
        "page",
        "page_size",
        "facets",
        "suggestion",
        "backend",
        "degraded",
        "took_ms",
    }
    assert data["total"] == 3 and len(data["hits"]) == 2 and data["page_size"] == 2
    assert data["backend"] == "database" and data["degraded"] is False
    hit = data["hits"][0]
    assert set(hit) == {
        "id",
        "title",
        "url",
        "summary",
        "highlight",
        "theme",
        "tags",
        "start_year",
        "province",
        "status",
    }
    assert hit["url"].startswith("http://testserver/uygulamalar/")
    assert set(data["facets"]) == {
        *("theme", "target_group", "tag", "sdg", "status", "evidence", "budget", "province", "start_year")
    }
    assert {"value", "label", "count", "selected"} == set(data["facets"]["theme"][0])


def test_search_api_filters_with_repeated_parameters(client, library):
    data = client.get("/api/search/?q=cocuk&province=34&province=35").json()
    assert {hit["id"] for hit in data["hits"]} == {library["title_match"].pk, library["tag_match"].pk}


def test_search_api_offers_a_suggestion(client, library):
    assert client.get("/api/search/", {"q": "cocukk"}).json()["suggestion"] == "çocuk"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"sort": "nope"}, "sort"),
        ({"sdg": "x"}, "sdg"),
        ({"sdg": "99"}, "sdg"),
        ({"province": "82"}, "province"),
        ({"q": "x" * 500}, "q"),
    ],
)
def test_bad_parameters_are_a_422_naming_the_parameter(client, library, params, field):
    response = client.get("/api/search/", params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert any(field in error["loc"] for error in detail)


def test_inconsistent_parameters_are_a_422_with_a_message(client, library):
    response = client.get("/api/search/", {"year_from": "2024", "year_to": "2000"})
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], str)


def test_unpublished_practices_are_not_in_the_api(client, library):
    library["title_match"].unpublish()
    data = client.get("/api/search/", {"q": "cocuk"}).json()
    assert library["title_match"].pk not in {hit["id"] for hit in data["hits"]}
    assert sum(v["count"] for v in data["facets"]["theme"]) == 2


def test_autocomplete_completes_titles_without_turkish_letters(client, library):
    response = client.get("/api/search/autocomplete", {"q": "cocuk oy"})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()] == [library["title_match"].title]


def test_autocomplete_needs_text(client, db):
    assert client.get("/api/search/autocomplete").status_code == 422


def test_openapi_schema_documents_the_search_endpoint(client, db):
    schema = client.get("/api/openapi.json").json()
    assert "/api/search/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/search/"]["get"]["parameters"]}
    assert {"q", "theme", "page", "page_size", "sort"} <= parameters
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.content.decode().lower()


def test_wagtail_api_publishes_practices_with_structured_fields(client, library):
    response = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "fields": "*"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 5
    item = next(i for i in items if i["id"] == library["istanbul"].pk)
    assert item["summary"] == library["istanbul"].summary
    assert item["start_year"] == 2018 and item["province"] == 34
    assert item["theme"]["id"] == library["istanbul"].theme_id
    assert "erişilebilirlik" in item["tags"]
    for field in ("problem", "approach", "results", "metrics", "replication_steps", "budget_band"):
        assert field in item


def test_wagtail_api_hides_unpublished_practices(client, library):
    library["unrelated"].unpublish()
    items = client.get("/api/v2/pages/", {"type": "practices.PracticePage"}).json()["items"]
    assert library["unrelated"].pk not in {i["id"] for i in items}


def test_hit_addresses_use_the_public_site_address_not_the_request_host(client, library, settings):
    settings.SITE_BASE_URL = "https://atlas.example.gov.tr"
    response = client.get("/api/search/", {"q": "cocuk"}, HTTP_HOST="localhost")
    urls = [hit["url"] for hit in response.json()["hits"]]
    assert urls and all(url.startswith("https://atlas.example.gov.tr/uygulamalar/") for url in urls)
