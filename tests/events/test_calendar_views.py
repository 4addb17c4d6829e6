"""The calendar's week, day, archive and venue views, the new filters in HTML, and links between
views that keep the visitor's filters, as a visitor sees them without JavaScript."""

import datetime
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.events.factories import VenueFactory
from apps.network.factories import OrganisationFactory
from tests.clock import TODAY, days

pytestmark = pytest.mark.django_db


def hrefs(response):
    assert response.status_code == 200, response.status_code
    return [html.unescape(url) for url in re.findall(r'href="([^"]+)"', response.text)]


def nav(response):
    """{text: href} of the calendar's views nav."""
    block = re.search(r'<nav class="calendar-views".*?</nav>', response.text, re.S).group(0)
    return {
        text.strip(): html.unescape(url)
        for url, text in re.findall(r'<a[^>]*href="([^"]+)"[^>]*>([^<]+)</a>', block)
    }


def test_week_view_shows_each_day_and_moves_by_week(client, publish):
    publish(title="Körkonsert", start_date=datetime.date(2027, 1, 13))
    publish(
        title="Vinterfestival",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=datetime.date(2027, 1, 16),
        end_date=datetime.date(2027, 1, 19),
    )
    publish(title="Vinterbal", start_date=datetime.date(2027, 1, 20))
    response = client.get("/sv/kalender/vecka/2027-W02/", {"free": "true"})
    assert response.status_code == 200
    text = response.text
    assert "Körkonsert" in text and "Vinterbal" not in text
    assert text.count("Vinterfestival") == 2  # Saturday and Sunday of week 2
    assert 'datetime="2027-01-11"' in text and 'datetime="2027-01-17"' in text
    links = nav(response)
    assert links["Föregående vecka"] == "/sv/kalender/vecka/2027-W01/?free=true"
    assert links["Nästa vecka"] == "/sv/kalender/vecka/2027-W03/?free=true"
    english = client.get("/en/calendar/week/2027-W02/")
    assert english.status_code == 200 and "Week 2, 2027" in english.text
    assert nav(english)["Next week"] == "/en/calendar/week/2027-W03/"


@pytest.mark.parametrize(
    "path",
    [
        "/sv/kalender/vecka/2027-W53/",
        "/sv/kalender/vecka/2027-W00/",
        "/sv/kalender/vecka/2027-W99/",
        "/sv/kalender/vecka/1850-W10/",
        "/sv/kalender/vecka/2200-W01/",
        "/en/calendar/week/9999-W01/",
        "/sv/kalender/dag/2027-02-30/",
        "/sv/kalender/dag/2027-13-01/",
        "/sv/kalender/dag/0000-01-01/",
        "/sv/kalender/dag/1899-12-31/",
        "/en/calendar/day/2200-01-01/",
        "/sv/kalender/plats/finns-inte/",
    ],
)
def test_impossible_weeks_days_and_venues_are_not_found(client, calendar, path):
    assert client.get(path).status_code == 404


def test_a_year_with_53_weeks_has_its_last_week(client, calendar):
    assert client.get("/sv/kalender/vecka/2026-W53/").status_code == 200


def test_day_view_shows_what_is_under_way_that_day(client, publish):
    publish(title="Körkonsert", start_date=datetime.date(2027, 1, 15))
    publish(title="Dagen efter", start_date=datetime.date(2027, 1, 16))
    publish(
        title="Vinterfestival",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=datetime.date(2027, 1, 14),
        end_date=datetime.date(2027, 1, 17),
    )
    response = client.get("/sv/kalender/dag/2027-01-15/", {"free": "true"})
    text = response.text
    assert response.status_code == 200
    assert "Körkonsert" in text and "Vinterfestival" in text and "Dagen efter" not in text
    links = nav(response)
    assert links["Föregående dag"] == "/sv/kalender/dag/2027-01-14/?free=true"
    assert links["Nästa dag"] == "/sv/kalender/dag/2027-01-16/?free=true"
    assert links["Vecka"].startswith("/sv/kalender/vecka/2027-W02/")
    assert links["Månad"].startswith("/sv/kalender/manad/2027-01/")
    assert client.get("/en/calendar/day/2027-01-15/").status_code == 200


