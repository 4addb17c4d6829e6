from django.core.management.base import BaseCommand

from apps.projects import place_reach
from apps.projects.models import ProjectPage
from apps.projects.search import missing_page_ids, refresh


class Command(BaseCommand):
    help = (
        "Rebuild the project database's search documents and the places each project reaches; "
        "needed after writing projects in bulk without saving pages (signals keep them current "
        "otherwise)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing", action="store_true", help="only live projects without a document"
        )

    def handle(self, *args, missing, **options):
        ids = missing_page_ids() if missing else ProjectPage.objects.values_list("pk", flat=True)
        ids = list(ids)
        refresh(ids)
        place_reach.rebuild(ids)
        if options["verbosity"]:
            self.stdout.write(f"{len(ids)} projects indexed")
