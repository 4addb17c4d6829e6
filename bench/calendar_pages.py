"""Time the calendar's HTML views and its iCalendar feeds in-process:
``python -m bench.calendar_pages [--runs 7] [--profile PATH]``.

Run it after ``python -m bench.events --events 50000`` on the same ``DATABASE_URL`` (and after
``manage.py load_demo``, which makes the site and its /sv/kalender/ page). It uses the benchmark's
production settings (``bench.settings``: DEBUG off, cached templates, no response cache), so the
figures are the uncached work of one request. For each path it prints the median and fastest of
``--runs`` requests, the queries and their time, and the size of the answer; ``--profile`` prints
the functions taking the most time in one more request of that path.
"""

import argparse
import cProfile
import datetime
import os
import pstats
import statistics
import sys
import time

os.environ.setdefault("BENCH_CACHE", "none")


def paths(today):
    """The month after next (inside every generated weekly series), a week and a day in it."""
    first = (today.replace(day=1) + datetime.timedelta(days=62)).replace(day=1)
    crowded = first + datetime.timedelta(days=14)
    year, week, _weekday = crowded.isocalendar()
    return [
        f"/sv/kalender/manad/{first:%Y-%m}/",
        f"/sv/kalender/vecka/{year}-W{week:02d}/",
        f"/sv/kalender/dag/{crowded.isoformat()}/",
        f"/sv/kalender/?start={first.isoformat()}",
        "/calendar.ics",
        "/calendar/all.ics",
    ]


def measure(client, path, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, sql = [], []
    for _run in range(runs):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(path)
            body = b"".join(response) if response.streaming else response.content
            timings.append(time.perf_counter() - began)
        sql.append(sum(float(query["time"]) for query in queries.captured_queries))
    return {
        "status": response.status_code,
        "median ms": round(statistics.median(timings) * 1000),
        "min ms": round(min(timings) * 1000),
        "queries": len(queries),
        "sql ms": round(statistics.median(sql) * 1000),
        "KB": round(len(body) / 1024),
    }


def profile(client, path, limit=25):
    profiler = cProfile.Profile()
    profiler.enable()
    response = client.get(path)
    if response.streaming:
        b"".join(response)
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stdout).sort_stats(
        os.environ.get("BENCH_SORT", "cumulative")
    ).print_stats(limit)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", help="time only the paths containing this text")
    parser.add_argument("--profile", help="profile one request of the paths containing this")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from apps.events.models import EventOccurrence, EventPage

    print(
        f"database: {settings.DATABASES['default']['ENGINE']} "
        f"{settings.DATABASES['default']['NAME']}; {EventPage.objects.count()} events, "
        f"{EventOccurrence.objects.count()} stored occurrences"
    )
    client = Client(HTTP_HOST="localhost")
    for path in paths(timezone.localdate()):
        if args.only and args.only not in path:
            continue
        measure(client, path, 1)  # fills the caches a later request finds (feed texts, choices)
        figures = measure(client, path, args.runs)
        print(path, " ".join(f"{key}: {value}" for key, value in figures.items()), flush=True)
        if args.profile and args.profile in path:
            profile(client, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
