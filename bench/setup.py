"""Bench runs use their own database (var/bench.sqlite3 unless DATABASE_URL says otherwise) so
they never touch the demo site's data."""

import os
import sys


def django_setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ.setdefault("DATABASE_URL", "sqlite:///var/bench.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}", file=sys.stderr)
