from django.core.management.base import BaseCommand

from apps.core.restore import restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup` into an empty database: migrate, load the rows, "
        "copy the files, rebuild the search index. Refuses a database with content unless "
        "--force, and an archive from newer code."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file written by backup")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--force", action="store_true", help="replace everything in a database that has content"
        )

    def handle(self, *args, archive, database, force, **options):
        described = restore(archive, force=force, using=database)
        if options["verbosity"]:
            files = ", ".join(f"{name}: {count}" for name, count in described["copied"].items())
            self.stdout.write(f"Restored {archive} from {described['created']} (files {files})")
