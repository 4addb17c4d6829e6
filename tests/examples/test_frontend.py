"""examples/frontend/ as a visitor of an external site meets it: the page served from its own
origin, reading a live Bygd through the API and CORS, in headless Chromium."""

import datetime
import functools
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from apps.core.localize import translate
from apps.events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from apps.network.factories import OrganisationFactory
from apps.projects.factories import ProjectIndexPageFactory, ThemeFactory
from apps.projects.models import Theme
from tests.browser import BROWSER_TEST_MARKS, chromium
from tests.clock import TODAY
from tests.projects.conftest import make_project

FRONTEND = Path(__file__).resolve().parents[2] / "examples" / "frontend"
WAIT_SECONDS = 15

pytestmark = BROWSER_TEST_MARKS


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the folder without a log line per request in the test output."""

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def frontend_origin():
    """The example folder on a second origin, as an external site would host it."""
    handler = functools.partial(QuietHandler, directory=str(FRONTEND))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    driver = chromium(width=1100, language="sv")
    yield driver
    driver.quit()


@pytest.fixture
def api(live_server, frontend_origin, settings):
    settings.CORS_ALLOWED_ORIGINS = [frontend_origin]
    return live_server.url


@pytest.fixture
def content(home_en, home, en):
    """Two events and three projects, all but one project translated into English."""
    calendar = EventIndexPageFactory(parent=home)
    calendar.save_revision().publish()
    translate(calendar, en, {"Kalender": "Calendar", "kalender": "calendar"})
    for days, title, english in (
        (3, "Stickcafé på biblioteket", "Knitting café at the library"),
        (9, "Höstmarknad i Vimmerby", "Autumn market in Vimmerby"),
    ):
        event = EventPageFactory.build(
            title=title,
            start_date=TODAY + datetime.timedelta(days),
            organiser=OrganisationFactory(),
            venue=VenueFactory(),
        )
        calendar.add_child(instance=event)
        event.save_revision().publish()
        translate(event, en, {title: english})

    index = ProjectIndexPageFactory(parent=home, title="Projekt", slug="projekt")
    index.save_revision().publish()
    translate(index, en, {"Projekt": "Projects", "projekt": "projects"})
    culture = ThemeFactory(slug="culture", name="Kultur")
    translate(culture, en, {"Kultur": "Culture"})
    finance = ThemeFactory(slug="finance", name="Lokal finansiering")
    translate(finance, en, {"Lokal finansiering": "Local finance"})
    stories = make_project(index, title="Bygdens berättelser", slug="berattelser", themes=[culture])
    translate(stories, en, {"Bygdens berättelser": "Stories of the countryside"})
    money = make_project(index, title="Pengar till bygden", slug="pengar", themes=[finance])
    translate(money, en, {"Pengar till bygden": "Money for the countryside"})
    make_project(index, title="Slöjd i skolan", slug="slojd", themes=[culture])
    nature = ThemeFactory(slug="nature", name="Natur")
    translate(nature, en, {"Natur": "Nature"})


def wait_for(browser, condition, message):
    wait = WebDriverWait(
        browser, WAIT_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
    )
    return wait.until(lambda driver: condition(driver), message)


def text_of(browser, element_id):
    return browser.find_element(By.ID, element_id).text


def titles(browser, element_id):
    return [heading.text for heading in browser.find_elements(By.CSS_SELECTOR, f"#{element_id} h3")]


def settled(browser):
    """No list is loading any more."""
    return not browser.find_elements(By.CSS_SELECTOR, "[aria-busy]")


def open_page(browser, frontend_origin, api):
    browser.get(f"{frontend_origin}/index.html?api={api}")


def test_calendar_and_projects_in_swedish_then_english(browser, frontend_origin, api, content):
    open_page(browser, frontend_origin, api)
    wait_for(
        browser,
        lambda b: settled(b) and len(titles(b, "projects-list")) == 3,
        "the Swedish lists never appeared",
    )
    assert titles(browser, "events-list") == ["Stickcafé på biblioteket", "Höstmarknad i Vimmerby"]
    assert sorted(titles(browser, "projects-list")) == [
        "Bygdens berättelser",
        "Pengar till bygden",
        "Slöjd i skolan",
    ]
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv"
    assert text_of(browser, "events-heading") == "Kommande evenemang"
    assert text_of(browser, "projects-status") == "3 projekt"

    english = browser.find_element(By.CSS_SELECTOR, '#language-switcher [data-language="en"]')
    assert english.text == "English"
    english.click()
    wait_for(
        browser,
        lambda b: settled(b) and "Stories of the countryside" in titles(b, "projects-list"),
        "the English lists never appeared",
    )
    assert titles(browser, "events-list") == [
        "Knitting café at the library",
        "Autumn market in Vimmerby",
    ]
    assert sorted(titles(browser, "projects-list")) == [
        "Money for the countryside",
        "Slöjd i skolan",
        "Stories of the countryside",
    ]
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert text_of(browser, "events-heading") == "Upcoming events"
    assert "Culture" in text_of(browser, "project-theme")
    untranslated = browser.find_element(By.XPATH, "//h3/a[text()='Slöjd i skolan']")
    assert untranslated.get_attribute("lang") == "sv"
    pressed = browser.find_element(By.CSS_SELECTOR, '[aria-pressed="true"]')
    assert pressed.get_attribute("data-language") == "en"
    assert "lang=en" in browser.current_url


def test_search_and_theme_narrow_the_projects(browser, frontend_origin, api, content):
    open_page(browser, frontend_origin, api)
    wait_for(
        browser,
        lambda b: settled(b) and len(titles(b, "projects-list")) == 3,
        "the projects never appeared",
    )
    browser.find_element(By.ID, "project-q").send_keys("berättelser")
    browser.find_element(By.CSS_SELECTOR, "#project-search button[type=submit]").click()
    wait_for(
        browser,
        lambda b: settled(b) and titles(b, "projects-list") == ["Bygdens berättelser"],
        "searching did not narrow the list",
    )
    assert text_of(browser, "projects-status") == "1 projekt"

    browser.find_element(By.ID, "project-q").clear()
    Select(browser.find_element(By.ID, "project-theme")).select_by_value("culture")
    browser.find_element(By.CSS_SELECTOR, "#project-search button[type=submit]").click()
    wait_for(
        browser,
        lambda b: (
            settled(b)
            and sorted(titles(b, "projects-list")) == ["Bygdens berättelser", "Slöjd i skolan"]
        ),
        "the theme filter did not narrow the list",
    )

    # A theme removed after the menu was built: the API's 400 is shown, not an empty list.
    Select(browser.find_element(By.ID, "project-theme")).select_by_value("nature")
    Theme.objects.filter(slug="nature").delete()
    browser.find_element(By.CSS_SELECTOR, "#project-search button[type=submit]").click()
    wait_for(
        browser,
        lambda b: settled(b) and b.find_element(By.ID, "projects-error").is_displayed(),
        "the API's error was not shown",
    )
    assert "theme" in text_of(browser, "projects-error")
    assert titles(browser, "projects-list") == []


def test_an_api_that_does_not_answer_or_refuses_the_origin_is_reported(
    browser, frontend_origin, api, settings
):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    open_page(browser, frontend_origin, closed)
    wait_for(
        browser,
        lambda b: b.find_element(By.ID, "site-error").is_displayed(),
        "no error for an API that does not answer",
    )
    assert closed in text_of(browser, "site-error")
    assert titles(browser, "events-list") == []

    settings.CORS_ALLOWED_ORIGINS = ["https://another.example.org"]
    open_page(browser, frontend_origin, api)
    wait_for(
        browser,
        lambda b: b.find_element(By.ID, "site-error").is_displayed(),
        "no error when the API does not allow this origin",
    )
    assert "CORS" in text_of(browser, "site-error")
