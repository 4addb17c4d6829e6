"""For task backends that cannot defer work (the immediate one) and for resuming sendings whose
worker died: run from cron every few minutes. Running it while a worker sends is safe, since
each recipient is claimed once."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from apps.newsletters.models import Sending, SendingStatus
from apps.newsletters.sending import run_sending


class Command(BaseCommand):
    help = "Send scheduled newsletters that are due and resume interrupted sendings."

    def handle(self, *args, **options):
        due = Sending.objects.filter(
            Q(status=SendingStatus.SCHEDULED, scheduled_for__lte=timezone.now())
            | Q(status=SendingStatus.SENDING)
        ).order_by("scheduled_for", "pk")
        count = 0
        for sending in due:
            self.stdout.write(f"sending “{sending.page.title}” ({sending.pk})")
            summary = run_sending(sending.pk, log=self.stdout.write)
            self.stdout.write(f"  {summary['sent']} sent")
            count += 1
        self.stdout.write(f"{count} sending(s) processed")
