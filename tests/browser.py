"""One way to start the headless Chromium the browser tests drive (Debian's chromium and
chromedriver), so every browser test runs the same browser with the same flags."""

from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def chromium(*, width=1100, height=1400, language=None):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    if language:
        options.add_argument(f"--lang={language}")
    # Every console message, so tests can read driver.get_log("browser") (CSP violations).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


# The marks every live-server browser test module carries: skipped without Chromium, and
# serialized_rollback because live_server empties the database afterwards, so the rows the
# migrations made (locales, root page, places) are restored before each test.
BROWSER_TEST_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
