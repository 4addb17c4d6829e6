"""The map beside the calendar list: it reads /api/events.geojson with the page's own filters in
the calendar's language, is hidden until the script shows it (the list is its text form), and is
left out when the site sets no tile server or the filters are wrong."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def map_section(response):
    found = re.search(r"<section class=\"result-map\"[^>]*>", response.content.decode())
    return unescape(found.group(0)) if found else None


def test_calendar_map_reads_the_geojson_with_the_pages_filters(client, calendar, settings):
    settings.BYGD_MAP_TILE_URL = "/map-tiles/{z}/{x}/{y}.png"
    section = map_section(client.get(calendar.url, {"free": "true", "page": "2"}))
    assert 'data-geojson-url="/api/events.geojson?free=true&locale=sv"' in section
    assert " hidden" in section
    assert 'data-tile-url="/map-tiles/{z}/{x}/{y}.png"' in section


def test_no_map_without_a_tile_server_or_with_bad_filters(client, calendar, settings):
    assert map_section(client.get(calendar.url, {"free": "maybe"})) is None
    settings.BYGD_MAP_TILE_URL = None
    assert map_section(client.get(calendar.url)) is None
