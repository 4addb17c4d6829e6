"""The public site is served with a strict Content-Security-Policy (scripts, styles and data from
this site only, framed by nobody); Wagtail's admin, which needs inline scripts, has none; the
API documentation gets only what its Redoc bundle needs. A browser loading the public pages
reports no violation."""

import pytest
from django.contrib.auth import get_user_model
from selenium.webdriver.support.ui import WebDriverWait

from apps.network.factories import OrganisationFactory
from apps.projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from tests.browser import CHROMEDRIVER, CHROMIUM, chromium

# Redoc's sidebar credit loads its logo from Redocly's CDN; the policy blocks it on purpose (no
# third-party request from the docs page) and Redoc then leaves the image out.
KNOWN_BLOCKED = "https://cdn.redoc.ly/redoc/logo-mini.svg"

STRICT = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]


def directives(response):
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def assert_strict(response):
    policy = directives(response)
    for directive in STRICT:
        assert policy[directive.split()[0]] == directive, policy
    assert policy["img-src"].startswith("img-src 'self' data:")


@pytest.fixture
def project(home):
    index = ProjectIndexPageFactory(parent=home, title="Projekt", slug="projekt")
    index.save_revision().publish()
    page = ProjectPageFactory.build(
        title="Byalaget", slug="byalaget", owner_organisation=OrganisationFactory()
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def event(publish):
    return publish(title="Skördefest", slug="skordefest")


@pytest.mark.django_db
def test_public_pages_carry_the_strict_policy(client, home, calendar, project):
    for page in (home, calendar, project):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert_strict(response)


@pytest.mark.django_db
def test_api_answers_carry_the_policy(client, home):
    response = client.get("/api/site/")
    assert response.status_code == 200
    assert_strict(response)


@pytest.mark.django_db
def test_admin_works_without_a_policy(client, home):
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
    edit = client.get(f"/admin/pages/{home.pk}/edit/")
    assert edit.status_code == 200
    assert "Content-Security-Policy" not in edit.headers


@pytest.mark.django_db
def test_api_docs_load_from_this_site_with_what_redoc_needs(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "googleapis" not in html
    assert "<script>" not in html and "<style>" not in html
    policy = directives(response)
    assert policy["script-src"] == "script-src 'self'"
    assert policy["worker-src"] == "worker-src blob:"
    assert policy["style-src"] == "style-src 'self' 'unsafe-inline'"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()), reason="needs chromium and chromedriver"
)
def test_browser_reports_no_violation_on_public_pages(live_server, home, calendar, event, project):
    paths = [home.url, calendar.url, event.url, project.url, "/sv/arrangor/login/", "/api/docs/"]
    driver = chromium()
    try:
        found = {}
        for path in paths:
            driver.get(live_server.url + path)
            WebDriverWait(driver, 30).until(
                lambda d: d.execute_script("return document.readyState") == "complete"
            )
            if path == "/api/docs/":
                WebDriverWait(driver, 60).until(
                    lambda d: d.execute_script("return !!document.querySelector('.api-content')")
                )
            logs = [entry["message"] for entry in driver.get_log("browser")]
            refused = [
                m
                for m in logs
                if ("Content Security Policy" in m or "Refused to" in m) and KNOWN_BLOCKED not in m
            ]
            if refused:
                found[path] = refused
    finally:
        driver.quit()
    assert found == {}
