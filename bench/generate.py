"""Synthetic, realistic bilingual projects for benchmarks: `python -m bench.generate --projects 20000`.

Pages are written in bulk (tree paths computed here, rows inserted in batches) because creating
20 000 Wagtail pages one by one would take most of an hour; about half get an English
translation sharing the translation key, as wagtail-localize would create it.
"""

import argparse
import random
import sys
import time
import uuid
from datetime import date, timedelta
from decimal import Decimal

from bench.setup import django_setup

SUBJECTS = [
    ("Kulturhus", "Culture house", "culture"),
    ("Evenemang", "Events", "events"),
    ("Bygdekassa", "Village fund", "local-finance"),
    ("Lanthandel", "Village shop", "rural-services"),
    ("Ungdomsråd", "Youth council", "youth-participation"),
    ("Solenergi", "Solar power", "sustainability"),
    ("Musikfestival", "Music festival", "culture"),
    ("Skördemarknad", "Harvest market", "events"),
    ("Servicepunkt", "Service point", "rural-services"),
    ("Föreningsstöd", "Support for associations", "local-finance"),
]
VERBS_SV = ["utvecklar", "stärker", "samlar", "prövar", "bygger upp"]
VERBS_EN = ["develops", "strengthens", "brings together", "tries out", "builds up"]


def generate(count, seed=1):
    from django.db import transaction
    from wagtail.models import Locale, Page

    from apps.network.models import Organisation, Place, PlaceKind
    from apps.projects.models import (
        ProjectIndexPage,
        Theme,
    )

    rng = random.Random(seed)
    sv, en = Locale.objects.get(language_code="sv"), Locale.objects.get(language_code="en")
    index_sv = ProjectIndexPage.objects.get(locale=sv)
    index_en = ProjectIndexPage.objects.get(locale=en)
    themes = {t.slug: t for t in Theme.objects.filter(locale=sv)}
    municipalities = list(Place.objects.filter(kind=PlaceKind.MUNICIPALITY).order_by("pk"))
    organisations = list(Organisation.objects.filter(locale=sv))

    def next_paths(parent, n):
        start = parent.numchild
        return [Page._get_path(parent.path, parent.depth + 1, start + i + 1) for i in range(n)]

    started = time.monotonic()
    batch = 1000
    made = 0
    while made < count:
        size = min(batch, count - made)
        with transaction.atomic():
            index_sv.refresh_from_db()
            index_en.refresh_from_db()
            specs = []
            for i in range(size):
                n = made + i
                subject_sv, subject_en, theme = rng.choice(SUBJECTS)
                place = rng.choice(municipalities)
                start = date(2010, 1, 1) + timedelta(days=rng.randrange(0, 20 * 365))
                specs.append(
                    {
                        "n": n,
                        "key": uuid.uuid4(),
                        "theme": theme,
                        "place": place,
                        "start": start,
                        "end": start + timedelta(days=rng.randrange(90, 1500)),
                        "title_sv": f"{subject_sv} i {place.name} {n}",
                        "title_en": f"{subject_en} in {place.name} {n}",
                        "summary_sv": f"Projektet {rng.choice(VERBS_SV)} {subject_sv.lower()} för bygden runt {place.name}.",
                        "summary_en": f"The project {rng.choice(VERBS_EN)} {subject_en.lower()} for the area around {place.name}.",
                        "amount": Decimal(rng.randrange(5, 2000) * 1000),
                        "owner": rng.choice(organisations),
                        "translated": rng.random() < 0.5,
                    }
                )
            _insert(specs, index_sv, next_paths(index_sv, size), themes)
            translated = [s for s in specs if s["translated"]]
            _insert(translated, index_en, next_paths(index_en, len(translated)), themes)
            Page.objects.filter(pk=index_sv.pk).update(numchild=index_sv.numchild + size)
            Page.objects.filter(pk=index_en.pk).update(numchild=index_en.numchild + len(translated))
        made += size
        print(f"  {made}/{count} projects ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    print(f"generated {count} projects in {time.monotonic() - started:.0f} s", file=sys.stderr)


def _insert(specs, index, paths, themes):
    """Pages, their ProjectPage rows (raw insert: bulk_create cannot do multi-table
    inheritance) and their theme and place rows, for one language."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    from apps.projects.models import ProjectPage, ProjectPlace, ProjectTheme

    lang, locale = index.locale.language_code, index.locale
    content_type = ContentType.objects.get_for_model(ProjectPage)
    child_fields = list(ProjectPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in child_fields)
    placeholders = ", ".join(["%s"] * len(child_fields))
    insert_child = f"INSERT INTO {ProjectPage._meta.db_table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - model metadata only
    now = timezone.now()
    pages = [
        Page(
            title=spec[f"title_{lang}"],
            draft_title=spec[f"title_{lang}"],
            slug=f"bench-{spec['n']}",
            content_type=content_type,
            path=path,
            depth=index.depth + 1,
            numchild=0,
            live=True,
            url_path=f"{index.url_path}bench-{spec['n']}/",
            locale=locale,
            translation_key=spec["key"],
            first_published_at=now,
            last_published_at=now,
        )
        for spec, path in zip(specs, paths, strict=True)
    ]
    Page.objects.bulk_create(pages)
    rows = []
    for page, spec in zip(pages, specs, strict=True):
        project = ProjectPage(
            page_ptr_id=page.pk,
            identifier=f"BENCH-{spec['n']:06d}",
            summary=spec[f"summary_{lang}"],
            planned_start=spec["start"],
            planned_end=spec["end"],
            amount_granted=spec["amount"],
            currency="SEK",
            owner_organisation=spec["owner"],
            original_language="sv",
            newest_order=now,
            body=[],
            results=[],
        )
        rows.append(
            [f.get_db_prep_save(getattr(project, f.attname), connection) for f in child_fields]
        )
    with connection.cursor() as cursor:
        cursor.executemany(insert_child, rows)
    ProjectTheme.objects.bulk_create(
        [
            ProjectTheme(page_id=page.pk, theme=themes[spec["theme"]], sort_order=0)
            for page, spec in zip(pages, specs, strict=True)
        ]
    )
    ProjectPlace.objects.bulk_create(
        [
            ProjectPlace(page_id=page.pk, place=spec["place"], sort_order=0)
            for page, spec in zip(pages, specs, strict=True)
        ]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--projects", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    django_setup()
    generate(args.projects, args.seed)


if __name__ == "__main__":
    main()
