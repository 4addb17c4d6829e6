"""Subscribing from the pages: webcal, Google Calendar and Outlook links that keep the visitor's
filters but never a date window (which would run dry), and one event added as itself."""

import datetime
import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from apps.events.factories import EventCategoryFactory, VenueFactory
from apps.events.models import EventMovedDate
from apps.network.factories import OrganisationFactory
from tests.clock import TODAY

pytestmark = pytest.mark.django_db


def links(response):
    """(text, href) of every link, entities decoded."""
    assert response.status_code == 200
    return [
        (re.sub(r"<[^>]+>", "", text).strip(), html.unescape(href))
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', response.text, re.S)
    ]


def href(found, prefix):
    (match,) = [url for _text, url in found if url.startswith(prefix)]
    return match


def test_calendar_page_offers_subscriptions_with_filters_but_no_window(client, publish):
    EventCategoryFactory(slug="musik")
    organiser = OrganisationFactory(slug="hembygdsforeningen")
    publish(title="Spelmansstämma", organiser=organiser, start_date=TODAY)
    query = {
        "category": "musik",
        "municipality": "SE-0884",
        "organiser": organiser.slug,
        "audience": "children",
        "start": TODAY.isoformat(),
        "end": (TODAY + datetime.timedelta(days=30)).isoformat(),
        "page": "1",
    }
    for path in ("/sv/kalender/", f"/sv/kalender/manad/{TODAY:%Y-%m}/"):
        found = links(client.get(path, query))
        webcal = href(found, "webcal://")
        feed = "testserver/calendar.ics?"
        assert webcal.startswith("webcal://" + feed)
        params = parse_qs(urlsplit(webcal).query)
        assert params == {
            "category": ["musik"],
            "municipality": ["SE-0884"],
            "organiser": [organiser.slug],
            "audience": ["children"],
            "locale": ["sv"],
        }
        google = href(found, "https://calendar.google.com/calendar/render?cid=")
        assert parse_qs(urlsplit(google).query)["cid"] == [webcal]
        outlook = href(found, "https://outlook.live.com/calendar/0/addfromweb?")
        assert parse_qs(urlsplit(outlook).query)["url"] == ["http://" + webcal[9:]]
        texts = [text for text, url in found if url in (webcal, google, outlook)]
        assert all(texts) and len(set(texts)) == 3
        for url in (webcal, google, outlook):
            assert "start" not in unquote(url) and "page=" not in unquote(url)


def test_subscriptions_keep_venue_ages_and_language(client, publish):
    publish(title="Spelmansstämma", start_date=TODAY)
    venue_slug = "bygdegarden-vimmerby"
    VenueFactory(name="Bygdegården", town="Vimmerby", slug=venue_slug)
    query = {
        "venue": venue_slug,
        "age_from": "7",
        "age_to": "12",
        "event_language": "sv",
        "start": TODAY.isoformat(),
    }
    for path in (
        "/sv/kalender/",
        f"/sv/kalender/vecka/{TODAY:%G-W%V}/",
        f"/sv/kalender/dag/{TODAY.isoformat()}/",
    ):
        webcal = href(links(client.get(path, query)), "webcal://")
        assert parse_qs(urlsplit(webcal).query) == {
            "venue": [venue_slug],
            "age_from": ["7"],
            "age_to": ["12"],
            "event_language": ["sv"],
            "locale": ["sv"],
        }, path


def test_one_off_event_is_added_as_itself_and_a_series_as_its_feed(client, publish):
    once = publish(
        title="Midsommarkonsert",
        start_date=TODAY + datetime.timedelta(days=10),
        start_time=datetime.time(19, 30),
        end_time=datetime.time(21, 0),
    )
    found = links(client.get(once.url))
    google = parse_qs(urlsplit(href(found, "https://calendar.google.com/")).query)
    assert google["action"] == ["TEMPLATE"] and google["text"] == ["Midsommarkonsert"]
    start, end = google["dates"][0].split("/")
    local = datetime.datetime.strptime(start, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
    assert local.astimezone(once.zone).time() == datetime.time(19, 30)
    outlook = parse_qs(urlsplit(href(found, "https://outlook.live.com/calendar/0/deeplink/")).query)
    assert outlook["subject"] == ["Midsommarkonsert"] and outlook["rru"] == ["addevent"]
    assert outlook["startdt"] == [local.strftime("%Y-%m-%dT%H:%M:%SZ")]
    webcal = href(found, "webcal://")
    assert webcal == f"webcal://testserver/calendar/{once.translation_key}.ics?locale=sv"

    weekly = publish(title="Stickcafé", start_date=TODAY, frequency="weekly", ends="after", count=5)
    found = links(client.get(weekly.url))
    google = parse_qs(urlsplit(href(found, "https://calendar.google.com/")).query)
    assert google["cid"] == [f"webcal://testserver/calendar/{weekly.translation_key}.ics?locale=sv"]
    href(found, "https://outlook.live.com/calendar/0/addfromweb?")


def test_organiser_page_links_its_feed(client, publish, network_index):
    organiser = OrganisationFactory(slug="hembygdsforeningen", name="Hembygdsföreningen")
    publish(title="Spelmansstämma", organiser=organiser, start_date=TODAY)
    found = links(client.get(f"/sv/natverk/organisationer/{organiser.slug}/"))
    webcal = href(found, "webcal://")
    assert parse_qs(urlsplit(webcal).query) == {"organiser": [organiser.slug], "locale": ["sv"]}
    href(found, "https://calendar.google.com/calendar/render?cid=")


def test_a_moved_single_next_date_is_added_at_its_own_time_and_venue(client, publish):
    tomorrow = TODAY + datetime.timedelta(days=1)
    hall = VenueFactory(name="Folkets hus", address="Storgatan 1")
    page = publish(
        title="Stickcafé",
        start_date=tomorrow - datetime.timedelta(weeks=1),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        frequency="weekly",
        ends="after",
        count=2,
        rows={
            "moved_dates": [
                EventMovedDate(
                    date=tomorrow,
                    start_date=tomorrow + datetime.timedelta(days=1),
                    start_time=datetime.time(19, 0),
                    venue=hall,
                )
            ]
        },
    )
    found = links(client.get(page.url))
    google = parse_qs(urlsplit(href(found, "https://calendar.google.com/")).query)
    start, _end = google["dates"][0].split("/")
    moment = datetime.datetime.strptime(start, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
    local = moment.astimezone(page.zone)
    assert (local.date(), local.time()) == (
        tomorrow + datetime.timedelta(days=1),
        datetime.time(19, 0),
    )
    assert google["location"][0].startswith("Folkets hus, Storgatan 1")
    outlook = parse_qs(urlsplit(href(found, "https://outlook.live.com/calendar/0/deeplink/")).query)
    assert outlook["location"] == google["location"]
