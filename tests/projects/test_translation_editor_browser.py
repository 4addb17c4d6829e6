"""An editor in the Swedish admin translates a project into English with wagtail-localize's
translation editor in headless Chromium: "Translate this page", each string saved by the editor's
JavaScript (a form PUT), "Publicera på English", then the English page and the API."""

import json
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.projects.conftest import make_project

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT_SECONDS = 20
PASSWORD = "redaktör-lösen-1"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
    ),
    # live_server empties the database afterwards; serialized_rollback restores the rows the
    # migrations made (locales, root page, places) before each of these tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1300,1400",
        "--lang=sv",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "red@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sv"
    profile.save()
    return user


def wait(browser):
    return WebDriverWait(browser, WAIT_SECONDS)


def log_in(browser, base):
    browser.get(f"{base}/admin/login/")
    browser.find_element(By.NAME, "username").send_keys("redaktor")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(browser).until(lambda b: "/admin/login/" not in b.current_url)


def translate_string(browser, source, english):
    """Open one segment of the translation editor, type the English, press "Spara"."""
    segment = f"//*[normalize-space(text())='{source}']/ancestor::li[.//button][1]"
    wait(browser).until(expected_conditions.element_to_be_clickable((By.XPATH, segment)))
    browser.find_element(By.XPATH, f"{segment}//button[normalize-space()='Översätt']").click()
    area = wait(browser).until(
        expected_conditions.element_to_be_clickable((By.XPATH, f"{segment}//textarea"))
    )
    area.clear()
    area.send_keys(english)
    browser.find_element(By.XPATH, f"{segment}//button[normalize-space()='Spara']").click()
    saved = (
        f"//li[.//*[normalize-space(text())='{english}']][.//button[normalize-space()='Redigera']]"
    )
    wait(browser).until(expected_conditions.presence_of_element_located((By.XPATH, saved)))


def test_an_editor_translates_a_project_in_the_swedish_admin(
    browser, live_server, editor, project_index, en
):
    project = make_project(project_index, title="Allt som sker", identifier="ALH-1")
    base = live_server.url
    log_in(browser, base)

    browser.get(f"{base}/admin/localize/submit/page/{project.id}/")
    english = browser.find_element(By.XPATH, f"//input[@name='locales'][@value='{en.id}']")
    if not english.is_selected():
        english.click()
    english.find_element(By.XPATH, "./ancestor::form//*[@type='submit']").click()
    wait(browser).until(lambda b: "/admin/pages/" in b.current_url and "/edit/" in b.current_url)
    assert "Serverfel" not in browser.page_source

    translate_string(browser, "Allt som sker", "Everything that happens")
    translate_string(browser, "Om Allt som sker.", "About everything that happens.")
    assert "Serverfel" not in browser.page_source

    publish = browser.find_element(By.XPATH, "//button[@value='publish']")
    assert publish.text.strip() == "Publicera på English"
    publish.click()
    wait(browser).until(
        lambda b: (
            Page.objects.filter(translation_key=project.translation_key, locale=en, live=True)
            .exclude(title="Allt som sker")
            .exists()
        )
    )

    page = Page.objects.get(translation_key=project.translation_key, locale=en).specific
    assert page.title == "Everything that happens"
    browser.get(base + page.url)
    assert "About everything that happens." in browser.page_source
    assert "In Swedish" not in browser.page_source
    browser.get(f"{base}/api/projects/?locale=en")
    body = json.loads(browser.find_element(By.TAG_NAME, "body").text)
    row = next(r for r in body["results"] if r["identifier"] == "ALH-1")
    assert row["title"] == "Everything that happens"
    assert row["is_fallback"] is False and row["translation_origin"] == "human"
