"""Fallback load generator when wrk is not installed: N threads, each on its own HTTP/1.1 connection to
127.0.0.1, bounded by a request count and a duration. Prints the same JSON line as wrk_report.lua."""

import argparse
import http.client
import json
import statistics
import threading
import time
from urllib.parse import urlsplit


def percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(pct / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


def worker(url, deadline, budget, lock, latencies, counters):
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("load.py only targets 127.0.0.1")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    conn = None
    while time.monotonic() < deadline:
        with lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        if conn is None:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        started = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Host": parts.netloc})
            response = conn.getresponse()
            body = response.read()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                counters["bytes"] += len(body)
                if response.status >= 400:
                    counters["status_errors"] += 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            with lock:
                counters["socket_errors"] += 1
            conn.close()
            conn = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--requests", type=int, default=100_000)
    args = parser.parse_args()
    lock = threading.Lock()
    latencies: list[float] = []
    counters = {"bytes": 0, "status_errors": 0, "socket_errors": 0}
    budget = [args.requests]
    started = time.monotonic()
    deadline = started + args.duration
    threads = [
        threading.Thread(target=worker, args=(args.url, deadline, budget, lock, latencies, counters))
        for _ in range(args.concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.monotonic() - started
    ordered = sorted(latencies)
    report = {
        "requests": len(latencies),
        "duration_s": round(duration, 3),
        "bytes": counters["bytes"],
        "socket_errors": counters["socket_errors"],
        "status_errors": counters["status_errors"],
        "timeouts": 0,
        "p50_ms": round(percentile(ordered, 50), 2),
        "p95_ms": round(percentile(ordered, 95), 2),
        "p99_ms": round(percentile(ordered, 99), 2),
        "max_ms": round(ordered[-1], 2) if ordered else 0.0,
        "mean_ms": round(statistics.fmean(ordered), 2) if ordered else 0.0,
    }
    print("WRK_JSON " + json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
