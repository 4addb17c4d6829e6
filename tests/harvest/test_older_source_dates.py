"""A source from before event details gave their schedule: a repeating event's stored dates are
copied as added dates, its cancelled ones as cancellations, so the aggregator still shows every
date the source shows."""

import datetime

from apps.events.factories import EventIndexPageFactory
from apps.events.models import EventPage
from apps.harvest.factories import HarvestSourceFactory
from apps.harvest.run import run_source
from tests.clock import TODAY
from tests.harvest.stub_source import Stub, answers, listing, occurrence, ok

DAYS = [TODAY + datetime.timedelta(days=10 + 7 * n) for n in range(4)]
KEY = "c" * 8 + "-0000-0000-0000-" + "0" * 12


def dated(day, status="scheduled", note=""):
    row = occurrence(KEY, "SE-0884")
    start, end = f"{day}T18:00:00+01:00", f"{day}T20:00:00+01:00"
    return {**row, "start": start, "end": end, "status": status, "note": note}


def test_an_older_sources_dates_are_copied(stub, home):
    EventIndexPageFactory(parent=home).save_revision().publish()
    rows = [
        dated(DAYS[0]),
        dated(DAYS[1], "cancelled", "Regn"),
        dated(DAYS[2]),
        dated(DAYS[3], "removed"),
    ]
    event = {**rows[0]["event"], "recurring": True}
    base = answers(stub, ok(listing([])))
    Stub.routes[("/api/events/", False)] = ok(listing([{**rows[0], "event": event}]))
    detail = {**event, "occurrences": [{**row, "event": None} for row in rows]}
    Stub.routes[(f"/api/events/{KEY}/", False)] = ok(detail)
    source = HarvestSourceFactory(base_url=base, kinds="events")

    assert run_source(source)["kinds"] == {"events": {"created": 1}}
    assert run_source(source)["kinds"] == {"events": {"unchanged": 1}}

    copy = EventPage.objects.get()
    assert (copy.start_date, copy.frequency) == (DAYS[0], "")
    assert [row.date for row in copy.extra_dates.all()] == DAYS[1:3]
    assert [(row.date, row.note) for row in copy.cancellations.all()] == [(DAYS[1], "Regn")]
    stored = copy.occurrences.visible().order_by("start")
    assert [(row.start_date, row.status) for row in stored] == [
        (DAYS[0], "scheduled"),
        (DAYS[1], "cancelled"),
        (DAYS[2], "scheduled"),
    ]
