"""A volunteer's path through the portal form in headless Chromium: log in, choose "Repeats"
(the script shows the repeat rule), a weekly event with an image and one date moved to another
day, time and venue, save, submit; a moderator approves. The event page, /api/events/, the
event's .ics (expanded by recurring-ical-events and by ical.js) and the page's JSON-LD then
agree on the title, every instant (the moved date only at its new time) and the image.

``published_outputs`` reads all five and ``assert_outputs_agree`` compares them, so a test of
another schedule (a cancelled date) only needs to state the instants it expects."""

import datetime
import json
import re
import zoneinfo

import icalendar
import pytest
import recurring_ical_events
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait
from wagtail.models import TaskState

from apps.events.factories import VenueFactory
from apps.events.models import EventPage
from tests.browser import BROWSER_TEST_MARKS, chromium
from tests.clock import TODAY
from tests.portal.conftest import PASSWORD, png_file

WAIT_SECONDS = 20
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
TITLE = "Stickcafé i bygdegården"
ALT = "Stickade vantar i många färger på ett bord"

pytestmark = BROWSER_TEST_MARKS


@pytest.fixture(scope="module")
def browser():
    driver = chromium(language="sv")
    yield driver
    driver.quit()


def wait(browser):
    return WebDriverWait(browser, WAIT_SECONDS)


def set_value(browser, name, value):
    """Date and time inputs take typed keys in the browser's locale; set the value instead."""
    field = browser.find_element(By.NAME, name)
    browser.execute_script("arguments[0].value = arguments[1];", field, value)


def log_in(browser, base, account):
    browser.get(f"{base}/sv/arrangor/login/")
    browser.find_element(By.NAME, "username").send_keys(account.user.email)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait(browser).until(lambda b: "/login/" not in b.current_url)


def as_utc(text):
    return datetime.datetime.fromisoformat(text).astimezone(datetime.UTC)


def html_output(client, page):
    html = client.get(page.url).content.decode()
    dates = re.search(r'<ul class="occurrence-dates">(.*?)</ul>', html, re.S).group(1)
    image = re.search(r'<img src="([^"]+)"[^>]* alt="([^"]*)">', html)
    return {
        "title": re.search(r"<h1>(.*?)</h1>", html).group(1),
        "starts": sorted(as_utc(value) for value in re.findall(r'datetime="([^"]+)"', dates)),
        "image": image.group(2) if image else None,
        "json_ld": re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1),
    }


def api_output(client, page, window):
    start, end = window
    response = client.get(
        "/api/events/", {"start": start.isoformat(), "end": end.isoformat(), "page_size": 100}
    )
    rows = [
        row for row in response.json()["results"] if row["event"]["id"] == str(page.translation_key)
    ]
    image = rows[0]["event"]["image"] if rows else None
    return {
        "title": rows[0]["event"]["title"] if rows else None,
        "starts": sorted(as_utc(row["start"]) for row in rows),
        "image": image["alt"] if image and image["thumbnail"] else None,
    }


def ics_output(client, page, window):
    start, end = window
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/calendar/{page.translation_key}.ics").content
    )
    expanded = recurring_ical_events.of(calendar).between(start, end)
    return {
        "title": {str(event["SUMMARY"]) for event in expanded},
        "starts": sorted(event["DTSTART"].dt.astimezone(datetime.UTC) for event in expanded),
    }


def ical_js_output(client, page, window, ical_js):
    """The .ics as Thunderbird and FullCalendar read it (ical.js), cancelled dates left out."""
    start, end = window
    content = client.get(f"/calendar/{page.translation_key}.ics").content
    rows = [row for row in ical_js(content, (start.date(), end.date())) if not row[3]]
    return {
        "title": {summary for summary, *_rest in rows},
        "starts": sorted(row[1] for row in rows),
    }


def json_ld_output(text):
    data = json.loads(text)
    items = data if isinstance(data, list) else [data]
    return {
        "title": {item["name"] for item in items},
        "starts": sorted(as_utc(item["startDate"]) for item in items),
        "image": {tuple(item.get("image", [])) for item in items},
    }


def published_outputs(client, page, window, ical_js):
    html = html_output(client, page)
    return {
        "html": html,
        "api": api_output(client, page, window),
        "ics": ics_output(client, page, window),
        "ical_js": ical_js_output(client, page, window, ical_js),
        "json_ld": json_ld_output(html["json_ld"]),
    }


