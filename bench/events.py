"""Benchmark the calendar API at scale: ``python -m bench.events --events 50000``.

Generates events (20 % weekly for a year, the rest single dates spread over a year) straight
into the tables — publishing 50 000 pages through Wagtail would take an hour and measure the
admin, not the calendar — then times a one-month ``/api/events/`` query (median of several
runs). Uses ``DATABASE_URL`` if set, otherwise its own SQLite file under var/.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'bench-events.sqlite3'}")
    (BASE_DIR / "var").mkdir(exist_ok=True)
    import django

    django.setup()


def ensure_calendar(log):
    from wagtail.models import Locale, Page

    from apps.events.models import EventIndexPage
    from cms.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Bygd", slug="hem", locale=Locale.get_default())
        Page.get_first_root_node().add_child(instance=home)
    calendar = EventIndexPage.objects.first()
    if calendar is None:
        calendar = EventIndexPage(title="Kalender", slug="kalender", locale=home.locale)
        home.add_child(instance=calendar)
        calendar.save_revision().publish()
        log("created calendar page")
    return calendar


def generate(calendar, count, log, seed=1):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from apps.events.models import EventOccurrence, EventPage, EventSeries, Venue
    from apps.events.occurrences import horizon
    from apps.events.recurrence import expand
    from apps.network.models import Organisation, Place

    rng = random.Random(seed)
    locale = calendar.locale
    municipalities = list(Place.objects.municipalities().filter(country="SE")[:30])
    organisers = [
        Organisation.objects.get_or_create(
            slug=f"bench-{n}",
            locale=locale,
            defaults={"name": f"Förening {n}", "kind": "association"},
        )[0]
        for n in range(50)
    ]
    venues = [
        Venue.objects.get_or_create(
            name=f"Bänklokal {n}", locale=locale, defaults={"municipality": municipalities[n % 30]}
        )[0]
        for n in range(30)
    ]
    content_type = ContentType.objects.get_for_model(EventPage)
    today = timezone.localdate()
    now, until = timezone.now(), horizon()
    position = calendar.numchild
    local_fields = list(EventPage._meta.local_concrete_fields)
    batch = 1000
    for offset in range(0, count, batch):
        size = min(batch, count - offset)
        pages = []
        for i in range(size):
            position += 1
            n = offset + i
            weekly = rng.random() < 0.2
            start = today + datetime.timedelta(days=rng.randrange(-30, 365))
            page = EventPage(
                title=f"Evenemang {n}",
                draft_title=f"Evenemang {n}",
                slug=f"bench-{n}-{uuid.uuid4().hex[:6]}",
                path=Page._get_path(calendar.path, calendar.depth + 1, position),
                depth=calendar.depth + 1,
                numchild=0,
                url_path=f"{calendar.url_path}bench-{n}/",
                content_type=content_type,
                locale=locale,
                live=True,
                first_published_at=now,
                last_published_at=now,
                translation_key=uuid.uuid4(),
                summary="Benchmark",
                organiser=rng.choice(organisers),
                venue=rng.choice(venues),
                time_zone="Europe/Stockholm",
                start_date=start,
                start_time=datetime.time(rng.choice([10, 13, 18, 19])),
                end_time=datetime.time(21),
                frequency="weekly" if weekly else "",
                ends="on" if weekly else "never",
                until=start + datetime.timedelta(days=364) if weekly else None,
                is_free=rng.random() < 0.5,
            )
            pages.append(page)
        with transaction.atomic():
            created = Page.objects.bulk_create(
                [
                    Page(
                        **{
                            f.attname: getattr(p, f.attname)
                            for f in Page._meta.concrete_fields
                            if f.attname != "id"
                        }
                    )
                    for p in pages
                ]
            )
            for page, base in zip(pages, created, strict=True):
                page.page_ptr_id = page.id = base.pk
            EventPage._base_manager._insert(pages, fields=local_fields, using="default")
            expanded = [list(expand(page, [], [], {}, until)) for page in pages]
            series = EventSeries.objects.bulk_create(
                [
                    EventSeries(
                        key=p.translation_key,
                        modified=now,
                        fingerprint="bench",
                        longest_occurrence=max(
                            (o.end - o.start for o in found), default=datetime.timedelta(0)
                        ),
                    )
                    for p, found in zip(pages, expanded, strict=True)
                ]
            )
            rows = []
            for page, group, found in zip(pages, series, expanded, strict=True):
                for o in found:
                    rows.append(
                        EventOccurrence(
                            series=group,
                            event_id=page.pk,
                            key=o.key,
                            start=o.start,
                            end=o.end,
                            all_day=o.all_day,
                            start_date=o.start_date,
                            end_date=o.end_date,
                            status=page.status,
                            modified=now,
                        )
                    )
            EventOccurrence.objects.bulk_create(rows, batch_size=2000)
        log(f"  {offset + size} events")
    Page.objects.filter(pk=calendar.pk).update(numchild=position)


def measure(runs):
    from django.test import Client
    from django.utils import timezone

    from apps.events.models import EventOccurrence

    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    params = {"start": first.isoformat(), "end": last.isoformat(), "page_size": 100}
    client = Client()
    timings = []
    for _run in range(runs):
        began = time.perf_counter()
        response = client.get("/api/events/", params)
        timings.append(time.perf_counter() - began)
        assert response.status_code == 200, response.content[:500]
    body = response.json()
    return {
        "window": f"{first}..{last}",
        "matching occurrences": body["count"],
        "stored occurrences": EventOccurrence.objects.count(),
        "median ms": round(statistics.median(timings) * 1000, 1),
        "min ms": round(min(timings) * 1000, 1),
        "runs": runs,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="reuse generated data if present")
    args = parser.parse_args(argv)
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from apps.events.models import EventPage

    def log(message):
        print(message, flush=True)

    log(
        f"database: {settings.DATABASES['default']['ENGINE']} {settings.DATABASES['default']['NAME']}"
    )
    call_command("migrate", verbosity=0)
    calendar = ensure_calendar(log)
    existing = EventPage.objects.count()
    if not (args.keep and existing >= args.events):
        log(f"generating {args.events} events …")
        began = time.perf_counter()
        generate(calendar, args.events, log)
        log(f"generated in {time.perf_counter() - began:.0f} s")
    for key, value in measure(args.runs).items():
        log(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
