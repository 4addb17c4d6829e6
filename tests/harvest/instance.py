"""A second Bygd site for harvest tests: its own SQLite database, its own `manage.py` processes
(to fill and change it) and its own web server, reached over HTTP like any other source.

On SQLite the database starts as a copy of the test database (migrated once for the session);
on PostgreSQL it is migrated from scratch, which takes longer."""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SITE_NAME = "Grannbygden"


class SourceSite:
    def __init__(self, directory):
        self.database = directory / "source.sqlite3"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.harvest.source_settings",
            "BYGD_TEST_SOURCE_CACHE": str(directory / "cache"),
            "DATABASE_URL": f"sqlite:///{self.database}",
            "BYGD_SITE_NAME": SITE_NAME,
            "PYTHONPATH": str(ROOT),
        }
        self.server = None
        self.log = directory / "source-server.log"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"

    def create(self, template):
        if template is not None:
            shutil.copyfile(template, self.database)
        else:
            self.manage("migrate", "--noinput", "-v0")

    def manage(self, *args):
        subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=600,
        )

    def shell(self, code):
        """Runs Python in the source site's process environment; returns what it prints."""
        done = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode:
            raise AssertionError(done.stderr)
        return done.stdout

    def start(self):
        self.server = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{self.port}",
                "--noreload",
                "--skip-checks",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "api/site/", timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(self.log.read_text())

    def stop(self):
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=20)


def copy_of_test_database(path):
    """The migrated test database in a file, on SQLite; None on other databases. Made before
    any test opens its transaction (a backup waits for the database to be free)."""
    if connection.vendor != "sqlite":
        return None
    target = sqlite3.connect(path)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()
    return path
