"""The readiness self-check's demand count resists bots and repeats: crawlers and empty User-Agents are
not counted, a browser counts once per practice per day, and nothing about it reaches the database."""

import datetime
from unittest import mock

from django.core.cache import cache
from django.test import RequestFactory

import pytest

from practices import readiness_counting
from practices.factories import PracticePageFactory
from practices.models import ReadinessCheckCount

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0"
ANSWERS = {
    "population": "gt1m",
    "budget": "very_high",
    "staff": "team",
    "legal": "in_place",
    "partners": "committed",
    "backing": "formal",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def practice():
    return PracticePageFactory()


def check(client, practice, *, agent=BROWSER, address="203.0.113.7", answers=ANSWERS):
    return client.get(practice.url + "hazirlik/", answers, HTTP_USER_AGENT=agent, REMOTE_ADDR=address)


def counted() -> int:
    return sum(ReadinessCheckCount.objects.values_list("count", flat=True))


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; YandexBot/3.0)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
        "   ",
    ],
)
def test_crawlers_and_empty_user_agents_see_the_result_but_are_not_counted(client, practice, agent):
    response = check(client, practice, agent=agent)
    assert response.status_code == 200
    assert b"readiness__band" in response.content
    assert counted() == 0


def test_the_same_browser_twice_counts_once(client, practice):
    check(client, practice)
    check(client, practice, answers={**ANSWERS, "budget": "none"})  # changed its answers: still one visitor
    assert counted() == 1


def test_two_browsers_count_twice(client, practice):
    check(client, practice, agent=BROWSER)
    check(client, practice, agent=BROWSER.replace("Firefox", "Firefox ESR"))
    check(client, practice, address="198.51.100.9")
    assert counted() == 3


def test_the_same_browser_counts_for_another_practice_and_on_another_day(client, practice):
    check(client, practice)
    check(client, PracticePageFactory(theme=practice.theme))
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        check(client, practice)
    assert counted() == 3


def test_incomplete_answers_are_not_counted(client, practice):
    response = check(client, practice, answers={k: v for k, v in ANSWERS.items() if k != "backing"})
    assert response.status_code == 400
    assert counted() == 0


def test_the_cache_key_is_a_keyed_hash_without_the_address_or_user_agent(practice):
    key = readiness_counting.seen_key(
        address="203.0.113.7", user_agent=BROWSER, practice_id=practice.pk, today=datetime.date(2026, 5, 1)
    )
    assert key.startswith("readiness-seen:") and len(key) == len("readiness-seen:") + 64
    assert "203.0.113" not in key and "Firefox" not in key
    other_day = readiness_counting.seen_key(
        address="203.0.113.7", user_agent=BROWSER, practice_id=practice.pk, today=datetime.date(2026, 5, 2)
    )
    assert key != other_day


def test_an_unreachable_cache_still_counts_and_shows_the_result(client, practice):
    with mock.patch.object(readiness_counting.cache, "add", side_effect=ConnectionError("redis down")):
        assert check(client, practice).status_code == 200
    assert counted() == 1


def test_the_function_refuses_a_crawler_before_touching_the_cache(practice):
    request = RequestFactory().get("/", HTTP_USER_AGENT="AhrefsBot/7.0")
    with mock.patch.object(readiness_counting.cache, "add") as add:
        assert not readiness_counting.readiness_check_counted(
            request=request,
            practice_id=practice.pk,
            theme_id=practice.theme_id,
            band="ready",
            today=datetime.date(2026, 5, 1),
        )
    add.assert_not_called()


def test_result_pages_are_noindex_and_robots_txt_disallows_the_self_check(client, practice):
    html = check(client, practice).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "Disallow: /*/hazirlik/" in client.get("/robots.txt").content.decode()
