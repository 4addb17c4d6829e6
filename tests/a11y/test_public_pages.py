"""Every public page type, in Swedish and English, as a visitor's browser and a validator see it:
no axe-core WCAG 2.1 AA violation in headless Chromium and no Nu HTML Checker (vnu) error in the
served HTML, also after sending the forms empty. The checkers come from npm (tests/a11y/package-lock.json), installed once into
var/ and reused while the lock file stays the same."""

import hashlib
import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.a11y.samples import EMPTY_FORMS, SIGNED_IN, STATUS, build, public_page_types
from tests.browser import CHROMEDRIVER, CHROMIUM, chromium

HERE = Path(__file__).resolve().parent
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
JAVA = shutil.which("java")
NPM = shutil.which("npm")
MISSING = [
    name
    for name, found in (
        ("chromium", CHROMIUM.exists()),
        ("chromedriver", CHROMEDRIVER.exists()),
        ("java", JAVA),
        ("npm", NPM),
    )
    if not found
]

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}}).then(
  (result) => done(result.violations.map((v) => ({
    id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }))),
  (error) => done([{id: "axe-error", help: String(error), nodes: []}]),
);
"""


@pytest.fixture(scope="session")
def checkers():
    """node_modules with axe-core and vnu-jar, from the lock file, installed once."""
    lock = (HERE / "package-lock.json").read_bytes()
    target = Path(settings.BASE_DIR) / "var" / f"a11y-{hashlib.sha256(lock).hexdigest()[:12]}"
    if not (target / "node_modules").exists():
        staging = target.with_name(target.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(HERE / name, staging / name)
        installed = subprocess.run(  # noqa: S603 (npm with fixed arguments)
            [NPM, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=staging,
            capture_output=True,
            text=True,
        )
        if installed.returncode:
            pytest.skip(f"npm ci could not install the checkers: {installed.stderr[-500:]}")
        staging.rename(target)
    modules = target / "node_modules"
    return {
        "axe": (modules / "axe-core" / "axe.min.js").read_text(),
        "vnu": modules / "vnu-jar" / "build" / "dist" / "vnu.jar",
    }


@pytest.fixture(scope="module")
def browser():
    driver = chromium(width=1100)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def fetch(url, cookie=None):
    """The HTML exactly as served (a validator must not see the browser's repaired DOM)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310 (the live test server)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def save(folder, language, kind, html):
    name = f"{language}-{kind.replace(':', '-').replace('?', '-').replace('!', '-')}.html"
    (folder / name).write_bytes(html)
    return name


def start_vnu(jar, files):
    """ONE java run over all files (the JVM start is the cost), working while the browser does."""
    return subprocess.Popen(  # noqa: S603 (java on our vnu.jar and our files)
        [JAVA, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def vnu_errors(process):
    """{file name: [messages]} from the run start_vnu began."""
    _, report = process.communicate(timeout=600)
    try:
        messages = json.loads(report)["messages"]
    except ValueError:
        pytest.fail(f"vnu did not answer in JSON: {report[-1000:]}")
    errors = {}
    for message in messages:
        name = Path(message.get("url", "file:unknown")).name
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message['message']} [{message.get('extract', '')}]"
        )
    return errors


def axe(browser, source, label):
    browser.execute_script(source)
    return [
        f"{label}: axe {violation['id']} ({violation['help']}) at {violation['nodes']}"
        for violation in browser.execute_async_script(RUN_AXE, AXE_TAGS)
    ]


def send_empty(browser, selector):
    """Send the page's form without filling it in (``form.submit()`` skips the browser's own
    checks, as an old browser would), and wait for the answer."""
    page = browser.find_element(By.TAG_NAME, "html")
    browser.execute_script("arguments[0].submit()", browser.find_element(By.CSS_SELECTOR, selector))
    WebDriverWait(browser, 30).until(expected_conditions.staleness_of(page))


def post_empty(client, path, html, selector):
    """The answer to the same form as served, for the validator: its fields as the browser sends
    them untouched (the default value of a text field, nothing for a box, a list or a file)."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    data = {
        field["name"]: field.get("value", "") if field.name == "input" else ""
        for field in form.select("[name]")
        if field.get("type") not in ("checkbox", "radio", "file", "submit")
    }
    return client.post(urlsplit(form.get("action", "")).path or path, data)


@pytest.mark.browser
@pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} for the checkers")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_pass_axe_and_the_html_validator(
    checkers,
    browser,
    live_server,
    settings,
    tmp_path,
    home,
    home_en,
    en,
    network_index,
    calendar,
    publish,
):
    settings.MEDIA_ROOT = tmp_path / "media"  # the sample image goes away with the test
    samples, organiser = build(home, home_en, en, network_index, calendar, publish)
    unsampled = public_page_types() - {kind.split("?")[0] for kind in samples}
    assert unsampled == set(), "add a sample of these to tests/a11y/samples.py"
    problems = []
    files = {}
    client, signed_in = Client(), Client()
    signed_in.force_login(organiser)
    session = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    pages = {}  # {url: (label, form to send empty, signed in)}: each address is checked once
    for kind, urls in sorted(samples.items(), key=lambda item: item[0] in SIGNED_IN):
        for language, path in urls.items():
            label = f"{language} {kind} {path}"
            if live_server.url + path in pages:
                continue
            cookie = f"{settings.SESSION_COOKIE_NAME}={session}" if kind in SIGNED_IN else None
            status, html = fetch(live_server.url + path, cookie)
            expected = STATUS.get(kind, 200)
            if status != expected:
                problems.append(f"{label}: HTTP {status}, expected {expected}")
                continue
            files[save(tmp_path, language, kind, html)] = label
            pages[live_server.url + path] = (label, EMPTY_FORMS.get(kind), bool(cookie))
            if kind in EMPTY_FORMS:
                poster = signed_in if cookie else client
                answer = post_empty(poster, path, html, EMPTY_FORMS[kind])
                if answer.status_code not in (200, 400):
                    problems.append(f"{label} sent empty: HTTP {answer.status_code}")
                files[save(tmp_path, language, kind + "!empty", answer.content)] = (
                    f"{label} sent empty"
                )
    vnu = start_vnu(checkers["vnu"], [tmp_path / name for name in files])
    for url, (label, form, needs_login) in pages.items():
        if needs_login and not browser.get_cookie(settings.SESSION_COOKIE_NAME):
            # The public pages come first, so they are checked as a visitor sees them.
            browser.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": session})
        browser.get(url)
        problems += axe(browser, checkers["axe"], label)
        if form:
            send_empty(browser, form)
            problems += axe(browser, checkers["axe"], f"{label} sent empty")
    for name, messages in vnu_errors(vnu).items():
        problems.extend(f"{files.get(name, name)}: vnu {message}" for message in messages)
    assert problems == [], "\n".join(problems)
