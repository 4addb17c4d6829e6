"""What the shared response cache saves: median time of an API/feed answer computed (cache
emptied by a content change before every request), served from the cache, and revalidated (304).
`python -m bench.api_cache [--runs 15]`; run `python -m bench.generate` against the same
DATABASE_URL first for realistic sizes."""

import argparse
import statistics
import sys
import time

from bench.setup import django_setup

PATHS = [
    "/api/projects/?theme=culture&locale=en",
    "/api/events/?locale=en",
    "/calendar.ics",
    "/api/calls/?locale=en",
]


def _median_ms(client, path, runs, before=None, **headers):
    times = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(path, HTTP_HOST="127.0.0.1", **headers)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, response


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    django_setup()
    from django.conf import settings
    from django.test import Client

    from apps.core import content_version
    from apps.projects.models import ProjectPage

    settings.BYGD_API_ANON_RATE = None
    client = Client()
    print(f"projects: {ProjectPage.objects.count()}", file=sys.stderr)
    for path in PATHS:
        miss, response = _median_ms(client, path, args.runs, before=content_version.bump)
        assert response.status_code == 200, response.content[:300]
        hit, response = _median_ms(client, path, args.runs)
        etag = response["ETag"]
        revalidated, response = _median_ms(client, path, args.runs, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        print(
            f"{path}: computed {miss:.1f} ms, cached {hit:.1f} ms, 304 {revalidated:.1f} ms "
            f"(medians of {args.runs})"
        )


if __name__ == "__main__":
    main()
