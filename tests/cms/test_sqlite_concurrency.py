"""The site on SQLite (the default) with `manage.py db_worker` running beside the web server:
two processes write at once, and a request must wait its turn instead of answering 500 with
"database is locked". The settings put the database in WAL mode (readers never block the writer),
start every transaction as IMMEDIATE (a transaction that read first cannot fail on upgrading to
a write) and wait up to 20 seconds for the lock. Run in a subprocess on a file database, since
the test database is in memory."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Writers that read before they write, the pattern of a get_or_create or a page save, in threads
# with their own connections, all released at once.
SCRIPT = """
import threading

import django

django.setup()
from django.db import connection, connections, transaction

with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print("journal_mode", cursor.fetchone()[0])
    cursor.execute("CREATE TABLE IF NOT EXISTS counter (n integer)")
connection.close()

start = threading.Barrier(8)
errors = []


def write():
    start.wait()
    try:
        for _ in range(15):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM counter")
                cursor.execute("INSERT INTO counter (n) VALUES (1)")
    except Exception as error:
        errors.append(repr(error))
    finally:
        connections.close_all()


threads = [threading.Thread(target=write) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM counter")
    print("rows", cursor.fetchone()[0])
print("errors", len(errors), errors[:1])
"""


def test_a_file_database_is_in_wal_mode_and_concurrent_writers_wait_their_turn(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "journal_mode wal" in result.stdout
    assert "errors 0 []" in result.stdout, result.stdout
    assert "rows 120" in result.stdout
