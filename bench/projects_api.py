"""Median time of a faceted full-text project query: `python -m bench.projects_api [--runs 7]`.
Run `python -m bench.generate --projects 20000` against the same DATABASE_URL first."""

import argparse
import statistics
import sys
import time

from bench.setup import django_setup

QUERIES = [
    {"q": "kulturhus", "theme": "culture"},
    {"theme": "events", "region": "SE-08"},
    {"q": "solenergi", "year": "2020", "ordering": "amount", "currency": "SEK"},
]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    django_setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.projects.models import ProjectPage

    client = Client()
    print(f"projects: {ProjectPage.objects.count()}", file=sys.stderr)
    for params in QUERIES:
        params = {**params, "locale": "en"}
        times = []
        for run in range(args.runs):
            started = time.perf_counter()  # a new `uncached` value passes the response cache
            response = client.get(
                "/api/projects/", {**params, "uncached": str(run)}, HTTP_HOST="127.0.0.1"
            )
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, response.content[:300]
        count = response.json()["count"]
        with CaptureQueriesContext(connection) as ctx:  # `uncached` is read by no filter
            client.get("/api/projects/", {**params, "uncached": "queries"}, HTTP_HOST="127.0.0.1")
        sql = sum(len(query["sql"]) for query in ctx.captured_queries)
        print(
            f"/api/projects/?{'&'.join(f'{k}={v}' for k, v in params.items())}: "
            f"median {statistics.median(times) * 1000:.0f} ms over {args.runs} runs ({count} results, with facets); "
            f"{len(ctx.captured_queries)} queries, {sql / 1000:.1f} KB of SQL"
        )


if __name__ == "__main__":
    main()
