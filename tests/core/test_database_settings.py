"""The site's PostgreSQL sessions are set up for many short queries at once (issue 19)."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.parametrize(
    ("setting", "value"), [("jit", "off"), ("max_parallel_workers_per_gather", "0")]
)
def test_postgresql_sessions_neither_compile_nor_split_queries(setting, value):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {setting}")
        assert cursor.fetchone()[0] == value