def test_views_link_to_each_other_keeping_filters_not_the_window(client, publish):
    publish(title="Körkonsert", start_date=days(2), is_free=True)
    query = {"free": "true", "audience": "children", "start": days(1).isoformat(), "page": "1"}
    links = nav(client.get("/sv/kalender/", query))
    kept = {"free": ["true"], "audience": ["children"]}
    for text in ("Lista", "Månad", "Vecka", "Dag", "Tidigare evenemang"):
        assert parse_qs(urlsplit(links[text]).query) == kept, text
    assert links["Dag"].startswith(f"/sv/kalender/dag/{days(1).isoformat()}/")
    assert links["Tidigare evenemang"].startswith("/sv/kalender/arkiv/")
    month = nav(client.get(f"/sv/kalender/manad/{TODAY:%Y-%m}/", query))
    assert parse_qs(urlsplit(month["Lista"]).query) == kept
    assert parse_qs(urlsplit(month["Nästa månad"]).query) == kept
    english = nav(client.get("/en/calendar/", {"free": "true"}))
    assert english["Past events"] == "/en/calendar/archive/?free=true"
    assert english["Week"].startswith("/en/calendar/week/")


def test_archive_lists_past_events_newest_first_with_the_filters(client, publish, monkeypatch):
    publish(title="Förra månaden", start_date=days(-30), is_free=True)
    publish(title="Förra veckan", start_date=days(-7), is_free=True)
    publish(title="Dyr föreställning", start_date=days(-3), is_free=False, price_amount=200)
    publish(title="Kommande", start_date=days(3), is_free=True)
    text = client.get("/sv/kalender/arkiv/").text
    assert (
        text.index("Dyr föreställning") < text.index("Förra veckan") < text.index("Förra månaden")
    )
    assert "Kommande" not in text
    free = client.get("/sv/kalender/arkiv/", {"free": "true", "start": days(-8).isoformat()})
    assert "Dyr föreställning" not in free.text and "Förra månaden" in free.text
    monkeypatch.setattr("apps.events.archive.PER_PAGE", 1)
    second = client.get("/sv/kalender/arkiv/", {"free": "true", "page": "2"})
    assert "Förra månaden" in second.text and "Förra veckan" not in second.text
    assert "?free=true&amp;page=1" in second.text
    assert client.get("/en/calendar/archive/").status_code == 200
    bad = client.get("/sv/kalender/arkiv/", {"age_from": "tio"})
    assert bad.status_code == 400 and 'role="alert"' in bad.text


def test_new_filters_in_the_calendar_page(client, publish):
    hall = VenueFactory(name="Folkets hus")
    publish(title="Barnteater", start_date=days(2), age_min=7, age_max=12, event_language="sv")
    publish(title="Pubquiz", start_date=days(2), age_min=18, event_language="en", venue=hall)
    publish(title="Familjedag", start_date=days(3))

    def shown(**params):
        text = client.get("/sv/kalender/", params).text
        return {title for title in ("Barnteater", "Pubquiz", "Familjedag") if title in text}

    assert shown(age_from=10, age_to=15) == {"Barnteater", "Familjedag"}
    assert shown(age_from=13) == {"Pubquiz", "Familjedag"}
    assert shown(age_to=6) == {"Familjedag"}
    assert shown(event_language="en") == {"Pubquiz"}
    assert shown(venue=hall.slug) == {"Pubquiz"}
    page = client.get("/sv/kalender/").text
    assert f'<option value="{hall.slug}">' in page
    assert 'name="age_from"' in page and 'name="event_language"' in page
    for params in ({"age_from": "tio"}, {"age_from": "-1"}, {"age_from": 15, "age_to": 10}):
        bad = client.get("/sv/kalender/", params)
        assert bad.status_code == 400 and 'role="alert"' in bad.text, params
    bad = client.get("/sv/kalender/", {"age_from": 15, "age_to": 10})
    assert "Den högsta åldern är lägre än den lägsta." in bad.text


