"""One-command benchmark of Practice Atlas (`make bench`); what it measures and how to read it: README.md.

Builds a fresh PostgreSQL database, loads the demo and generated practices, serves the portal with gunicorn
and the production settings, then measures every public page side by side with a minimal Django view:
throughput at a fixed concurrency, latency percentiles, cold (no page cache) and warm (Redis page cache),
SQL queries per page and the peak memory of a worker; and how library, practice and search costs grow with
the number of practices. Writes benchmarks/results/<date>-<machine>.json and .md.
"""
# ruff: noqa: S603, S607 - a harness that starts its own tools (manage.py, gunicorn, wrk) with fixed arguments

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
WORK = BENCH / ".work"
RESULTS = BENCH / "results"
PYTHON = sys.executable
HOST = "127.0.0.1"
REDIS_DEFAULT = "redis://127.0.0.1:6379/5"
PG_DEFAULT = "postgres://atlas:atlas@127.0.0.1:5432"

PAGES = [  # (key, label): order of the tables
    ("minimal", "minimal Django view"),
    ("static", "static file (WhiteNoise)"),
    ("home", "home page"),
    ("library", "library, two filters"),
    ("practice", "practice page"),
    ("kit", "replication kit"),
    ("search", "search /ara/ with facets"),
    ("api_search", "search API /api/search/"),
    ("impact", "impact page /etki/"),
]
SCALE_PAGES = ("library", "practice", "search")
FIRST_VIEW_PAGES = ("library", "search")
NON_PAGES = ("minimal", "static")  # not public pages: no query or cache targets
# Issue 6's targets: uncached p95 in ms, per page; fewer than MAX_QUERIES queries per public page.
P95_TARGETS_MS = {"practice": 80, "library": 120, "search": 150}
MAX_QUERIES = 15
LARGE_P95_TARGET_MS = 200  # issue 13: library and search at 50,000 practices
CACHED_RATIO_TARGET = 0.5
TIMEOUT_S = 10  # a request slower than this counts as a timeout, not a latency

STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


# --- environment ---------------------------------------------------------------------------------------


