"""For task backends that cannot defer work (the immediate one), for deferred deliveries and for
resuming sendings whose worker died: run from cron every few minutes. Running it while a worker
sends is safe, since each delivery is claimed by one run at a time.

Exit status: 0 when every due sending was worked through (deferred deliveries wait for a later
run; that is normal), with a summary per sending. 1, with a message naming the mail server's
answer and no traceback, when the mail server could not be reached (or kept dropping the
connection): nothing is lost, the remaining deliveries wait for the next run, but cron should
tell someone."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from apps.newsletters.models import Sending, SendingStatus
from apps.newsletters.sending import run_sending


class Command(BaseCommand):
    help = "Send scheduled newsletters that are due, retry deferred deliveries and resume interrupted sendings."

    def handle(self, *args, **options):
        due = (
            Sending.objects.filter(
                Q(status=SendingStatus.SCHEDULED, scheduled_for__lte=timezone.now())
                | Q(status=SendingStatus.SENDING)
            )
            .select_related("page")
            .order_by("scheduled_for", "pk")
        )
        count, unavailable = 0, []
        for sending in due:
            self.stdout.write(f"sending “{sending.page.title}” ({sending.pk})")
            summary = run_sending(sending.pk, log=self.stdout.write)
            self.stdout.write(
                f"  {summary.get('sent', 0)} sent, {summary.get('deferred', 0)} deferred, "
                f"{summary.get('failed', 0)} failed, {summary.get('pending', 0)} waiting"
            )
            if summary.get("stopped"):
                unavailable.append(f"{sending.pk}: {summary['stopped']}")
            count += 1
        self.stdout.write(f"{count} sending(s) processed")
        if unavailable:
            raise CommandError(
                "The mail server could not be reached; the remaining deliveries wait for the "
                "next run. " + "; ".join(unavailable)
            )
