"""One archive holding everything a site needs to come back: the database as Django fixtures,
MEDIA_ROOT and every private file root, and a manifest of versions and migration state.

Fixtures (``dumpdata`` with natural foreign keys) rather than a database engine's own dump, so an
archive made on SQLite restores on PostgreSQL and back, and restoring can refuse an archive from
newer code by its migrations. The dump runs in one transaction (REPEATABLE READ on PostgreSQL; on
SQLite the settings' IMMEDIATE transactions hold the write lock), so every row is from the same
moment. Content types are left out (migrate recreates them) and permissions are written by
natural key; rows point at both by natural key. Apps register their private roots (``register_file_root``) from
``AppConfig.ready()``; this module names no app."""

import datetime
import importlib.metadata
import io
import json
import platform
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from apps.core import backup_serializer

FORMAT = 1
MANIFEST = "manifest.json"
DATA = f"data.{backup_serializer.FORMAT}"
# Permissions by natural key only: migrate makes its own rows (with other ids), and some
# permissions are made by data migrations, which the restore's flush removes.
PERMISSIONS = f"permissions.{backup_serializer.FORMAT}"
FILES = "files"
MEDIA = "media"
# Rebuilt by migrate (content types, permissions) or by update_index (search), or per browser.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",  # the index and SQLite's full-text table beside it
]

_file_roots = {}


def register_file_root(name, location):
    """Back up the files under ``location()`` (a callable, read when backing up) as ``name``."""
    _file_roots[name] = location


def register_format():
    """Lets dumpdata and loaddata use the lossless format (loaddata reads it by extension)."""
    if backup_serializer.FORMAT not in serializers.get_serializer_formats():
        serializers.register_serializer(backup_serializer.FORMAT, backup_serializer.__name__)


def file_roots():
    """Every root to back up, by name: MEDIA_ROOT and the registered private ones."""
    roots = {MEDIA: lambda: settings.MEDIA_ROOT, **_file_roots}
    return {name: Path(location()) for name, location in roots.items()}


def applied_migrations(using=DEFAULT_DB_ALIAS):
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return {}
    applied = {}
    for app, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _version(distribution):
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def manifest(using=DEFAULT_DB_ALIAS):
    return {
        "format": FORMAT,
        "created": datetime.datetime.now(datetime.UTC).isoformat(),
        "database": connections[using].vendor,
        "versions": {
            "python": platform.python_version(),
            **{name: _version(name) for name in ("bygd", "django", "wagtail", "wagtail-localize")},
        },
        "migrations": applied_migrations(using),
        "file_roots": sorted(file_roots()),
    }


def _dump(folder, using):
    register_format()
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        described = manifest(using)
        call_command(
            "dumpdata",
            natural_foreign=True,
            exclude=EXCLUDED,
            format=backup_serializer.FORMAT,
            database=using,
            output=str(folder / DATA),
            verbosity=0,
        )
        call_command(
            "dumpdata",
            "auth.permission",
            natural_foreign=True,
            natural_primary=True,
            format=backup_serializer.FORMAT,
            database=using,
            output=str(folder / PERMISSIONS),
            verbosity=0,
        )
    return described


def _add_json(archive, name, value):
    data = json.dumps(value, indent=2, sort_keys=True).encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def write_backup(destination, using=DEFAULT_DB_ALIAS):
    """Write the archive (a gzipped tar) to ``destination``; returns its manifest."""
    with tempfile.TemporaryDirectory() as work:
        described = _dump(Path(work), using)
        counts = {}
        with tarfile.open(destination, "w:gz") as archive:
            for name in (DATA, PERMISSIONS):
                archive.add(Path(work) / name, arcname=name)
            for name, root in file_roots().items():
                files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
                for path in files:
                    archive.add(path, arcname=f"{FILES}/{name}/{path.relative_to(root).as_posix()}")
                counts[name] = len(files)
            described["files"] = counts
            _add_json(archive, MANIFEST, described)
    return described
