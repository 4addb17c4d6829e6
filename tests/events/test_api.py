"""GET /api/events/ and /api/events/{id}/ as an external frontend uses them."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.localize import translate
from apps.events.factories import EventCategoryFactory, VenueFactory
from apps.events.models import EventCategoryLink
from apps.network.factories import OrganisationFactory, municipality
from tests.clock import days

pytestmark = pytest.mark.django_db


def get(client, **params):
    return client.get("/api/events/", params)


def titles(response):
    assert response.status_code == 200, response.content
    return [row["event"]["title"] for row in response.json()["results"]]


def test_occurrences_come_with_their_event_in_order(client, publish):
    later = publish(title="Körkonsert", start_date=days(5))
    weekly = publish(
        title="Stickcafé", start_date=days(1), frequency="weekly", ends="after", count=2
    )
    body = get(client, start=days(0).isoformat(), end=days(10).isoformat()).json()
    assert [row["event"]["title"] for row in body["results"]] == [
        "Stickcafé",
        "Körkonsert",
        "Stickcafé",
    ]
    first = body["results"][0]
    assert first["id"] == str(weekly.translation_key)
    assert first["start"].endswith(("+01:00", "+02:00"))
    assert first["event"]["venue"]["municipality"]["value"] == "SE-0884"
    assert first["event"]["venue"]["region"]["value"] == "SE-08"
    assert first["event"]["organiser"] == {
        "value": weekly.organiser.slug,
        "name": weekly.organiser.name,
    }
    assert first["event"]["url"].endswith(f"/sv/kalender/{weekly.slug}/")
    assert later.translation_key != weekly.translation_key


def test_a_festival_under_way_is_part_of_today(client, publish):
    publish(
        title="Hembygdsfestival",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=days(-1),
        end_date=days(1),
    )
    publish(title="Igår", start_date=days(-1))
    body = get(client, start=days(0).isoformat(), end=days(0).isoformat()).json()
    assert [row["event"]["title"] for row in body["results"]] == ["Hembygdsfestival"]
    festival = body["results"][0]
    assert festival["all_day"] is True
    assert festival["start"] == days(-1).isoformat()
    assert festival["end"] == days(2).isoformat()


def test_filters(client, publish):
    concerts = EventCategoryFactory(slug="konsert", name="Konsert")
    vimmerby = publish(title="Vimmerby", start_date=days(3), is_free=True)
    vimmerby.categories.add(EventCategoryLink(category=concerts))
    vimmerby.save_revision().publish()
    hultsfred_venue = VenueFactory(municipality=municipality("0860"), town="Hultsfred")
    organiser = OrganisationFactory(slug="hultsfreds-kommun")
    publish(
        title="Hultsfred",
        start_date=days(4),
        venue=hultsfred_venue,
        organiser=organiser,
        is_free=False,
        price_amount=100,
        audience="children",
        attendance_mode="mixed",
        online_url="https://meet.example/x",
        summary="Sagostund för barn",
    )
    window = {"start": days(0).isoformat(), "end": days(30).isoformat()}
    assert titles(get(client, category="konsert", **window)) == ["Vimmerby"]
    assert titles(get(client, municipality="SE-0860", **window)) == ["Hultsfred"]
    assert titles(get(client, municipality="SE-0860,SE-0884", **window)) == [
        "Vimmerby",
        "Hultsfred",
    ]
    assert titles(get(client, region="SE-08", **window)) == ["Vimmerby", "Hultsfred"]
    assert titles(get(client, organiser="hultsfreds-kommun", **window)) == ["Hultsfred"]
    assert titles(get(client, free="true", **window)) == ["Vimmerby"]
    assert titles(get(client, online="true", **window)) == ["Hultsfred"]
    assert titles(get(client, online="false", **window)) == ["Vimmerby"]
    assert titles(get(client, audience="children", **window)) == ["Vimmerby", "Hultsfred"]
    assert titles(get(client, audience="seniors", **window)) == ["Vimmerby"]
    assert titles(get(client, q="sagostund", **window)) == ["Hultsfred"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": "tomorrowish"}, "start"),
        ({"start": "2026-02-30"}, "start"),
        ({"start": "9999-12-31"}, "start"),
        ({"end": "9999-12-31T23:59:59-14:00"}, "end"),
        ({"start": "2027-03-01\x00"}, "start"),
        ({"modified_since": "0001-01-01T00:00:00+14:00"}, "modified_since"),
        ({"start": "2027-03-10", "end": "2027-03-01"}, "end"),
        ({"start": "2027-01-01", "end": "2028-03-01"}, "end"),
        ({"category": "no-such-category"}, "category"),
        ({"municipality": "SE-9999"}, "municipality"),
        ({"free": "maybe"}, "free"),
        ({"age_from": "ten"}, "age_from"),
        ({"age_from": "-1"}, "age_from"),
        ({"age_to": "1000"}, "age_to"),
        ({"age_from": "15", "age_to": "10"}, "age_to"),
        ({"venue": "no-such-venue"}, "venue"),
        ({"venue": "00000000-0000-0000-0000-000000000000"}, "venue"),
        ({"event_language": "xx"}, "event_language"),
        ({"locale": "xx"}, "locale"),
        ({"page_size": "500"}, "page_size"),
    ],
)
def test_bad_parameters_are_400_json_errors(client, calendar, params, field):
    response = get(client, **params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert error["message"]


def test_english_titles_with_fallback_marker(client, publish, en):
    translated = publish(title="Vårkonsert", start_date=days(2))
    translate(translated, en, {"Vårkonsert": "Spring concert"})
    publish(title="Slåtterdag", start_date=days(3))
    window = {"start": days(0).isoformat(), "end": days(10).isoformat()}
    rows = get(client, locale="en", **window).json()["results"]
    assert [
        (r["event"]["title"], r["event"]["is_fallback"], r["event"]["locale"]) for r in rows
    ] == [
        ("Spring concert", False, "en"),
        ("Slåtterdag", True, "sv"),
    ]
    assert (
        rows[0]["event"]["url"].endswith("/en/calendar/varkonsert/")
        or "/en/calendar/" in rows[0]["event"]["url"]
    )
    assert titles(get(client, locale="en", fallback="false", **window)) == ["Spring concert"]


def test_modified_since_reports_removed_occurrences_as_tombstones(client, publish):
    page = publish(
        title="Naturvandring", start_date=days(2), frequency="daily", ends="after", count=2
    )
    key = str(page.translation_key)
    since = datetime.datetime.now(datetime.UTC).isoformat()
    page.unpublish()
    rows = get(client, modified_since=since).json()["results"]
    assert {(row["id"], row["status"], row["event"] is None) for row in rows} == {
        (key, "removed", True)
    }
    assert len(rows) == 2
    assert titles(get(client, start=days(0).isoformat())) == []


def test_detail_by_stable_id_with_all_occurrences(client, publish):
    page = publish(
        title="Teaterkväll", start_date=days(1), frequency="weekly", ends="after", count=3
    )
    body = client.get(f"/api/events/{page.translation_key}/").json()
    assert body["title"] == "Teaterkväll"
    assert len(body["occurrences"]) == 3
    assert body["available_languages"] == ["sv"]
    assert client.get("/api/events/00000000-0000-0000-0000-000000000000/").status_code == 404
    page.unpublish()
    assert client.get(f"/api/events/{page.translation_key}/").status_code == 404


def _count(client, path, params):
    cache.clear()  # counted as when nothing is kept yet: the feed renders every series
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(queries)


def _populate(publish, n, offset):
    category = EventCategoryFactory()
    for i in range(n):
        page = publish(
            start_date=days(1 + (i + offset) % 20),
            frequency="weekly" if i % 2 else "",
            ends="after",
            count=2,
            venue=VenueFactory(),
            organiser=OrganisationFactory(),
        )
        page.categories.add(EventCategoryLink(category=category))
        page.save_revision().publish()


@pytest.mark.parametrize("path", ["/api/events/", "/calendar.ics"])
def test_query_count_does_not_grow_with_the_number_of_events(client, publish, en, path):
    params = {"start": days(0).isoformat(), "end": days(40).isoformat(), "locale": "en"}
    _populate(publish, 2, 0)
    client.get(path, params)
    few = _count(client, path, params)
    _populate(publish, 12, 5)
    many = _count(client, path, params)
    assert few == many


@pytest.mark.parametrize("path", ["/api/events/", "/calendar.ics"])
def test_unchanged_answers_are_304_for_pollers(client, http_cache, publish, path):
    publish(title="Körkonsert", start_date=days(3))
    first = client.get(path)
    assert first.status_code == 200
    assert "max-age=60" in first["Cache-Control"] and first["ETag"]
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    publish(title="Teater", start_date=days(4))
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_events_can_be_linked_to_a_project_and_filtered_by_it(client, publish):
    from apps.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    home = publish(title="Utan projekt", start_date=days(2)).get_parent().get_parent()
    index = ProjectIndexPageFactory(parent=home, slug="projekt-test")
    project = ProjectPageFactory(parent=index, identifier="ALH-2017-01", title="Allt som sker")
    publish(title="Med projekt", start_date=days(3), related_project=project)
    window = {"start": days(0).isoformat(), "end": days(30).isoformat()}
    body = get(client, project="ALH-2017-01", **window).json()
    assert [row["event"]["title"] for row in body["results"]] == ["Med projekt"]
    assert body["results"][0]["event"]["project"] == {
        "value": "ALH-2017-01",
        "name": "Allt som sker",
    }
    assert get(client, project="NOPE", **window).status_code == 400


def test_language_venue_and_age_filters(client, publish, sv, en):
    hall = VenueFactory(name="Folkets hus")
    hall_en = hall.copy_for_translation(en)
    hall_en.save()
    publish(title="Barnteater", start_date=days(2), age_min=7, age_max=12)
    publish(title="Pubquiz", start_date=days(2), age_min=18, event_language="en", venue=hall)
    publish(title="Familjedag", start_date=days(3))

    def shown(**params):
        return set(titles(get(client, **params)))

    assert shown(age_from=10, age_to=15) == {"Barnteater", "Familjedag"}
    assert shown(age_from=12, age_to=12) == {"Barnteater", "Familjedag"}
    assert shown(age_from=13) == {"Pubquiz", "Familjedag"}
    assert shown(age_to=6) == {"Familjedag"}
    assert shown(event_language="en") == {"Pubquiz"}
    assert shown(venue=hall.slug) == {"Pubquiz"}
    assert shown(venue=str(hall.translation_key).upper()) == {"Pubquiz"}
    assert shown(venue=f"{hall.slug},{hall_en.translation_key}") == {"Pubquiz"}
    row = get(client, venue=hall.slug).json()["results"][0]
    assert row["event"]["venue"]["id"] == str(hall.translation_key)


def test_the_schema_documents_the_new_filters(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    parameters = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/events/"]["get"]["parameters"]
    }
    assert parameters["age_from"]["schema"]["type"] == "integer"
    assert parameters["age_to"]["schema"]["type"] == "integer"
    assert "en" in parameters["event_language"]["schema"]["enum"]
    assert "slug" in parameters["venue"]["description"]
