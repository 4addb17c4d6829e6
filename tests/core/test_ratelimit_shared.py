"""The rate limiter must hold across worker processes: gunicorn runs several, and a limit each
process counted on its own let 27 of 30 sign-ups through a limit of 10. Two real processes with
the production settings (no REDIS_URL, so the default cache) hit the limiter together here."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 10
HITS = 40

# Each process sets Django up, says it is ready, waits for "go" so the two hit at the same time,
# then reports how many of its requests the limiter allowed.
WORKER = f"""
import sys
import django
django.setup()
from apps.core import ratelimit
print("ready", flush=True)
sys.stdin.readline()
allowed = 0
for _ in range({HITS}):
    try:
        ratelimit.check("signup", "203.0.113.9", limit={LIMIT}, window=3600)
    except ratelimit.RateLimited:
        continue
    allowed += 1
print(allowed, flush=True)
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A SQLite file; and on a PostgreSQL run a fresh database beside the configured one."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        return
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    import psycopg

    db = connection.settings_dict
    server = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}"
    name = f"{db['NAME']}_ratelimit"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def production_env(url):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="two-processes-test-key-long-enough-to-be-a-secret-key-for-the-check",
        ALLOWED_HOSTS="bygd.example.org",
        DATABASE_URL=url,
    )
    return env


def test_two_processes_share_one_budget(database_url):
    env = production_env(database_url)
    python = sys.executable
    # What `migrate` runs before migrating (apps.core creates the cache table), without the
    # minutes a full migration of a fresh database takes.
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [python, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True, timeout=120
    )
    workers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [python, "-c", WORKER],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready"
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        allowed = [int(worker.stdout.readline()) for worker in workers]
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(timeout=60)
    assert sum(allowed) == LIMIT, f"each process allowed {allowed} of a limit of {LIMIT}"
