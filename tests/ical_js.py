"""ical.js (the parser behind Thunderbird and FullCalendar's iCalendar plugin) as a pytest
fixture, so every test that checks what calendar clients see runs the same reader: the feed
tests in tests/events and the portal's end-to-end browser test."""

import datetime
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

JS_DIR = Path(__file__).parent / "events" / "js"
YEAR = (datetime.date(2027, 1, 1), datetime.date(2028, 1, 1))


@pytest.fixture(scope="session")
def ical_js():
    """ical.js installed with `npm ci` from the committed lock file, cached across sessions."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are needed to check the feed with ical.js")
    lock = (JS_DIR / "package-lock.json").read_bytes()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bygd-tests"
    target = cache / f"ical-js-{hashlib.sha256(lock).hexdigest()[:12]}"
    target.mkdir(parents=True, exist_ok=True)
    if not (target / "node_modules" / "ical.js").is_dir():
        for name in ("package.json", "package-lock.json"):
            shutil.copy(JS_DIR / name, target / name)
        result = subprocess.run(  # noqa: S603 (fixed argv, no shell)
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=target,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            pytest.skip(f"npm ci failed (offline?): {result.stderr[-300:]}")
    shutil.copy(JS_DIR / "expand.mjs", target / "expand.mjs")

    def expand(content, window=YEAR):
        """Occurrences in ``window`` (two dates) as {(summary, start, end, cancelled)}."""
        start, end = window
        result = subprocess.run(  # noqa: S603 (fixed argv, no shell)
            [node, str(target / "expand.mjs"), str(start), str(end)],
            input=content.decode(),
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return {
            (
                row["summary"],
                datetime.date.fromisoformat(row["start"])
                if row["all_day"]
                else datetime.datetime.fromtimestamp(row["start"], datetime.UTC),
                datetime.date.fromisoformat(row["end"])
                if row["all_day"]
                else datetime.datetime.fromtimestamp(row["end"], datetime.UTC),
                row["cancelled"],
            )
            for row in json.loads(result.stdout)
        }

    return expand