def test_venue_page_shows_where_and_what_is_coming(client, publish, monkeypatch):
    hall = VenueFactory(
        name="Folkets hus", accessibility="Ramp vid entrén, hörslinga i stora salen."
    )
    event = publish(title="Dragspelsafton", start_date=days(4), venue=hall)
    publish(title="Tidigare afton", start_date=days(-4), venue=hall)
    publish(title="Någon annanstans", start_date=days(4))
    path = f"/sv/kalender/plats/{hall.slug}/"
    response = client.get(path)
    text = response.text
    assert response.status_code == 200
    assert "Folkets hus" in text and "Storgatan 1" in text and "Vimmerby" in text
    assert "Ramp vid entrén" in text
    assert "Dragspelsafton" in text and "Tidigare afton" not in text
    assert "Någon annanstans" not in text
    webcal = next(url for url in hrefs(response) if url.startswith("webcal://"))
    assert parse_qs(urlsplit(webcal).query) == {"venue": [hall.slug], "locale": ["sv"]}
    assert f"/sv/kalender/?venue={hall.slug}" in hrefs(response)
    assert client.get(f"/en/calendar/venue/{hall.slug}/").status_code == 200
    assert path in hrefs(client.get(event.url))
    assert path in hrefs(client.get("/sv/kalender/"))
    assert path in hrefs(client.get(f"/sv/kalender/vecka/{days(4):%G-W%V}/"))
    monkeypatch.setattr("apps.events.venue_page.PER_PAGE", 1)
    publish(title="Senare afton", start_date=days(9), venue=hall)
    second = client.get(path, {"page": "2"}).text
    assert "Senare afton" in second and "Dragspelsafton" not in second


def test_venues_get_distinct_slugs_shared_by_translations(sv, en):
    first = VenueFactory(name="Bygdegården Å")
    second = VenueFactory(name="Bygdegården Å")
    assert (first.slug, second.slug) == ("bygdegarden-a", "bygdegarden-a-2")
    translated = first.copy_for_translation(en)
    translated.save()
    assert translated.slug == first.slug


def test_organiser_between_events_still_offers_its_feed(client, publish, network_index):
    organiser = OrganisationFactory(slug="syforeningen", name="Syföreningen")
    publish(title="Höstmarknad", organiser=organiser, start_date=days(-5))
    response = client.get(f"/sv/natverk/organisationer/{organiser.slug}/")
    links = hrefs(response)
    webcal = next(url for url in links if url.startswith("webcal://"))
    assert parse_qs(urlsplit(webcal).query) == {"organiser": ["syforeningen"], "locale": ["sv"]}
    assert "/sv/kalender/arkiv/?organiser=syforeningen" in links
    assert "/sv/kalender/?organiser=syforeningen" in links


def _count(client, path):
    cache.clear()  # counted as when nothing is kept yet (filter choices, feed texts)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def test_week_day_archive_and_venue_query_counts_do_not_grow(client, publish):
    hall = VenueFactory(name="Folkets hus")
    day = days(3)
    paths = [
        f"/sv/kalender/vecka/{day:%G-W%V}/",
        f"/sv/kalender/dag/{day.isoformat()}/",
        "/sv/kalender/arkiv/",
        f"/sv/kalender/plats/{hall.slug}/",
        "/en/calendar/archive/",
    ]

    def populate(count):
        for number in range(count):
            for offset in (3, -3):
                publish(
                    start_date=days(offset),
                    start_time=datetime.time(8 + number % 12, 0),
                    end_time=datetime.time(21, 0),
                    venue=hall if number % 2 else VenueFactory(),
                    organiser=OrganisationFactory(),
                )

    populate(2)
    for path in paths:
        _count(client, path)
    few = [_count(client, path) for path in paths]
    populate(8)
    assert [_count(client, path) for path in paths] == few
