"""The editor's path through the Swedish admin in headless Chromium: a project page made in the
page editor (amounts, a place, a theme and two funders with their shares, picked in the choosers),
translated into English in wagtail-localize's translation editor (each string saved by the
editor's JavaScript, a form PUT, then "Publicera på English"), a fact changed and published in
Swedish; both languages' pages and the API then show the same facts and the English text."""

import json
import time

import pytest
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from wagtail.users.models import UserProfile

from apps.network.factories import OrganisationFactory
from apps.projects.models import ProjectPage
from tests.browser import BROWSER_TEST_MARKS, chromium

WAIT_SECONDS = 20
PASSWORD = "redaktör-lösen-1"

pytestmark = BROWSER_TEST_MARKS


@pytest.fixture(scope="module")
def browser():
    driver = chromium(width=1300, language="sv")
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


def choose(browser, field_id, search):
    """Pick an item in a chooser modal the way an editor does: "Välj …", search, click it."""
    chooser = browser.find_element(By.ID, f"{field_id}-chooser")
    chooser.find_element(By.CSS_SELECTOR, "[data-chooser-action-choose]").click()
    query = wait(browser).until(
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, ".modal input[name=q]"))
    )
    query.send_keys(search)
    choice = f"//div[contains(@class,'modal')]//a[@data-chooser-modal-choice][normalize-space()='{search}']"

    def click_choice(b):
        # Typing reloads the results while the modal already lists the item, so a link found
        # a moment ago can be replaced before the click: find it again until the click lands.
        link = b.find_element(By.XPATH, choice)
        if not (link.is_displayed() and link.is_enabled()):
            return False
        link.click()
        return True

    WebDriverWait(
        browser,
        WAIT_SECONDS,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
    ).until(click_choice)
    wait(browser).until(
        lambda b: (
            b.find_element(By.ID, field_id).get_attribute("value")
            and not b.find_elements(By.CSS_SELECTOR, ".modal.show")
        )
    )


def add_row(browser, relation):
    """Press an inline panel's add button; returns the new row's form prefix."""
    total = browser.find_element(By.ID, f"id_{relation}-TOTAL_FORMS")
    count = int(total.get_attribute("value"))
    button = browser.find_element(By.ID, f"id_{relation}-ADD")
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button
    )
    button.click()
    wait(browser).until(lambda b: b.find_elements(By.ID, f"id_{relation}-{count}-id"))
    return f"id_{relation}-{count}"


def fill(browser, field_id, value):
    field = browser.find_element(By.ID, field_id)
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", field
    )
    field.clear()
    field.send_keys(value)


# Wagtail autosaves the editor's form half a second after each change; pressing "Publicera"
# while that request is in flight races it, so wait for a pending save to start and finish.
AUTOSAVE_SECONDS = 1
SETTLED_AUTOSAVE = """
const indicator = document.getElementById("w-autosave-indicator");
return !indicator || indicator.getAttribute("data-w-autosave-state-value") !== "saving";
"""


def publish_in_editor(browser, published):
    """Open the footer's action menu, press "Publicera" and wait until ``published()``; when it
    does not come, fail with the editor's error messages rather than a bare timeout."""
    time.sleep(AUTOSAVE_SECONDS)
    wait(browser).until(lambda b: b.execute_script(SETTLED_AUTOSAVE))
    footer = browser.find_element(By.CSS_SELECTOR, "footer")
    footer.find_element(By.CSS_SELECTOR, ".w-dropdown__toggle").click()
    wait(browser).until(
        expected_conditions.element_to_be_clickable((By.NAME, "action-publish"))
    ).click()
    try:
        wait(browser).until(lambda b: published())
    except TimeoutException:
        errors = browser.find_elements(By.CSS_SELECTOR, ".messages, .error-message")
        raise AssertionError([error.text for error in errors] or browser.page_source) from None


def digits(html):
    return html.replace("\xa0", "").replace("&nbsp;", "").replace(" ", "").replace(",", "")


def api(browser, path):
    browser.get(path)
    return json.loads(browser.find_element(By.TAG_NAME, "body").text)