def machine_description() -> dict:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return {
        "hostname": platform.node(),
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
    }


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
        return out.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Bench:
    """State of one run: options, database, environment for subprocesses, log files and results."""

    def __init__(self, options):
        self.options = options
        self.db_url = f"{options.pg_url}/{options.db}"
        self.static_root = WORK / "static"
        self.logs = WORK / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.secret_key = secrets.token_urlsafe(48)[:64]
        self.notes: list[str] = []
        self.timings: dict[str, float] = {}
        self.search_backend = "database"  # "elasticsearch" for the --elasticsearch-url measurement
        # False measures every database search computed afresh, as the first view after a change is.
        self.result_cache = True

    def env(self, *, redis_url: str | None = None) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "PYTHONPATH")}
        env.update(
            DJANGO_SETTINGS_MODULE="benchmarks.bench_settings",
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS=HOST,
            SECURE_SSL_REDIRECT="False",
            DATABASE_URL=self.db_url,
            CONN_MAX_AGE=str(self.options.conn_max_age),
            BENCH_STATIC_ROOT=str(self.static_root),
            SEARCH_BACKEND=self.search_backend,
            LOG_LEVEL="WARNING",
            PYTHONPATH=str(ROOT),
        )
        if redis_url:
            env["REDIS_URL"] = redis_url
        if not self.result_cache:
            env["SEARCH_RESULT_CACHE_TIMEOUT"] = "0"
        if self.search_backend == "elasticsearch":
            # The client's default 2 s is for page views; a rebuild at 50,000 practices sends bigger bulks.
            env.update(
                ELASTICSEARCH_URL=self.options.elasticsearch_url,
                ELASTICSEARCH_INDEX="atlas-bench",
                ELASTICSEARCH_TIMEOUT="120",
            )
        return env

    def run(self, name: str, args: list[str], *, timed: bool = True) -> str:
        log_file = self.logs / f"{name}.log"
        started = time.monotonic()
        with log_file.open("w") as out:
            result = subprocess.run(args, cwd=ROOT, env=self.env(), stdout=out, stderr=subprocess.STDOUT)
        seconds = time.monotonic() - started
        if timed:
            self.timings[name] = round(self.timings.get(name, 0) + seconds, 1)
        if result.returncode != 0:
            tail = "\n".join(log_file.read_text().splitlines()[-25:])
            raise SystemExit(f"{name} failed (exit {result.returncode}); last lines of {log_file}:\n{tail}")
        return log_file.read_text()

    def manage(self, name: str, *args: str) -> str:
        return self.run(name, [PYTHON, "manage.py", *args])

    def probe(self, *args: str) -> dict:
        result = subprocess.run(
            [PYTHON, "-m", "benchmarks.probe", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise SystemExit(f"probe {args[0]} failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout)


# --- database and data ---------------------------------------------------------------------------------


def recreate_database(bench: Bench) -> bool:
    """Drop and create the benchmark database; with --keep-db an existing one is reused (returns True)."""
    import psycopg

    with psycopg.connect(f"{bench.options.pg_url}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench.options.db]).fetchone()
        if exists and bench.options.keep_db:
            log(f"reusing database {bench.options.db} (--keep-db)")
            return True
        conn.execute(f'DROP DATABASE IF EXISTS "{bench.options.db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{bench.options.db}"')
    log(f"created database {bench.options.db}")
    return False


def analyze(bench: Bench) -> None:
    """VACUUM ANALYZE after bulk loading, as autovacuum would do on a live server: without fresh
    statistics PostgreSQL plans the search queries as if the tables were empty (seconds instead of ms)."""
    import psycopg

    started = time.monotonic()
    with psycopg.connect(bench.db_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    bench.timings["vacuum_analyze"] = round(
        bench.timings.get("vacuum_analyze", 0) + time.monotonic() - started, 1
    )


def postgres_version(bench: Bench) -> str:
    import psycopg

    with psycopg.connect(f"{bench.options.pg_url}/postgres") as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def command_exists(bench: Bench, name: str) -> bool:
    result = subprocess.run(
        [PYTHON, "manage.py", "help", name], cwd=ROOT, env=bench.env(), capture_output=True, text=True
    )
    return result.returncode == 0


def grow_practices(bench: Bench, target: int) -> dict:
    """Bring the number of live practices up to ``target`` with generate_practices; time it."""
    current = bench.probe("counts")["practices"]
    if current >= target:
        return {"practices": current, "generated": 0, "seconds": 0.0}
    if not command_exists(bench, "generate_practices"):
        raise SystemExit(
            "manage.py generate_practices does not exist yet: it is needed to build the data set."
        )
    missing = target - current
    log(f"generate_practices: {current} -> {target} practices")
    started = time.monotonic()
    bench.manage(
        f"generate_practices-{target}",
        "generate_practices",
        "--count",
        str(missing),
        "--seed",
        str(target),
        # Practice search reads the search documents (rebuilt below), not Wagtail's index.
        "--skip-index",
    )
    seconds = round(time.monotonic() - started, 1)
    # generate_practices bulk-creates (no page signals): the database backend reads search documents.
    bench.manage(f"rebuild_search_documents-{target}", "rebuild_search_documents")
    after = bench.probe("counts")["practices"]
    if after < target:
        bench.notes.append(f"generate_practices --count {missing} left {after} practices (wanted {target}).")
    log(f"  {after} practices after {seconds}s ({missing / max(seconds, 0.01):.0f} practices/s)")
    return {"practices": after, "generated": after - current, "seconds": seconds}


# --- server and load -----------------------------------------------------------------------------------


class Server:
    """gunicorn with the production settings (plus /bench/minimal/) on 127.0.0.1."""

    def __init__(self, bench: Bench, *, redis_url: str | None, label: str):
        self.bench, self.redis_url, self.label = bench, redis_url, label
        self.port = free_port()
        self.process = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        options = self.bench.options
        args = [
            str(Path(PYTHON).parent / "gunicorn"),
            "portal.wsgi:application",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(options.workers),
            "--worker-class",
            options.worker_class,
            "--threads",
            str(options.threads),
            "--timeout",
            "60",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ]
        log_file = (self.bench.logs / f"gunicorn-{self.label}.log").open("w")
        self.process = subprocess.Popen(
            args, cwd=ROOT, env=self.bench.env(redis_url=self.redis_url), stdout=log_file, stderr=log_file
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {log_file.name}")
            try:
                with urllib.request.urlopen(self.base_url + "/healthz/", timeout=2) as response:  # noqa: S310
                    if response.status == 200 and len(self.worker_pids()) >= options.workers:
                        log(f"gunicorn ({self.label}) up on {self.base_url}, workers {self.worker_pids()}")
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        raise SystemExit("gunicorn did not answer /healthz/ within 60 s")

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            return [int(pid) for pid in children.read_text().split()]
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def peak_rss_mb(self) -> dict:
        """VmHWM (peak resident set) of each worker, in MB."""
        peaks = {}
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks[pid] = round(int(match.group(1)) / 1024, 1)
        return {"max": max(peaks.values(), default=None), "workers": list(peaks.values())}

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def serving(bench: Bench, *, redis_url: str | None, label: str):
    server = Server(bench, redis_url=redis_url, label=label)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def fetch(url: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Accept-Language": "tr"})  # noqa: S310 - 127.0.0.1 only
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def load(bench: Bench, url: str, *, duration: float) -> dict:
    """Run the load generator as a separate process against one URL; returns its JSON report."""
    options = bench.options
    if options.tool == "wrk":
        args = [
            "wrk",
            "-t1",
            f"-c{options.concurrency}",
            f"-d{max(1, round(duration))}s",  # wrk takes whole seconds
            "--timeout",
            f"{TIMEOUT_S}s",
            "-H",
            "Accept-Language: tr",
            "-s",
            str(BENCH / "wrk_report.lua"),
            url,
        ]
    else:
        args = [
            PYTHON,
            str(BENCH / "load.py"),
            url,
            "--concurrency",
            str(options.concurrency),
            "--duration",
            str(duration),
            "--requests",
            str(options.max_requests),
        ]
    result = subprocess.run(args, capture_output=True, text=True, timeout=duration + 60)
    for line in result.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            report = json.loads(line[len("WRK_JSON ") :])
            report["rps"] = round(report["requests"] / report["duration_s"], 1) if report["duration_s"] else 0
            report["errors"] = report["socket_errors"] + report["status_errors"] + report["timeouts"]
            if report["requests"] == 0:
                # No response within the load generator's timeout: there are no latencies to report.
                for key in ("p50_ms", "p95_ms", "p99_ms", "max_ms", "mean_ms"):
                    report[key] = None
            return report
    raise SystemExit(
        f"load generator gave no report for {url}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
    )


def measure_pages(bench: Bench, server: Server, urls: dict, keys, *, duration: float, warm: bool) -> dict:
    results = {}
    for key in keys:
        url = urls.get(key)
        if not url:
            results[key] = {"skipped": "no URL (no data for it)"}
            continue
        status, _headers = fetch(server.base_url + url)
        if status == 404:
            results[key] = {"url": url, "status": 404, "skipped": "404: the feature has not landed"}
            log(f"  {key:<11} {url} -> 404, skipped (feature not landed)")
            continue
        if status != 200:
            results[key] = {"url": url, "status": status, "skipped": f"HTTP {status}"}
            log(f"  {key:<11} {url} -> HTTP {status}, skipped")
            continue
        load(bench, server.base_url + url, duration=bench.options.warmup)  # warm every worker (and the cache)
        cache_state = fetch(server.base_url + url)[1].get("X-Cache", "") if warm else ""
        report = load(bench, server.base_url + url, duration=duration)
        report.update(url=url, status=status, x_cache=cache_state)
        results[key] = report
        log(
            f"  {key:<11} {report['rps']:>8.1f} req/s  p50 {fmt(report['p50_ms']):>7}"
            f"  p95 {fmt(report['p95_ms']):>7}  p99 {fmt(report['p99_ms']):>7} ms  errors {report['errors']}"
            + (f" (of which timeouts > {TIMEOUT_S} s: {report['timeouts']})" if report["timeouts"] else "")
            + (f"  X-Cache {cache_state or '-'}" if warm else "")
        )
    return results


def flush_redis(url: str) -> bool:
    try:
        import redis

        redis.Redis.from_url(url).flushdb()
        return True
    except Exception as error:  # any failure of Redis means "no warm run", never a crash
        log(f"Redis at {url} unusable ({error}); warm run skipped")
        return False


# --- the run -------------------------------------------------------------------------------------------


def full_run(bench: Bench, urls: dict) -> dict:
    keys = [key for key, _ in PAGES]
    duration = bench.options.duration
    log("cold run: no REDIS_URL, so the production settings leave the page cache off")
    with serving(bench, redis_url=None, label="cold") as server:
        cold = measure_pages(bench, server, urls, keys, duration=duration, warm=False)
        cold["minimal_end"] = measure_pages(bench, server, urls, ["minimal"], duration=duration, warm=False)[
            "minimal"
        ]
        cold_rss = server.peak_rss_mb()
    warm, warm_rss = {}, {}
    if bench.options.redis_url and flush_redis(bench.options.redis_url):
        log(f"warm run: REDIS_URL={bench.options.redis_url}, page cache primed by the warm-up")
        with serving(bench, redis_url=bench.options.redis_url, label="warm") as server:
            warm = measure_pages(bench, server, urls, keys, duration=duration, warm=True)
            warm["minimal_end"] = measure_pages(
                bench, server, urls, ["minimal"], duration=duration, warm=True
            )["minimal"]
            warm_rss = server.peak_rss_mb()
        flush_redis(bench.options.redis_url)
    return {"cold": cold, "warm": warm, "peak_rss_mb": {"cold": cold_rss, "warm": warm_rss}}


def scale_run(bench: Bench, urls: dict, queries: dict) -> dict:
    with serving(bench, redis_url=None, label="scale") as server:
        pages = measure_pages(
            bench, server, urls, SCALE_PAGES, duration=bench.options.scale_duration, warm=False
        )
    return {
        key: {**pages.get(key, {}), "queries": queries.get(key, {}).get("queries")} for key in SCALE_PAGES
    }


def first_view_run(bench: Bench, urls: dict) -> dict:
    """Library and search with the search result cache off: every request computes its result, as the
    first view of a query after any publish does (repeated views are answered from the kept result)."""
    bench.result_cache = False
    try:
        with serving(bench, redis_url=None, label="first-view") as server:
            return measure_pages(
                bench, server, urls, FIRST_VIEW_PAGES, duration=bench.options.scale_duration, warm=False
            )
    finally:
        bench.result_cache = True


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: small data, short loads")
    parser.add_argument("--keep-db", action="store_true", help="reuse the database if it exists; keep it")
    parser.add_argument("--count", type=int, help="practices for the main table (default 10000; quick 300)")
    parser.add_argument("--scales", help="comma-separated practice counts (default 1000,10000,50000)")
    parser.add_argument("--duration", type=float, help="seconds of load per page (default 10; quick 3)")
    parser.add_argument("--scale-duration", type=float, help="seconds of load per scale page (default 5)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up load per page")
    parser.add_argument("--concurrency", type=int, default=4, help="open connections of the load generator")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (2 cores: 3)")
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--conn-max-age", type=int, default=60, help="CONN_MAX_AGE of the served app")
    parser.add_argument("--max-requests", type=int, default=200_000, help="request bound of load.py")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--visits", type=int, default=1000, help="mentorship visits and adoptions to seed")
    parser.add_argument("--db", default="atlas_bench")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", PG_DEFAULT))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", REDIS_DEFAULT))
    parser.add_argument("--no-redis", action="store_const", const="", dest="redis_url", help="skip warm run")
    parser.add_argument("--budget-minutes", type=float, default=15, help="skip scales predicted to overrun")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--elasticsearch-url",
        default="",
        help="also measure the library and search with SEARCH_BACKEND=elasticsearch at the largest scale "
        "(e.g. http://127.0.0.1:9200 from deploy/elasticsearch/start.sh); index atlas-bench",
    )
    options = parser.parse_args(argv)
    if options.quick:
        options.count = options.count or 300
        options.scales = options.scales or "100,300"
        options.duration = options.duration or 3
        options.scale_duration = options.scale_duration or 2
        options.visits = min(options.visits, 200)
    options.count = options.count or 10_000
    options.scales = sorted(
        {int(s) for s in (options.scales or "1000,10000,50000").split(",") if s} | {options.count}
    )
    options.duration = options.duration or 10
    options.scale_duration = options.scale_duration or 5
    if options.tool == "auto":
        options.tool = "wrk" if shutil.which("wrk") else "python"
    return options


def main(argv=None) -> None:
    options = parse_args(argv)
    bench = Bench(options)
    budget = options.budget_minutes * 60
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": machine_description(),
        "load_average_start": load_average(),
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(options).items()},
    }
    result["machine"]["postgresql"] = postgres_version(bench)
    log(f"machine: {result['machine']}; load average {result['load_average_start']}; tool {options.tool}")

    reused = recreate_database(bench)
    bench.manage("migrate", "migrate", "--noinput", "--skip-checks")
    if not reused:
        if command_exists(bench, "load_demo"):
            bench.manage("load_demo", "load_demo")
        else:
            bench.notes.append("load_demo does not exist yet: no demo data loaded.")
    bench.manage("collectstatic", "collectstatic", "--noinput", "--clear")
    log(f"setup: {bench.timings}")

    scales, generation, main_table, queries_main, urls_main = {}, {}, None, None, None
    for index, scale in enumerate(options.scales):
        elapsed = time.monotonic() - STARTED
        if index and generation:
            last = list(generation.values())[-1]
            rate = last["generated"] / last["seconds"] if last["seconds"] else None
            previous = bench.probe("counts")["practices"]
            predicted = (scale - previous) / rate if rate else 0
            if elapsed + predicted + 60 > budget and scale != options.count:
                note = (
                    f"scale {scale} skipped: generating {scale - previous} more practices would take about "
                    f"{predicted / 60:.1f} min at {rate:.0f}/s, past the "
                    f"{options.budget_minutes:.0f} min budget"
                    " (raise --budget-minutes to run it)."
                )
                bench.notes.append(note)
                log(note)
                continue
        generation[scale] = grow_practices(bench, scale)
        if scale == options.count and options.visits:
            seeded = bench.probe(
                "seed-mentorship", "--visits", str(options.visits), "--adoptions", str(options.visits)
            )
            result["mentorship_seed"] = seeded
            log(f"mentorship rows: {seeded}")
        analyze(bench)
        found = bench.probe("discover")
        urls = found["urls"]
        if found["counts"]["practices"] != scale:
            bench.notes.append(
                f"scale {scale} was measured with {found['counts']['practices']} live practices "
                "(a kept database already had more, or generation fell short)."
            )
        log(f"{found['counts']} -> URLs {urls}")
        queries = bench.probe("queries", json.dumps(urls))
        if scale == options.count:
            urls_main, queries_main = urls, queries
            main_table = full_run(bench, urls)
            scales[scale] = {
                key: {**main_table["cold"].get(key, {}), "queries": queries.get(key, {}).get("queries")}
                for key in SCALE_PAGES
            }
        else:
            log(f"scale {scale}: library, practice and search, page cache off")
            scales[scale] = scale_run(bench, urls, queries)
        log(f"scale {scale}: library and search as first views (search result cache off)")
        scales[scale]["first_view"] = first_view_run(bench, urls)
        scales[scale]["counts"] = found["counts"]

    if options.elasticsearch_url and scales:
        largest = max(scales)
        log(f"elasticsearch at {largest} practices: search_index --rebuild, then library and search")
        bench.search_backend = "elasticsearch"
        bench.manage(f"search_index-rebuild-{largest}", "search_index", "--rebuild")
        queries = bench.probe("queries", json.dumps(urls))
        result["elasticsearch"] = {str(largest): scale_run(bench, urls, queries)}
        bench.search_backend = "database"

    result.update(
        urls=urls_main,
        queries=queries_main,
        pages=main_table,
        scales={str(k): v for k, v in scales.items()},
        generation={str(k): v for k, v in generation.items()},
        setup_seconds=bench.timings,
        load_average_end=load_average(),
        total_seconds=round(time.monotonic() - STARTED, 1),
    )
    result["targets"] = evaluate_targets(result)
    result["notes"] = bench.notes

    if not options.keep_db:
        import psycopg

        with psycopg.connect(f"{options.pg_url}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{options.db}" WITH (FORCE)')
    write_results(result, options)


# --- report --------------------------------------------------------------------------------------------


def evaluate_targets(result: dict) -> list[dict]:
    targets = []
    pages = result.get("pages") or {}
    cold, warm = pages.get("cold", {}), pages.get("warm", {})
    queries = result.get("queries") or {}
    for key, limit in P95_TARGETS_MS.items():
        entry = cold.get(key, {})
        p95, value, met = entry.get("p95_ms"), entry.get("p95_ms"), None
        if entry.get("requests") == 0:
            value, met = f"no response completed within the {entry.get('duration_s')} s load", False
        elif entry.get("timeouts"):
            value, met = f"{p95} ({entry['timeouts']} requests over {TIMEOUT_S} s)", False
        elif p95 is not None:
            met = p95 < limit
        targets.append({"target": f"uncached p95 of {key} < {limit} ms", "value": value, "met": met})
    main_scale = result.get("scales", {}).get(str(result["options"]["count"]), {})
    for key in FIRST_VIEW_PAGES:
        entry = (main_scale.get("first_view") or {}).get(key, {})
        if "p95_ms" in entry:
            limit = P95_TARGETS_MS[key]
            targets.append(
                {
                    "target": f"uncached p95 of {key} < {limit} ms, first view (search result cache off)",
                    "value": entry["p95_ms"],
                    "met": entry["p95_ms"] < limit,
                }
            )
    for key, _ in PAGES:
        if key in NON_PAGES or key not in queries or queries[key].get("status") != 200:
            continue
        count = queries[key]["queries"]
        targets.append(
            {
                "target": f"{key}: < {MAX_QUERIES} SQL queries uncached",
                "value": count,
                "met": count < MAX_QUERIES,
            }
        )
    scale_keys = sorted(result.get("scales", {}), key=int)
    small = [k for k in scale_keys if int(k) >= 1000][:1]
    if (
        small
        and small[0] != str(result["options"]["count"])
        and str(result["options"]["count"]) in scale_keys
    ):
        count = result["options"]["count"]
        a, b = result["scales"][small[0]], result["scales"][str(count)]
        for key in SCALE_PAGES:
            qa, qb = a.get(key, {}).get("queries"), b.get(key, {}).get("queries")
            if qa is not None and qb is not None:
                targets.append(
                    {
                        "target": f"{key}: same query count at {small[0]} and {count} practices",
                        "value": f"{qa} vs {qb}",
                        "met": qa == qb,
                    }
                )
    # Issue 13: library and search with facets both under 200 ms p95 at 50,000 practices (database backend),
    # as repeated views and as first views (search result cache off).
    at_50k = result.get("scales", {}).get("50000", {})
    for key in ("library", "search"):
        for entry, how in (
            (at_50k.get(key), ""),
            ((at_50k.get("first_view") or {}).get(key), ", first view"),
        ):
            if entry is not None and "p95_ms" in entry:
                targets.append(
                    {
                        "target": f"uncached p95 of {key} < {LARGE_P95_TARGET_MS} ms at 50000 practices{how}",
                        "value": entry["p95_ms"],
                        "met": entry["p95_ms"] < LARGE_P95_TARGET_MS,
                    }
                )
    minimal = minimal_rps(warm)
    for key, _ in PAGES:
        entry = warm.get(key, {})
        if key in NON_PAGES or "rps" not in entry or not minimal:
            continue
        ratio = entry["rps"] / minimal
        cached = entry.get("x_cache") == "HIT"
        targets.append(
            {
                "target": f"{key}: cached throughput >= {CACHED_RATIO_TARGET:.0%} of the minimal view",
                "value": f"{ratio:.0%}" + ("" if cached else " (not cached: query page, by design)"),
                "met": ratio >= CACHED_RATIO_TARGET if cached else None,
            }
        )
    return targets


def minimal_rps(run: dict) -> float | None:
    """The minimal view's throughput, averaged over its measurements at the start and end of the run, so
    a burst of other work on the machine during one of them weighs less."""
    values = [v for v in (run.get("minimal", {}).get("rps"), run.get("minimal_end", {}).get("rps")) if v]
    return sum(values) / len(values) if values else None


def fmt(value, digits=1) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def markdown(result: dict) -> str:
    options, machine = result["options"], result["machine"]
    lines = [
        f"# Benchmark {result['date']} ({'quick smoke run' if options['quick'] else 'full run'})",
        "",
        f"- Machine: {machine['nproc']} CPU ({machine['cpu_model']}), {machine['memory_gb']} GB RAM, "
        f"PostgreSQL {machine['postgresql']}, Python {machine['python']}, kernel {machine['kernel']}",
        f"- Load average (1/5/15 min) at start {result['load_average_start']}, "
        f"at end {result['load_average_end']} (other processes on the machine share the cores with the "
        "server, PostgreSQL and the load generator)",
        f"- Commit {result['commit']}; gunicorn {options['workers']} {options['worker_class']} workers"
        f" (threads {options['threads']}), CONN_MAX_AGE={options['conn_max_age']}; load generator "
        f"{options['tool']} with {options['concurrency']} connections, {options['duration']} s per page "
        f"after {options['warmup']} s warm-up, on 127.0.0.1",
        f"- Data: {result['scales'].get(str(options['count']), {}).get('counts', {})}; total run "
        f"{result['total_seconds'] / 60:.1f} min; setup {result['setup_seconds']}",
        "",
    ]
    pages = result.get("pages") or {}
    cold, warm = pages.get("cold", {}), pages.get("warm", {})
    queries = result.get("queries") or {}
    cold_min, warm_min = minimal_rps(cold), minimal_rps(warm)
    lines += [
        f"## Pages at {options['count']} practices",
        "",
        "Cold = no page cache (production settings without REDIS_URL); warm = Redis page cache primed. "
        "Ratio = throughput / the minimal view's throughput in the same run (mean of its measurements at "
        "the start and the end of the run: "
        f"cold {fmt(cold.get('minimal', {}).get('rps'))} and {fmt(cold.get('minimal_end', {}).get('rps'))}, "
        f"warm {fmt(warm.get('minimal', {}).get('rps'))} and {fmt(warm.get('minimal_end', {}).get('rps'))} "
        "req/s). Queries = SQL queries of an uncached request (after one warm-up request), and of a "
        "page-cache hit.",
        "",
        "| page | cold req/s | cold ratio | cold p50 / p95 / p99 ms | warm req/s | warm ratio"
        " | warm p50 / p95 / p99 ms | X-Cache | errors cold / warm | queries uncached / cached |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for key, label in PAGES:
        c, w, q = cold.get(key, {}), warm.get(key, {}), queries.get(key, {})
        if "skipped" in c:
            lines.append(f"| {label} | skipped: {c['skipped']} | | | | | | | | |")
            continue

        def ratio(entry, base):
            return f"{entry['rps'] / base:.2f}" if entry.get("rps") and base else "–"

        def lat(entry):
            if "p50_ms" not in entry:
                return "–"
            if not entry.get("requests"):
                return f"no response completed in {entry.get('duration_s')} s"
            return f"{entry['p50_ms']:.1f} / {entry['p95_ms']:.1f} / {entry['p99_ms']:.1f}"

        def errors(entry):
            if "requests" not in entry:
                return "–"
            count = entry.get("errors", entry["socket_errors"] + entry["status_errors"] + entry["timeouts"])
            return f"{count}" + (f" ({entry['timeouts']} timeouts)" if entry.get("timeouts") else "")

        query_cell = (
            "–"
            if key in NON_PAGES and key != "minimal"
            else f"{fmt(q.get('queries'))} / {fmt(q.get('queries_cached'))}"
        )
        lines.append(
            f"| {label} | {fmt(c.get('rps'))} | {ratio(c, cold_min)} | {lat(c)} | {fmt(w.get('rps'))} | "
            f"{ratio(w, warm_min)} | {lat(w)} | {w.get('x_cache') or '–'} | {errors(c)} / {errors(w)} | "
            f"{query_cell} |"
        )
    rss = pages.get("peak_rss_mb", {})
    lines += [
        "",
        f"Peak RSS of a gunicorn worker (VmHWM): cold {fmt(rss.get('cold', {}).get('max'))} MB "
        f"(workers {rss.get('cold', {}).get('workers')}), warm {fmt(rss.get('warm', {}).get('max'))} MB "
        f"(workers {rss.get('warm', {}).get('workers')}).",
        "",
        "## Scale: cost as the library grows (page cache off)",
        "",
        "| practices | library: queries, p95 ms | practice: queries, p95 ms | search: queries, p95 ms"
        " | generation time |",
        "|---:|---:|---:|---:|---:|",
    ]
    for scale, entry in sorted(result["scales"].items(), key=lambda item: int(item[0])):
        cells = []
        for key in SCALE_PAGES:
            page = entry.get(key, {})
            if "skipped" in page:
                cells.append(f"skipped ({page.get('status', '')})")
            else:
                p95 = fmt(page.get("p95_ms")) if page.get("requests") else f"> {page.get('duration_s')} s"
                cells.append(f"{fmt(page.get('queries'))}, {p95}")
        gen = result["generation"].get(scale, {})
        lines.append(
            f"| {scale} | {' | '.join(cells)} | {fmt(gen.get('seconds'))} s for {gen.get('generated', 0)} |"
        )
    lines += [
        "",
        "## First views: library and search with the search result cache off (page cache off)",
        "",
        "Each request computes its result, as the first view of a query after a publish does; the scale",
        "table above answers repeated views from the kept result (search/result_cache.py).",
        "",
        "| practices | library p50 / p95 ms | search p50 / p95 ms |",
        "|---:|---:|---:|",
    ]
    for scale, entry in sorted(result["scales"].items(), key=lambda item: int(item[0])):
        first = entry.get("first_view") or {}
        cells = [
            f"{fmt(first.get(key, {}).get('p50_ms'))} / {fmt(first.get(key, {}).get('p95_ms'))}"
            for key in FIRST_VIEW_PAGES
        ]
        lines.append(f"| {scale} | {' | '.join(cells)} |")
    for scale, entry in (result.get("elasticsearch") or {}).items():
        lines += [
            "",
            f"## Elasticsearch backend at {scale} practices (page cache off)",
            "",
            "| page | queries | p50 / p95 / p99 ms | req/s |",
            "|---|---:|---:|---:|",
        ]
        for key in SCALE_PAGES:
            page = entry.get(key, {})
            latency = (
                f"{fmt(page.get('p50_ms'))} / {fmt(page.get('p95_ms'))} / {fmt(page.get('p99_ms'))}"
                if page.get("requests")
                else "–"
            )
            lines.append(f"| {key} | {fmt(page.get('queries'))} | {latency} | {fmt(page.get('rps'))} |")
    lines += ["", "## Targets (issues 6 and 13)", "", "| target | measured | met |", "|---|---|---|"]
    for target in result["targets"]:
        met = {True: "yes", False: "**no**", None: "n/a"}[target["met"]]
        lines.append(f"| {target['target']} | {fmt(target['value'])} | {met} |")
    if result["notes"]:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in result["notes"]]
    if result.get("urls"):
        lines += ["", "## URLs measured", ""] + [f"- {k}: `{v}`" for k, v in result["urls"].items() if v]
    return "\n".join(lines) + "\n"


def write_results(result: dict, options) -> None:
    machine = result["machine"]
    name = f"{datetime.date.today().isoformat()}-{machine['nproc']}cpu-{round(machine['memory_gb'])}gb"
    if options.quick:
        name += "-quick"
    options.output.mkdir(parents=True, exist_ok=True)
    json_path, md_path = options.output / f"{name}.json", options.output / f"{name}.md"
    json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    md_path.write_text(markdown(result))
    print()
    print(md_path.read_text())
    log(f"wrote {json_path} and {md_path}")


if __name__ == "__main__":
    main()
