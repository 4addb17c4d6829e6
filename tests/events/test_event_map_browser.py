"""The map beside the calendar list in headless Chromium: a marker for each filtered occurrence,
at its venue or, for a venue without coordinates, at its municipality."""

import datetime
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from apps.events.factories import VenueFactory
from apps.network.factories import municipality
from tests.browser import BROWSER_TEST_MARKS, chromium
from tests.clock import TODAY
from tests.projects.test_project_map_browser import MARKERS_SHOWN

pytestmark = BROWSER_TEST_MARKS

SCREENSHOT = os.environ.get("BYGD_CALENDAR_MAP_SCREENSHOT")


def test_calendar_map_shows_the_filtered_occurrences(live_server, calendar, publish):
    soon = TODAY + datetime.timedelta(days=3)
    hultsfred = VenueFactory(municipality=municipality("0860"), latitude=None, longitude=None)
    kiruna = VenueFactory(
        municipality=municipality("2584"), latitude="67.855800", longitude="20.225300"
    )
    publish(title="Vimmerbymarknad", start_date=soon)
    publish(title="Hultsfredsfestival", start_date=soon, venue=hultsfred)
    publish(
        title="Kirunaträff",
        start_date=soon,
        venue=kiruna,
        frequency="weekly",
        ends="after",
        count=2,
    )
    driver = chromium(width=1300, height=1100)
    try:
        driver.get(f"{live_server.url}{calendar.url}?municipality=SE-0860,SE-2584")
        section = WebDriverWait(driver, 30).until(
            lambda d: d.find_element(By.CSS_SELECTOR, ".result-map[data-markers]")
        )
        assert section.get_attribute("data-markers") == "3"
        assert driver.execute_script(MARKERS_SHOWN) == 3
        titles = driver.execute_script(
            "return [...document.querySelectorAll('.result-map .leaflet-marker-icon[title]')]"
            ".map(icon => icon.title)"
        )
        assert set(titles) <= {"Hultsfredsfestival", "Kirunaträff"}
        assert "Hultsfredsfestival" in titles
        if SCREENSHOT:
            driver.save_screenshot(SCREENSHOT)
    finally:
        driver.quit()
