"""Bringing an archive written by ``apps.core.backup`` back into an empty database.

The schema is migrated to the archive's own migration state, emptied of the rows migrations
create (the archive holds their live versions), loaded in one transaction, then migrated to the
code's state, so an archive from older code comes back through the same data migrations an
upgrade would run. An archive from newer code is refused before anything is written: its rows may
have columns this code does not know."""

import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from apps.core import backup


def read_manifest(archive):
    try:
        member = archive.extractfile(backup.MANIFEST)
    except KeyError:
        member = None
    if member is None:
        raise CommandError(_("This is not a Bygd backup: it has no manifest.json."))
    described = json.load(member)
    if described.get("format") != backup.FORMAT:
        raise CommandError(
            _("Unknown backup format %(format)r.") % {"format": described.get("format")}
        )
    return described


def unknown_migrations(described, loader):
    known = set(loader.disk_migrations)
    for replaced in loader.replacements.values():
        known.update(replaced.replaces)
    return sorted(
        f"{app}.{name}"
        for app, names in described["migrations"].items()
        for name in names
        if (app, name) not in known
    )


def _targets(described, loader):
    """The latest applied migration of each app in the archive, to migrate the schema to."""
    targets = []
    for app, names in described["migrations"].items():
        nodes = [(app, name) for name in names if (app, name) in loader.graph.nodes]
        if nodes:
            targets.append(max(nodes, key=lambda node: len(loader.graph.forwards_plan(node))))
    return targets


def _safe_target(root, relative):
    target = (root / relative).resolve()
    if root.resolve() not in target.parents:
        raise CommandError(
            _("The archive holds a file outside its folder: %(name)s") % {"name": relative}
        )
    return target


def _copy_files(archive, roots):
    copied = {}
    prefix = f"{backup.FILES}/"
    for member in archive.getmembers():
        if not member.name.startswith(prefix) or not member.isfile():
            continue
        name, _slash, relative = member.name[len(prefix) :].partition("/")
        if name not in roots or not relative:
            continue
        target = _safe_target(roots[name], relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.extractfile(member) as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out)
        copied[name] = copied.get(name, 0) + 1
    return copied


def restore(source, *, force=False, using=DEFAULT_DB_ALIAS):
    """Restore the archive at ``source``; returns its manifest with the files copied per root."""
    connection = connections[using]
    with tarfile.open(source, "r:*") as archive:
        described = read_manifest(archive)
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        newer = unknown_migrations(described, loader)
        if newer:
            raise CommandError(
                _(
                    "The backup was made by a newer version of the site: this code lacks its "
                    "migrations %(migrations)s. Install that version, then restore."
                )
                % {"migrations": ", ".join(newer[:10])}
            )
        if backup.applied_migrations(using) and not force:
            raise CommandError(
                _(
                    "The database is not empty (migrations have been applied). Restore into a "
                    "new, empty database, or pass --force to replace everything in this one."
                )
            )
        backup.register_format()
        executor = MigrationExecutor(connection)
        executor.migrate(_targets(described, loader))
        # flush ends with post_migrate, which recreates content types and permissions.
        call_command("flush", interactive=False, database=using, verbosity=0)
        with tempfile.TemporaryDirectory() as work:
            fixtures = [backup.PERMISSIONS, backup.DATA]
            for name in fixtures:
                archive.extract(name, work, filter="data")
            paths = [str(Path(work) / name) for name in fixtures]
            call_command("loaddata", *paths, database=using, verbosity=0)
        call_command("migrate", database=using, interactive=False, verbosity=0)
        described["copied"] = _copy_files(archive, backup.file_roots())
    call_command("update_index", verbosity=0)
    return described
