"""Search fixtures: practices with Turkish text, and the search service run on the database backend.

Tests marked `elasticsearch_live` talk to the cluster at ELASTICSEARCH_URL (`make elasticsearch` starts one
on 127.0.0.1:9200). Without that variable they are skipped, unless ELASTICSEARCH_LIVE_REQUIRED=1 (CI sets
it), where a missing cluster is a failure.
"""

import os

import pytest

from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory


def pytest_runtest_setup(item):
    if item.get_closest_marker("elasticsearch_live") and not os.environ.get("ELASTICSEARCH_URL"):
        if os.environ.get("ELASTICSEARCH_LIVE_REQUIRED") == "1":
            pytest.fail(
                "ELASTICSEARCH_LIVE_REQUIRED=1 but ELASTICSEARCH_URL is not set: start a cluster with "
                "`make elasticsearch` and export ELASTICSEARCH_URL=http://127.0.0.1:9200",
                pytrace=False,
            )
        pytest.skip("no Elasticsearch cluster: set ELASTICSEARCH_URL to run the live search tests")


@pytest.fixture(autouse=True)
def _database_backend(settings):
    settings.SEARCH_BACKEND = "database"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def library(db):
    """A small library: child-focused practices in two spellings' worth of places, and unrelated ones."""
    health = ThemeFactory(name="Sağlık", slug="saglik")
    social = ThemeFactory(name="Sosyal Hizmetler", slug="sosyal-hizmetler")
    children = TargetGroupFactory(name="Çocuklar", slug="cocuklar")
    elderly = TargetGroupFactory(name="Yaşlılar", slug="yaslilar")
    return {
        "title_match": PracticePageFactory(
            title="Çocuk Oyun Evleri",
            summary="Mahallelerde oyun alanı.",
            theme=social,
            target_groups=[children],
            tags=["oyun"],
            province=34,
            start_year=2019,
        ),
        "tag_match": PracticePageFactory(
            title="Mahalle Kütüphaneleri",
            summary="Okuma saatleri.",
            theme=social,
            target_groups=[children],
            tags=["çocuk"],
            province=35,
            start_year=2021,
        ),
        "body_match": PracticePageFactory(
            title="Sağlıklı Yaşam Merkezi",
            summary="Sağlık taraması.",
            theme=health,
            target_groups=[elderly],
            problem="<p>Yaşlıların torunları ve çocuk bakımı sorunu.</p>",
            province=6,
            start_year=2021,
        ),
        "istanbul": PracticePageFactory(
            title="İstanbul Engelli Ulaşım Hattı",
            summary="Engelli bireyler için ücretsiz servis.",
            theme=health,
            target_groups=[elderly],
            tags=["erişilebilirlik"],
            province=34,
            start_year=2018,
        ),
        "unrelated": PracticePageFactory(
            title="Kent Bostanları",
            summary="Tarım ve gıda.",
            theme=health,
            target_groups=[elderly],
            tags=["tarım"],
            province=1,
            start_year=2015,
        ),
    }
