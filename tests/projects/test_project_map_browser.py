"""The map beside the project database in headless Chromium: markers for exactly the filtered
projects, reachable with Tab; Enter on a cluster opens it, and Enter on a marker leads (through
its popup's link) to the page."""

import os

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import BROWSER_TEST_MARKS, chromium
from tests.projects.conftest import make_project

pytestmark = BROWSER_TEST_MARKS

# A path to keep a screenshot of the map at, for a person to look at (not checked).
SCREENSHOT = os.environ.get("BYGD_MAP_SCREENSHOT")

MARKERS_SHOWN = """
const clusters = [...document.querySelectorAll('.result-map .marker-cluster')];
const single = document.querySelectorAll(
    '.result-map .leaflet-marker-icon:not(.marker-cluster)').length;
return single + clusters.reduce((sum, c) => sum + parseInt(c.textContent, 10), 0);
"""


TITLES = """
return [...document.querySelectorAll('.result-map .leaflet-marker-icon[title]')].map(m => m.title);
"""


def tab_to(driver, wanted):
    """Press Tab from the top of the page until the focused element's classes are ``wanted``."""
    driver.find_element(By.TAG_NAME, "h1").click()
    for _tab in range(150):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if wanted(active.get_attribute("class") or ""):
            return active
    return None


@pytest.fixture
def projects(project_index, themes):
    places = {"KIR-1": "SE-2584", "MAL-1": "SE-1280", "GBG-1": "SE-1480", "KBH-1": "DK-101"}
    made = {}
    for identifier, place in places.items():
        theme = themes["events"] if identifier == "KBH-1" else themes["culture"]
        made[identifier] = make_project(
            project_index,
            title=f"Projekt {identifier}",
            identifier=identifier,
            places=[place],
            themes=[theme],
        )
    return made


def test_map_shows_the_filtered_projects_and_works_from_the_keyboard(
    live_server, project_index, projects
):
    driver = chromium(width=1300, height=1100)
    try:
        driver.get(f"{live_server.url}{project_index.url}?theme=culture")
        wait = WebDriverWait(driver, 30)
        section = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".result-map[data-markers]"))
        assert section.get_attribute("data-markers") == "3"
        assert driver.execute_script(MARKERS_SHOWN) == 3
        assert "3 av 3" in section.find_element(By.CLASS_NAME, "result-map-status").text
        if SCREENSHOT:
            driver.save_screenshot(SCREENSHOT)

        cluster = tab_to(driver, lambda classes: "marker-cluster" in classes)
        assert cluster is not None, "Tab never reached the cluster of Malmö and Göteborg"
        cluster.send_keys(Keys.ENTER)
        wait.until(lambda d: {"Projekt MAL-1", "Projekt GBG-1"} <= set(d.execute_script(TITLES)))

        focused = tab_to(
            driver, lambda classes: "leaflet-marker-icon" in classes and "cluster" not in classes
        )
        assert focused is not None, "Tab never reached a marker"
        title = focused.get_attribute("title")
        assert title in {page.title for page in projects.values()}
        focused.send_keys(Keys.ENTER)
        link = wait.until(
            lambda d: (
                d.switch_to.active_element
                if d.switch_to.active_element.tag_name == "a"
                and d.switch_to.active_element.text == title
                else None
            )
        )
        target = next(page for page in projects.values() if page.title == title)
        link.send_keys(Keys.ENTER)
        wait.until(lambda d: d.current_url.endswith(target.url))
        assert driver.find_element(By.TAG_NAME, "h1").text == title
    finally:
        driver.quit()