def test_the_editor_path_keeps_facts_the_same_in_both_languages(
    browser, live_server, editor, project_index, themes, en
):
    for slug, name in [("kulturradet", "Kulturrådet"), ("region-sormland", "Region Sörmland")]:
        OrganisationFactory(slug=slug, name=name)
    base = live_server.url
    log_in(browser, base)

    browser.get(f"{base}/admin/pages/add/projects/projectpage/{project_index.id}/")
    fill(browser, "id_title", "Sörmländska kulturtillgångar")
    fill(browser, "id_identifier", "SKT-1")
    fill(browser, "id_summary", "För ett välmående kulturliv i hela Sörmland.")
    fill(browser, "id_amount_granted", "900000")
    choose(browser, add_row(browser, "places") + "-place", "Eskilstuna")
    choose(browser, add_row(browser, "themes") + "-theme", "Kultur")
    for name, amount in [("Kulturrådet", "600000"), ("Region Sörmland", "300000")]:
        row = add_row(browser, "funders")
        choose(browser, f"{row}-organisation", name)
        fill(browser, f"{row}-amount", amount)
    publish_in_editor(browser, ProjectPage.objects.filter(identifier="SKT-1", live=True).exists)
    assert "Serverfel" not in browser.page_source
    project = ProjectPage.objects.get(identifier="SKT-1")

    browser.get(f"{base}/admin/localize/submit/page/{project.id}/")
    english = browser.find_element(By.XPATH, f"//input[@name='locales'][@value='{en.id}']")
    if not english.is_selected():
        english.click()
    english.find_element(By.XPATH, "./ancestor::form//*[@type='submit']").click()
    wait(browser).until(lambda b: "/admin/pages/" in b.current_url and "/edit/" in b.current_url)
    translate_string(browser, "Sörmländska kulturtillgångar", "Cultural assets of Sörmland")
    translate_string(
        browser,
        "För ett välmående kulturliv i hela Sörmland.",
        "For a thriving cultural life across Sörmland.",
    )
    publish = browser.find_element(By.XPATH, "//button[@value='publish']")
    assert publish.text.strip() == "Publicera på English"
    publish.click()
    wait(browser).until(
        lambda b: ProjectPage.objects.filter(
            identifier="SKT-1", locale=en, live=True, title="Cultural assets of Sörmland"
        ).exists()
    )
    assert "Serverfel" not in browser.page_source

    browser.get(f"{base}/admin/pages/{project.id}/edit/")
    fill(browser, "id_amount_granted", "950000")
    fill(browser, "id_funders-1-amount", "350000")
    publish_in_editor(
        browser,
        ProjectPage.objects.filter(identifier="SKT-1", locale=en, amount_granted=950000).exists,
    )
    assert "Serverfel" not in browser.page_source

    for page in ProjectPage.objects.filter(identifier="SKT-1"):
        browser.get(base + page.url)
        html = browser.page_source
        for text in ("Kulturrådet", "Region Sörmland", "Eskilstuna"):
            assert text in html, (page.locale, text)
        assert {"sv": "Kultur", "en": "Culture"}[page.locale.language_code] in html
        for amount in ("950000", "600000", "350000"):
            assert amount in digits(html), (page.locale, amount)
        if page.locale == en:
            assert "For a thriving cultural life across Sörmland." in html
            assert "In Swedish" not in html

    for language, title in [
        ("sv", "Sörmländska kulturtillgångar"),
        ("en", "Cultural assets of Sörmland"),
    ]:
        (row,) = api(browser, f"{base}/api/projects/?locale={language}&fallback=false")["results"]
        detail = api(browser, f"{base}/api/projects/SKT-1/?locale={language}")
        for item in (row, detail):
            assert item["title"] == title
            assert item["amount_granted"] == "950000.00"
            assert [(f["value"], f["amount"]) for f in item["funders"]] == [
                ("kulturradet", "600000.00"),
                ("region-sormland", "350000.00"),
            ]
            assert [p["value"] for p in item["places"]] == ["SE-0484"]
            assert [t["value"] for t in item["themes"]] == ["culture"]
    assert detail["summary"] == "For a thriving cultural life across Sörmland."
    assert row["is_fallback"] is False and detail["translation_origin"] == "human"