def assert_outputs_agree(client, page, window, title, starts, alt, ical_js):
    """The event page, the API, the .ics (read by two libraries) and the JSON-LD show ``title``
    at exactly ``starts`` (aware datetimes) and the image described by ``alt``."""
    outputs = published_outputs(client, page, window, ical_js)
    expected = sorted(start.astimezone(datetime.UTC) for start in starts)
    for name, output in outputs.items():
        assert output["starts"] == expected, name
    assert outputs["html"]["title"] == outputs["api"]["title"] == title
    assert outputs["ics"]["title"] == outputs["ical_js"]["title"] == {title}
    assert outputs["json_ld"]["title"] == {title}
    assert outputs["html"]["image"] == outputs["api"]["image"] == alt
    # Every date's markup names the same images: absolute URLs of the crops search engines use.
    [images] = outputs["json_ld"]["image"]
    assert images and all(url.startswith("http") for url in images)
    return outputs


def next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def test_organiser_fills_the_form_for_a_weekly_event_that_reads_the_same_everywhere(
    live_server, browser, client, organiser, moderator, venue, tmp_path, ical_js
):
    first = next_weekday(TODAY + datetime.timedelta(days=7), 1)  # a Tuesday
    # The third Tuesday is held on the Wednesday, at 19:00 to 21:00, in another hall.
    moved = first + datetime.timedelta(weeks=2)
    new_day = moved + datetime.timedelta(days=1)
    hall = VenueFactory(name="Folkets hus")
    picture = tmp_path / "vantar.png"
    picture.write_bytes(png_file(width=640, height=400).read())

    log_in(browser, live_server.url, organiser)
    browser.get(f"{live_server.url}/sv/arrangor/events/new/")
    rule = browser.find_element(By.ID, "repeat-rule")
    assert not rule.is_displayed(), "Once is the default: the repeat rule waits"
    label = browser.find_element(By.CSS_SELECTOR, "label[for=id_title_sv]").rect
    field = browser.find_element(By.ID, "id_title_sv").rect
    assert label["y"] + label["height"] <= field["y"] + 1, "the label sits above its field"

    browser.find_element(By.ID, "id_title_sv").send_keys(TITLE)
    browser.find_element(By.ID, "id_summary_sv").send_keys("Vi stickar och fikar.")
    set_value(browser, "start_date", first.isoformat())
    set_value(browser, "start_time", "18:00")
    set_value(browser, "end_time", "20:00")
    browser.find_element(By.CSS_SELECTOR, "input[name=repeats][value=repeats]").click()
    wait(browser).until(expected_conditions.visibility_of(rule))
    Select(browser.find_element(By.NAME, "frequency")).select_by_value("weekly")
    browser.find_element(By.CSS_SELECTOR, "input[name=weekdays][value=TU]").click()
    Select(browser.find_element(By.NAME, "ends")).select_by_value("after")
    browser.find_element(By.NAME, "count").send_keys("6")
    Select(browser.find_element(By.NAME, "venue")).select_by_value(str(venue.pk))
    browser.find_element(By.NAME, "image").send_keys(str(picture))
    browser.find_element(By.NAME, "image_description").send_keys(ALT)
    set_value(browser, "moved-0-date", moved.isoformat())
    set_value(browser, "moved-0-new_start", f"{new_day.isoformat()}T19:00")
    set_value(browser, "moved-0-new_end", f"{new_day.isoformat()}T21:00")
    Select(browser.find_element(By.NAME, "moved-0-venue")).select_by_value(str(hall.pk))
    browser.find_element(By.CSS_SELECTOR, "form.event-form button[type=submit]").click()
    wait(browser).until(lambda b: re.search(r"/events/\d+/$", b.current_url))

    # The draft's page already shows a message ("saved as a draft"): wait for the page the
    # submission leads to, not for any message, or the moderator looks before it is submitted.
    draft_page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, "form[action$='/submit/'] button").click()
    wait(browser).until(expected_conditions.staleness_of(draft_page))
    wait(browser).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".messages"))
    )
    page = EventPage.objects.get(title=TITLE)
    TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress").approve(
        user=moderator
    )
    page.refresh_from_db()
    assert page.live

    window = (
        datetime.datetime.combine(first, datetime.time(0), STOCKHOLM),
        datetime.datetime.combine(first + datetime.timedelta(days=60), datetime.time(0), STOCKHOLM),
    )
    starts = [
        datetime.datetime.combine(first + datetime.timedelta(weeks=n), datetime.time(18), STOCKHOLM)
        for n in range(6)
        if n != 2
    ] + [datetime.datetime.combine(new_day, datetime.time(19), STOCKHOLM)]
    assert_outputs_agree(client, page, window, TITLE, starts, ALT, ical_js)
    rows = client.get(
        "/api/events/",
        {"start": new_day.isoformat(), "end": (new_day + datetime.timedelta(days=1)).isoformat()},
    ).json()["results"]
    assert [(row["moved"], row["venue"]["name"]) for row in rows] == [(True, hall.name)]
