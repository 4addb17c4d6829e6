"""What an app needs to show an event without scraping the page: the body as HTML with absolute
links, the image in sizes with their dimensions, the venue with its id and accessibility notes."""

import datetime

import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from apps.events.factories import VenueFactory
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

SOON = TODAY + datetime.timedelta(days=4)


def image(title="Affisch"):
    return Image.objects.create(title=title, file=get_test_image_file(size=(1600, 900)))


def test_detail_has_html_body_image_sizes_and_venue_notes(client, publish, calendar):
    venue = VenueFactory(accessibility="Ramp vid entrén, hörslinga.")
    page = publish(
        title="Vårkonsert",
        start_date=SOON,
        venue=venue,
        image=image(),
        body=[
            (
                "paragraph",
                f'<p>Se <a linktype="page" id="{calendar.pk}">kalendern</a> för fler.</p>',
            )
        ],
    )
    body = client.get(f"/api/events/{page.translation_key}/").json()

    assert "<p>" in body["body"]
    assert 'href="http://testserver/' in body["body"], body["body"]
    assert 'href="/' not in body["body"]
    assert body["image"]["alt"] == "Affisch"
    large = body["image"]["large"]
    assert (large["width"], large["height"]) == (1200, 675)
    assert large["url"].startswith("http://testserver/")
    assert body["image"]["thumbnail"]["width"] == 400
    assert body["image"]["medium"]["width"] == 800
    assert body["venue"]["id"] == str(venue.translation_key)
    assert body["venue"]["accessibility"] == "Ramp vid entrén, hörslinga."


def test_list_carries_a_thumbnail_and_null_without_an_image(client, publish):
    publish(title="Med bild", start_date=SOON, image=image())
    publish(title="Utan bild", start_date=SOON + datetime.timedelta(days=1))
    rows = client.get("/api/events/").json()["results"]
    shown = {row["event"]["title"]: row["event"]["image"] for row in rows}
    assert shown["Utan bild"] is None
    assert set(shown["Med bild"]) == {"alt", "thumbnail"}
    assert shown["Med bild"]["thumbnail"]["height"] == 225
    assert "body" not in rows[0]["event"]


def test_list_query_count_stays_flat_with_images(client, publish):
    def add(count, offset):
        for i in range(count):
            publish(start_date=SOON + datetime.timedelta(days=i + offset), image=image(f"B{i}"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/events/").status_code == 200
        return len(queries)

    add(2, 0)
    client.get("/api/events/")
    few = count()
    add(6, 10)
    client.get("/api/events/")
    assert count() == few


def test_the_schema_documents_body_image_and_venue(client):
    schemas = yaml.safe_load(client.get("/api/schema/").content)["components"]["schemas"]
    detail = schemas["EventDetail"]["properties"]
    assert detail["body"]["type"] == "string"
    assert "EventImage" in str(detail["image"])
    assert {"alt", "thumbnail", "medium", "large"} <= set(schemas["EventImage"]["properties"])
    assert set(schemas["EventThumbnail"]["properties"]) == {"alt", "thumbnail"}
    assert {"url", "width", "height"} <= set(schemas["Rendition"]["properties"])
    assert {"id", "accessibility"} <= set(schemas["Venue"]["properties"])
