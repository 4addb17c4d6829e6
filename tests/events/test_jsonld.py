"""The event page's schema.org markup as Google's Event rich results read it: the required
properties on every item, and the recommended image, offers, status and attendance mode."""

import json
import re

import pytest
from wagtail.images.tests.utils import get_test_image_file

from apps.core.factories import ImageFactory
from apps.events.models import EventCancellation
from tests.clock import days

pytestmark = pytest.mark.django_db

REQUIRED = {"@context", "@type", "name", "startDate", "location"}
RECOMMENDED = {
    "description",
    "endDate",
    "eventStatus",
    "eventAttendanceMode",
    "image",
    "offers",
    "organizer",
}


def json_ld(client, page):
    html = client.get(page.url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script.group(1))
    return data if isinstance(data, list) else [data]


def picture():
    return ImageFactory(title="Affisch", file=get_test_image_file(size=(1600, 900)))


def test_every_item_has_googles_required_and_recommended_properties(client, publish):
    page = publish(
        title="Teater",
        start_date=days(1),
        frequency="weekly",
        ends="after",
        count=2,
        image=picture(),
        is_free=False,
        price_amount=150,
        price_currency="SEK",
        registration_url="https://biljetter.example/teater",
        registration_deadline=days(30),
        rows={"cancellations": [EventCancellation(date=days(8))]},
    )
    items = json_ld(client, page)
    assert len(items) == 2
    for item in items:
        assert set(item) >= REQUIRED | RECOMMENDED, set(item)
        assert item["@type"] == "Event" and item["location"]["address"]["streetAddress"]
        assert all(url.startswith("http://testserver/") for url in item["image"])
        assert len(item["image"]) == 3
        offer = item["offers"]
        assert offer["@type"] == "Offer"
        assert offer["price"] == "150.00" and offer["priceCurrency"] == "SEK"
        assert offer["url"] == "https://biljetter.example/teater"
        assert offer["validThrough"] == days(30).isoformat()
        assert item["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    scheduled, cancelled = items
    assert scheduled["eventStatus"] == "https://schema.org/EventScheduled"
    assert scheduled["offers"]["availability"] == "https://schema.org/InStock"
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["offers"]["availability"] == "https://schema.org/Discontinued"


def test_free_online_event_and_closed_registration(client, publish):
    page = publish(
        title="Webbinarium",
        start_date=days(3),
        attendance_mode="online",
        venue=None,
        online_url="https://möte.example/rum",
        registration_url="https://möte.example/anmalan",
        registration_deadline=days(-1),
    )
    (item,) = json_ld(client, page)
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert item["location"] == {"@type": "VirtualLocation", "url": "https://möte.example/rum"}
    assert item["offers"]["price"] == "0"
    assert item["offers"]["availability"] == "https://schema.org/OutOfStock"
    assert "image" not in item


def test_an_event_moved_online_is_marked_up_as_online(client, publish):
    page = publish(
        title="Föredrag",
        start_date=days(3),
        status="moved_online",
        online_url="https://möte.example/foredrag",
    )
    (item,) = json_ld(client, page)
    assert item["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert item["location"]["@type"] == "VirtualLocation"
