"""An event's detail says its schedule as editors gave it (the repeat, added, left-out, cancelled
and moved dates), so another site (a harvester) can repeat the event exactly and keep repeating
it beyond the dates stored today."""

import datetime

import pytest
import yaml

from apps.events.factories import VenueFactory
from apps.events.models import (
    EventCancellation,
    EventExcludedDate,
    EventExtraDate,
    EventMovedDate,
)
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

START = TODAY + datetime.timedelta(days=7)


def week(n):
    return START + datetime.timedelta(weeks=n)


def test_the_detail_gives_the_schedule(client, publish):
    hall = VenueFactory(name="Bygdegården")
    page = publish(
        start_date=START,
        frequency="weekly",
        ends="after",
        count=6,
        rows={
            "extra_dates": [EventExtraDate(date=week(7))],
            "excluded_dates": [EventExcludedDate(date=week(2))],
            "cancellations": [EventCancellation(date=week(1), note="Sjuk")],
            "moved_dates": [
                EventMovedDate(date=week(3), start_time=datetime.time(17, 0), venue=hall)
            ],
        },
    )

    schedule = client.get(f"/api/events/{page.translation_key}/").json()["schedule"]

    assert schedule["frequency"] == "weekly"
    assert (schedule["start_date"], schedule["start_time"]) == (START.isoformat(), "18:00:00")
    assert (schedule["ends"], schedule["count"], schedule["until"]) == ("after", 6, None)
    assert schedule["extra_dates"] == [{"date": week(7).isoformat()}]
    assert schedule["excluded_dates"] == [{"date": week(2).isoformat()}]
    assert schedule["cancellations"] == [{"date": week(1).isoformat(), "note": "Sjuk"}]
    [moved] = schedule["moved_dates"]
    assert (moved["date"], moved["start_time"]) == (week(3).isoformat(), "17:00:00")
    assert moved["venue"]["name"] == "Bygdegården"


def test_the_schema_documents_the_schedule(client):
    schemas = yaml.safe_load(client.get("/api/schema/").content)["components"]["schemas"]
    assert "Schedule" in str(schemas["EventDetail"]["properties"]["schedule"])
    assert {"frequency", "moved_dates", "extra_dates"} <= set(schemas["Schedule"]["properties"])
