from django.core.management.base import BaseCommand
from django.db import transaction

from apps.network.models import Place
from apps.network.places_data import load_centres, load_places


class Command(BaseCommand):
    help = (
        "Create or update countries, Swedish and Danish regions and municipalities and their "
        "map positions (idempotent)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            created, updated, unchanged = load_places(Place, log=self.stdout.write)
            moved = load_centres(Place)
        self.stdout.write(
            self.style.SUCCESS(
                f"places: {created} created, {updated} updated, {unchanged} unchanged; "
                f"{moved} map positions set"
            )
        )
