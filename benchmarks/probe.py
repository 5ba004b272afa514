"""Django-side helper of benchmarks/run.py: picks the URLs to measure, counts SQL queries per page in-process,
and seeds mentorship rows. Run as ``python -m benchmarks.probe <command>`` with the benchmark's settings."""

import argparse
import datetime
import json
import os
import random
import sys
import time
from urllib.parse import urlencode

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from practices.models import PracticeIndexPage, PracticePage  # noqa: E402

HOST = "127.0.0.1"


def live_practices():
    return PracticePage.objects.live().public()


def counts() -> dict:
    result = {"practices": live_practices().count()}
    for key, label in (
        ("municipalities", "mentorship.Municipality"),
        ("visits", "mentorship.Visit"),
        ("adoptions", "mentorship.Adoption"),
    ):
        try:
            result[key] = apps.get_model(label).objects.count()
        except LookupError:
            result[key] = None
    return result


def search_word(title: str) -> str:
    words = [w.strip(".,;:()\"'").lower() for w in title.split()]
    words = [w for w in words if len(w) >= 5 and w.isalpha()]
    return words[0] if words else "destek"


def discover() -> dict:
    """The concrete URLs: a typical practice, two library filters that match, a search word that hits."""
    practices = live_practices().order_by("pk")
    total = practices.count()
    practice = practices[total // 2] if total else None
    index = PracticeIndexPage.objects.live().first()
    urls = {
        "minimal": "/bench/minimal/",
        "static": staticfiles_storage.url("css/atlas.css"),
        "home": "/",
        "library": None,
        "practice": None,
        "kit": None,
        "search": None,
        "api_search": None,
        "impact": "/etki/",
    }
    if index is not None:
        theme = (
            live_practices()
            .values("theme__slug")
            .annotate(n=Count("pk"))
            .order_by("-n", "theme__slug")
            .first()
        )
        through = PracticePage.target_groups.through
        group = (
            through.objects.filter(practicepage__theme__slug=theme["theme__slug"])
            .values("targetgroup__slug")
            .annotate(n=Count("pk"))
            .order_by("-n", "targetgroup__slug")
            .first()
            if theme
            else None
        )
        query = []
        if theme:
            query.append(f"theme={theme['theme__slug']}")
        if group:
            query.append(f"target_group={group['targetgroup__slug']}")
        urls["library"] = index.url + ("?" + "&".join(query) if query else "")
    if practice is not None:
        urls["practice"] = practice.url
        urls["kit"] = practice.url + "kit/"
        word = search_word(practice.title)
        query = urlencode({"q": word})
        urls["search"] = f"/ara/?{query}"
        urls["api_search"] = f"/api/search/?{query}"
    return {"urls": urls, "counts": counts()}


def measure_queries(urls: dict) -> dict:
    """Per URL: status, SQL queries of an uncached request (after one warm-up), and of a page-cache hit."""
    client = Client(HTTP_HOST=HOST)
    results = {}
    for name, url in urls.items():
        if not url:
            continue
        cache.clear()
        first = client.get(url)
        with CaptureQueriesContext(connection) as uncached:
            response = client.get(url)
        entry = {
            "status": response.status_code,
            "queries_first": None,
            "queries": len(uncached),
            "bytes": len(response.content) if not response.streaming else None,
        }
        with CaptureQueriesContext(connection) as cold:
            cache.clear()
            client.get(url)
        entry["queries_first"] = len(cold)
        with override_settings(PUBLIC_PAGE_CACHE_TIMEOUT=600):
            cache.clear()
            client.get(url)
            with CaptureQueriesContext(connection) as hit:
                cached = client.get(url)
            entry["queries_cached"] = len(hit)
            entry["cache_header"] = cached.get("X-Cache", "")
        entry["first_status"] = first.status_code
        results[name] = entry
    cache.clear()
    return results


def seed_mentorship(*, visits: int, adoptions: int) -> dict:
    """Bench-only bulk rows: municipalities, completed visits and adoptions spread over the practices."""
    try:
        municipality_model = apps.get_model("mentorship.Municipality")
        visit_model = apps.get_model("mentorship.Visit")
        adoption_model = apps.get_model("mentorship.Adoption")
        event_model = apps.get_model("mentorship.AdoptionEvent")
    except LookupError:
        return {"skipped": "mentorship models are not installed"}
    from mentorship.models import AdoptionStage, MunicipalityKind, VisitFormat, VisitStatus

    rng = random.Random(6)  # noqa: S311 - benchmark data only
    started = time.monotonic()
    existing = visit_model.objects.count(), adoption_model.objects.count()
    practice_ids = list(live_practices().values_list("pk", flat=True))
    if not practice_ids:
        return {"skipped": "no practices"}
    with transaction.atomic():
        municipalities = [
            municipality_model(
                name=f"Bench Belediyesi {n}", kind=MunicipalityKind.DISTRICT, province=n % 81 + 1
            )
            for n in range(300)
        ]
        municipality_model.objects.bulk_create(municipalities, ignore_conflicts=True)
        municipalities = list(municipality_model.objects.filter(name__startswith="Bench Belediyesi "))
        today = timezone.localdate()
        new_visits = [
            visit_model(
                municipality=rng.choice(municipalities),
                date=today - datetime.timedelta(days=rng.randint(0, 900)),
                format=rng.choice(VisitFormat.values),
                status=VisitStatus.COMPLETED,
                participants=rng.randint(2, 20),
            )
            for _ in range(max(0, visits - existing[0]))
        ]
        visit_model.objects.bulk_create(new_visits)
        through = visit_model.practices.through
        through.objects.bulk_create(
            [through(visit_id=v.pk, practice_id=rng.choice(practice_ids)) for v in new_visits],
            ignore_conflicts=True,
        )
        taken = set(adoption_model.objects.values_list("municipality_id", "practice_id"))
        stages = AdoptionStage.values
        new_adoptions = []
        while len(new_adoptions) < max(0, adoptions - existing[1]):
            pair = (rng.choice(municipalities).pk, rng.choice(practice_ids))
            if pair in taken:
                continue
            taken.add(pair)
            new_adoptions.append(
                adoption_model(municipality_id=pair[0], practice_id=pair[1], stage=rng.choice(stages))
            )
        adoption_model.objects.bulk_create(new_adoptions)
        event_model.objects.bulk_create(
            [event_model(adoption=a, from_stage="", to_stage=a.stage) for a in new_adoptions]
        )
        # Keep the denormalised "most adopted" sort in step with the rows, as the mentorship services do.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE practices_practicepage p SET adoption_count = sub.n FROM ("
                " SELECT practice_id, count(*) AS n FROM mentorship_adoption"
                " WHERE stage IN ('adopted', 'scaled') GROUP BY practice_id) sub"
                " WHERE p.page_ptr_id = sub.practice_id"
            )
    return {
        "visits_created": len(new_visits),
        "adoptions_created": len(new_adoptions),
        **counts(),
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("counts")
    sub.add_parser("discover")
    queries = sub.add_parser("queries")
    queries.add_argument("urls", help="JSON object name -> URL")
    seed = sub.add_parser("seed-mentorship")
    seed.add_argument("--visits", type=int, default=1000)
    seed.add_argument("--adoptions", type=int, default=1000)
    args = parser.parse_args()
    if args.command == "counts":
        result = counts()
    elif args.command == "discover":
        result = discover()
    elif args.command == "queries":
        result = measure_queries(json.loads(args.urls))
    else:
        result = seed_mentorship(visits=args.visits, adoptions=args.adoptions)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
