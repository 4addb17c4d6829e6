"""One harvest of a source: read everything first, then apply it in one transaction, so a
source that answers badly halfway (or data that cannot be stored) leaves nothing behind and the
cursors stay where they were; the source's summary says what happened either way."""

import datetime
import time

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from apps.harvest import conf
from apps.harvest.apply import HarvestError, Run
from apps.harvest.client import Client, SourceError
from apps.harvest.collect import collect
from apps.harvest.models import HarvestSource
from apps.harvest.translations import languages

#: What a source's data can make go wrong while it is applied; anything else is a bug here.
FAILURES = (
    SourceError,
    HarvestError,
    DatabaseError,
    ValidationError,
    ValueError,
    KeyError,
    TypeError,
)


def since(cursor):
    if not cursor:
        return None
    start = datetime.datetime.fromisoformat(cursor)
    return (start - datetime.timedelta(seconds=conf.overlap())).isoformat()


def run_source(source, progress=None):
    """Returns the summary: counts per kind, requests, seconds, or the error."""
    progress = progress or (lambda kind, counts: None)
    started, clock = timezone.now(), time.monotonic()
    client = Client(source.base_url)
    locale = Locale.get_default()
    kinds = source.kind_list
    summary = {"source": source.name, "kinds": {}}
    try:
        changes = collect(
            client,
            kinds,
            {kind: since(source.cursors.get(kind)) for kind in kinds},
            locale.language_code,
            lambda site: languages(site, locale.language_code),
        )
        summary["read_seconds"] = round(time.monotonic() - clock, 2)
        run = Run(source, changes, locale)
        with transaction.atomic():
            counts = run.apply(progress)
        summary["kinds"] = {kind: dict(counts[kind]) for kind in kinds}
        summary["skipped"] = run.skipped
        source.cursors = {**source.cursors, **{kind: started.isoformat() for kind in kinds}}
        source.site_name = changes.site
        if source.name == source.base_url:  # made by `manage.py harvest URL`
            source.name = changes.site
        source.last_ok = True
    except FAILURES as error:
        summary["error"] = str(error) or error.__class__.__name__
        source.last_ok = False
    summary["requests"] = client.requests
    summary["seconds"] = round(time.monotonic() - clock, 2)
    source.last_run = started
    source.last_summary = describe(summary)
    source.save(
        update_fields=["name", "cursors", "site_name", "last_ok", "last_run", "last_summary"]
    )
    return summary


def describe(summary):
    if "error" in summary:
        return _("Nothing applied: %(error)s") % {"error": summary["error"]}
    lines = [
        _("%(kind)s: %(counts)s")
        % {
            "kind": kind,
            "counts": ", ".join(f"{name} {number}" for name, number in sorted(counts.items()))
            or _("no changes"),
        }
        for kind, counts in summary["kinds"].items()
    ]
    lines.extend(summary["skipped"])
    lines.append(
        _("%(requests)s requests in %(seconds)s s")
        % {"requests": summary["requests"], "seconds": summary["seconds"]}
    )
    return "\n".join(lines)


def run_active(progress=None):
    """Every active source in turn; one that fails is reported and the next one still runs."""
    return [run_source(source, progress) for source in HarvestSource.objects.filter(active=True)]
