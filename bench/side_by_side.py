"""Bygd's domain API and pages against Wagtail's own API v2, over HTTP, on the same rows, in one run:
``python -m bench.side_by_side`` (``make bench``).

For each database (SQLite under var/, and PostgreSQL when ``--postgres URL`` is given) it fills
the data once (``--projects`` bilingual projects, ``--events`` events with 20 % weekly, Wagtail's
search index for v2's ``search=``), serves the site with gunicorn (two workers) and loads it with
wrk, alternating Bygd and its anchor round by round so that the machine's noise falls on both.
It prints the table of issue 19: requests per second (medians of the rounds), their ratio, and
each row's goal. Read the ratios, not the absolute numbers: they depend on what else runs.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import http_server

ROOT = Path(__file__).resolve().parent.parent
SQLITE_URL = "sqlite:///" + str(ROOT / "var" / "bench-http-{projects}-{events}.sqlite3")


def month_window(today=None):
    """The month after next: inside every generated weekly series, not at its edges."""
    today = today or datetime.date.today()
    first = (today.replace(day=1) + datetime.timedelta(days=62)).replace(day=1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return first, last


def comparisons(first, last):
    """(label, Bygd's path, anchor path or None, goal ratio or goal ms, kind) rows."""
    events_fields = "summary,start_date,start_time,end_time,venue,organiser,is_free,status"
    return [
        (
            "`/api/events/` one month, 50 per page vs v2 pages of type EventPage",
            f"/api/events/?start={first}&end={last}&page_size=50",
            f"/api/v2/pages/?type=events.EventPage&fields={events_fields}&limit=50",
            5.0,
        ),
        (
            "`/api/projects/?q=kulturhus&theme=culture` (facets) vs v2 `search=kulturhus`",
            "/api/projects/?q=kulturhus&theme=culture",
            "/api/v2/pages/?type=projects.ProjectPage&search=kulturhus",
            3.0,
        ),
    ]


def pages(first):
    """(label, path, goal ms) rows timed on their own."""
    return [
        ("`/sv/projekt/` (no query)", "/sv/projekt/", 150),
        (f"`/sv/kalender/manad/{first:%Y-%m}/`", f"/sv/kalender/manad/{first:%Y-%m}/", 150),
        ("`/calendar.ics` (whole feed)", "/calendar.ics", 300),
    ]


def run_django(database_url, *args):
    """A step in a child process with the bench settings, so each database gets a fresh Django."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    subprocess.run(
        [sys.executable, "-m", "bench.side_by_side", *args], cwd=ROOT, env=env, check=True
    )


def prepare(projects, events):
    """Fill the bench database up to the asked sizes; a second run reuses what is there."""
    import django

    django.setup()
    from django.core.management import call_command

    from apps.events.models import EventPage
    from apps.projects.models import ProjectPage
    from bench import events as event_data
    from bench import generate as project_data

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    if not ProjectPage.objects.exists():
        with open(os.devnull, "w") as devnull:
            call_command("load_demo", stdout=devnull)
    generated = ProjectPage.objects.filter(
        identifier__startswith="BENCH-", locale__language_code="sv"
    )
    have = generated.count()
    if have == 0:
        project_data.generate(projects, seed=1)
        call_command("update_project_search", verbosity=0)
    elif have != projects:
        raise SystemExit(f"the bench database holds {have} generated projects, not {projects}")
    _index_projects()
    calendar = event_data.ensure_calendar(lambda message: None)
    have = EventPage.objects.filter(slug__startswith="bench-").count()
    if have == 0:
        event_data.generate(calendar, events, lambda message: None)
    elif have != events:
        raise SystemExit(f"the bench database holds {have} generated events, not {events}")
    _analyze()
    print(
        f"data: {ProjectPage.objects.count()} project pages, {EventPage.objects.count()} events",
        file=sys.stderr,
    )


def _analyze():
    """Fresh statistics for PostgreSQL's planner and a set visibility map, as autovacuum would
    have on a live site: right after bulk writes and migrations it has no statistics (a
    migration's new table too) and plans blind, which put 5.8 s on a 170 ms facet query in one
    run; without the vacuum, index-only scans read every row's heap page, and the project search
    measured 55 ms of SQL in place of 28 ms, depending on whether autovacuum had come by yet."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _index_projects():
    """Wagtail's search index for v2's ``search=``, filled for projects only: that is the anchor
        the project search is compared with, and indexing every page type would take most of the run.
    Skipped when every project is in the index already."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from apps.projects.models import ProjectPage

    backend = get_search_backend()
    queryset = ProjectPage.objects.order_by("pk")
    content_type = ContentType.objects.get_for_model(ProjectPage)
    if IndexEntry.objects.filter(content_type=content_type).count() >= queryset.count():
        return
    for start in range(0, queryset.count(), 1000):
        backend.add_bulk(ProjectPage, list(queryset[start : start + 1000]))


def _rounds(urls, rounds, seconds, connections):
    """Median requests per second for each URL, interleaved round by round."""
    results = {url: [] for url in urls}
    for _ in range(rounds):
        for url in urls:
            rate = http_server.wrk(url, seconds, connections)
            if rate == 0:
                # Slower than one answer per round: time one request instead.
                rate = 1000 / _latency_ms(url, 1)
            results[url].append(rate)
    return {url: statistics.median(values) for url, values in results.items()}


def _latency_ms(url, times):
    """Median time of one request on an idle server: what a visitor waits for a page."""
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        http_server.fetch(url)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def measure(database_url, args):
    env = {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_CACHE": "none",
    }
    first, last = month_window()
    rows = []
    with http_server.gunicorn("cms.wsgi", env, warm=["/api/events/"]) as (base, _pid):
        for label, bygd, anchor, goal in comparisons(first, last):
            http_server.fetch(base + bygd), http_server.fetch(base + anchor)
            rates = _rounds([base + bygd, base + anchor], args.rounds, args.seconds, 2)
            ours, theirs = rates[base + bygd], rates[base + anchor]
            rows.append((label, f"{ours:.1f} req/s", f"{theirs:.1f} req/s", ours / theirs, goal))
        for label, path, goal_ms in pages(first):
            size = len(http_server.fetch(base + path))
            took = _latency_ms(base + path, args.rounds * 3)
            rows.append((label, f"{took:.0f} ms ({size / 1024:.0f} KB)", "", None, goal_ms))
        body = http_server.fetch(base + cached_path(first, last))
    rows.extend(cached_rows(env, body, first, last, args))
    return rows


def cached_path(first, last):
    return f"/api/events/?start={first}&end={last}&page_size=50"


def measure_cached(database_url, args):
    """Only the cached rows (``--only cached``): the answer is computed once by a server without
    the response cache, then served cached against its bytes from memory."""
    env = {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_CACHE": "none",
    }
    first, last = month_window()
    with http_server.gunicorn("cms.wsgi", env) as (base, _pid):
        body = http_server.fetch(base + cached_path(first, last))
    return cached_rows(env, body, first, last, args)


#: (BENCH_CACHE, label, settings from the environment) of each cached row: the default keeps the
#: promise that no stale answer is served after a change; the last row trades up to a second of
#: it for hits without a Redis round trip (README "Scaling").
CACHED_SETUPS = [
    ("locmem", "local memory", {}),
    ("redis", "Redis", {}),
    ("redis", "Redis, `BYGD_CACHE_VERSION_HOLD_MS=1000`", {"BYGD_CACHE_VERSION_HOLD_MS": "1000"}),
]


def cached_rows(env, body, first, last, args):
    """A cached answer against the same bytes returned from memory by a bare WSGI app."""
    path = cached_path(first, last)
    with tempfile.NamedTemporaryFile(delete=False) as recorded:
        recorded.write(body)
    rows = []
    try:
        anchor_env = {"BENCH_BODY_FILE": recorded.name}
        with http_server.gunicorn("bench.bytes_app", anchor_env) as (anchor, _pid):
            for cache, label, settings in CACHED_SETUPS:
                server_env = {**env, "BENCH_CACHE": cache, **settings}
                with http_server.gunicorn("cms.wsgi", server_env) as (base, _):
                    for _ in range(4):
                        http_server.fetch(base + path)
                    rates = _rounds([base + path, anchor + "/"], args.rounds, args.seconds, 2)
                    ours, theirs = rates[base + path], rates[anchor + "/"]
                    rows.append(
                        (
                            f"cached `/api/events/` ({label}) vs the same bytes from memory",
                            f"{ours:.0f} req/s",
                            f"{theirs:.0f} req/s",
                            ours / theirs,
                            0.5,
                        )
                    )
    finally:
        os.unlink(recorded.name)
    return rows


def memory(database_url, first, last, total):
    """Worker RSS after the first request and after ``total`` mixed requests (half-way too, to see
    whether it still grows)."""
    env = {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    paths = [
        f"/api/events/?start={first}&end={last}&page_size=50",
        "/api/projects/?q=kulturhus&theme=culture",
        "/api/projects/?theme=events",
        "/sv/projekt/",
        f"/sv/kalender/manad/{first:%Y-%m}/",
        "/sv/kalender/",
        "/api/v2/pages/?type=projects.ProjectPage&limit=20",
    ]
    with http_server.gunicorn("cms.wsgi", {**env, "BENCH_CACHE": "none"}, warm=paths[:1]) as (
        base,
        pid,
    ):
        after_first = http_server.worker_rss_mb(pid)
        http_server.mixed_requests(base, paths, total // 2)
        half = http_server.worker_rss_mb(pid)
        http_server.mixed_requests(base, paths, total // 2)
        full = http_server.worker_rss_mb(pid)
    return after_first, half, full


def _verdict(ratio, goal, text):
    if ratio is None:
        value = float(text.split()[0])
        return "met" if value <= goal else "not met", f"≤ {goal} ms"
    return ("met" if ratio >= goal else "not met"), f"≥ {goal}×"


def report(name, rows, rss, total):
    print(f"\n### {name}\n")
    print("| what (uncached unless named) | Bygd | anchor | ratio | goal | |")
    print("|---|---|---|---|---|---|")
    for label, ours, theirs, ratio, goal in rows:
        verdict, goal_text = _verdict(ratio, goal, ours)
        ratio_text = f"{ratio:.2f}×" if ratio is not None else ""
        print(f"| {label} | {ours} | {theirs} | {ratio_text} | {goal_text} | {verdict} |")
    if rss is None:
        return
    after_first, half, full = rss
    grown = max(f - h for f, h in zip(full, half, strict=True))
    worst = max(full)
    print(
        f"| worker RSS after 1 / {total // 2} / {total} mixed requests | "
        f"{_mb(after_first)} / {_mb(half)} / {_mb(full)} MB | | | ≤ 200 MB, no growth in the last "
        f"half | {'met' if worst <= 200 and grown <= 5 else 'not met'} |"
    )


def _mb(sizes):
    return ", ".join(f"{size:.0f}" for size in sizes)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", nargs="?", default="all", choices=["all", "prepare"])
    parser.add_argument("--projects", type=int, default=20000)
    parser.add_argument("--events", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=3, help="length of one wrk round")
    parser.add_argument("--mixed", type=int, default=10000, help="requests for the memory row")
    parser.add_argument("--sqlite", default=SQLITE_URL, help="SQLite database URL ('' skips)")
    parser.add_argument("--postgres", default="", help="PostgreSQL database URL to fill and use")
    parser.add_argument(
        "--only",
        choices=["cached"],
        help="measure only the cached answers against the same bytes from memory",
    )
    args = parser.parse_args(argv)
    if args.step == "prepare":
        prepare(args.projects, args.events)
        return 0
    sqlite = args.sqlite.format(projects=args.projects, events=args.events)
    databases = [(n, url) for n, url in (("SQLite", sqlite), ("PostgreSQL", args.postgres)) if url]
    started = time.monotonic()
    results = {}
    for name, url in databases:
        run_django(url, "prepare", f"--projects={args.projects}", f"--events={args.events}")
        first, last = month_window()
        rows = (measure_cached if args.only == "cached" else measure)(url, args)
        for row in rows:
            print(f"{name}: {row}", file=sys.stderr)
        rss = None if args.only else memory(url, first, last, args.mixed)
        results[name] = (rows, rss)
    print(
        f"\n## Side by side, {datetime.date.today()}: {args.projects} projects, {args.events} "
        f"events, gunicorn 2 workers, wrk, medians of {args.rounds} rounds of {args.seconds} s"
    )
    for name, (rows, rss) in results.items():
        report(name, rows, rss, args.mixed)
    print(f"\n(run took {time.monotonic() - started:.0f} s)")
    print(json.dumps({"databases": [n for n, _ in databases]}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
