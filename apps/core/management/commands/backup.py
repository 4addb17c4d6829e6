from django.core.management.base import BaseCommand

from apps.core.backup import write_backup


class Command(BaseCommand):
    help = (
        "Write one archive with the database (as fixtures, from one transaction), MEDIA_ROOT, "
        "the private file roots and a manifest of versions and migrations; README, "
        '"Backup and restore".'
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file to write")
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive, database, **options):
        described = write_backup(archive, using=database)
        if options["verbosity"]:
            files = ", ".join(f"{name}: {count}" for name, count in described["files"].items())
            self.stdout.write(f"Wrote {archive} (files {files})")
