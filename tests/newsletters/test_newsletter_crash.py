"""The sender is killed (SIGKILL, no clean-up) at seeded random moments while it mails a list
through a greylisting SMTP server that drops connections; after a final run every subscriber
has the issue. Duplicates are counted, not forbidden: a kill between the server's acceptance
and the row's update sends that message again (at-least-once).

Four processes start (three killed, one final); each is bounded by a timeout. On an idle
two-core machine the test takes about 15 s, nearly all of it Django starting up."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from apps.newsletters.factories import SendingFactory, SubscriptionFactory
from tests.newsletters.smtp_sink import Sink, SinkServer

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 40
KILL_ROUNDS = 3
PROCESS_TIMEOUT = 45  # seconds; a hung sender fails the test instead of hanging it


def database_url(tmp_path):
    """A URL the subprocess can open: the test database itself on PostgreSQL, a copy of the
    in-memory test database on SQLite (copied back is not needed: the sink is the judge)."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        )
    path = tmp_path / "crash.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return f"sqlite:///{path}"


def start_sender(env):
    return subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "send_due_newsletters", "--skip-checks"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.real_clock
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_killing_the_sender_at_random_loses_nobody(issue, newsletter_list, tmp_path):
    rows = [SubscriptionFactory(newsletter_list=newsletter_list) for _ in range(RECIPIENTS)]
    SendingFactory(page=issue)
    chance = random.Random(16)  # noqa: S311 - reproducible kill points, not security
    sink = Sink(greylist=True, disconnect_after=6)
    started = time.monotonic()
    with SinkServer(sink) as port:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.newsletters.sink_settings",
            "DATABASE_URL": database_url(tmp_path),
            "BYGD_TEST_SMTP_PORT": str(port),
        }
        kills = 0
        for _round in range(KILL_ROUNDS):
            sender = start_sender(env)
            threshold = len(sink.envelopes) + chance.randint(2, 9)
            before = chance.random() < 0.5
            delay = chance.uniform(0, 0.02)
            killed = threading.Event()

            def kill(sink, sender=sender, at=threshold, killed=killed, now=before, delay=delay):
                if len(sink.envelopes) >= at and not killed.is_set():
                    killed.set()
                    if now:  # stored, but the sender never hears the 250
                        sender.send_signal(signal.SIGKILL)
                    else:
                        threading.Timer(delay, sender.send_signal, [signal.SIGKILL]).start()

            sink.on_accept = kill
            sender.communicate(timeout=PROCESS_TIMEOUT)
            sink.on_accept = None
            kills += killed.is_set()
            time.sleep(1.1)  # the dead run's claims expire (claim timeout: 1 s)
        final = start_sender(env)
        out, err = final.communicate(timeout=PROCESS_TIMEOUT)
    elapsed = time.monotonic() - started
    assert final.returncode == 0, err
    assert "Traceback" not in err
    received = sink.received
    assert {row.email for row in rows} <= set(received), "someone got nothing"
    duplicates = sum(received.values()) - len(received)
    print(f"{kills} kills, {duplicates} duplicate(s) of {RECIPIENTS}, {elapsed:.1f} s")
    assert kills >= 2
    assert duplicates <= kills  # at most the message in flight at each kill
