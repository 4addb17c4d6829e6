"""Sending an issue. Each recipient's Delivery row is committed before their message is handed
to the mail server, so after a crash the next run skips everyone who was (or may have been)
sent to: at most once per address. Recipient-level refusals are recorded and skipped; anything
else (the server went away, the worker died) stops the run so it can be resumed."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.newsletters import conf
from apps.newsletters.emails import absolute
from apps.newsletters.models import (
    Delivery,
    DeliveryStatus,
    NewsletterPage,
    Sending,
    SendingStatus,
    Subscription,
)
from apps.newsletters.rendering import RenderedIssue
from apps.newsletters.tokens import unsubscribe_token

logger = logging.getLogger(__name__)

RECIPIENT_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError)


class NotSendable(Exception):
    """The page cannot be sent (not published, or already sent)."""


def one_click_url(subscription):
    return absolute(reverse("newsletter-one-click", args=[unsubscribe_token(subscription)]))


def schedule(page, user, when=None):
    """Record the decision to send ``page`` to its list, and queue the sending."""
    from apps.newsletters.tasks import send_newsletter

    page = page.specific
    if not page.live:
        raise NotSendable(_("Publish the newsletter before sending it."))
    original = _original(page)
    when = when or timezone.now()
    try:
        with transaction.atomic():
            sending = Sending.objects.create(
                page=original,
                newsletter_list=original.newsletter_list.original,
                status=SendingStatus.SCHEDULED,
                scheduled_for=when,
                requested_by=user,
            )
    except IntegrityError:
        raise NotSendable(_("This newsletter has already been sent or scheduled.")) from None
    task = send_newsletter
    if when > timezone.now() and task.get_backend().supports_defer:
        task = task.using(run_after=when)
    if when <= timezone.now() or task.get_backend().supports_defer:
        task.enqueue(sending.pk)
    return sending


def recipients(newsletter_list):
    """Everyone an issue of the list goes to, whichever translation of the list they chose."""
    return Subscription.objects.confirmed().filter(
        newsletter_list__translation_key=newsletter_list.translation_key
    )


def _original(page):
    return (
        NewsletterPage.objects.filter(translation_key=page.translation_key).order_by("pk").first()
    )


class Issue:
    """The issue in every language it is published in, rendered on first use, or as it was
    frozen when its sending started."""

    def __init__(self, original, snapshots=None):
        self.original = original
        self.pages = {
            page.locale.language_code: page
            for page in NewsletterPage.objects.live()
            .filter(translation_key=original.translation_key)
            .select_related("locale")
        }
        self.newsletter_list = original.newsletter_list
        self._rendered = {}
        self.snapshots = snapshots or {}

    def freeze(self):
        """Every published language as it is now, for the sending to keep."""
        return {code: self.for_language(code).snapshot() for code in self.pages}

    def for_language(self, language):
        page = self.pages.get(language) or self.pages.get(
            self.original.locale.language_code, self.original
        )
        code = page.locale.language_code
        if code not in self._rendered:
            self._rendered[code] = RenderedIssue(page, code, self.snapshots.get(code))
        return self._rendered[code]

    def message(self, subscription, connection):
        rendered = self.for_language(subscription.language)
        newsletter_list = self.newsletter_list.in_language(rendered.language)
        url = one_click_url(subscription)
        text, html = rendered.message_parts(url, newsletter_list)
        message = EmailMultiAlternatives(
            subject=rendered.subject,
            body=text,
            from_email=newsletter_list.from_email,
            to=[subscription.email],
            connection=connection,
            headers={
                "List-Unsubscribe": f"<{url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"<{newsletter_list.slug}.{_host()}>",
            },
        )
        message.attach_alternative(html, "text/html")
        return message, rendered.language


def _host():
    return settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":")[0]


def run_sending(sending_id, log=logger.info):
    """Send (or resume) one sending; returns a summary dict. Safe to run twice at once."""
    with transaction.atomic():
        sending = Sending.objects.select_for_update().get(pk=sending_id)
        if sending.status not in (SendingStatus.SCHEDULED, SendingStatus.SENDING):
            return {"status": sending.status, "sent": sending.sent_count}
        if sending.scheduled_for and sending.scheduled_for > timezone.now():
            return {"status": sending.status, "sent": 0}
        sending.status = SendingStatus.SENDING
        sending.started_at = sending.started_at or timezone.now()
        issue = Issue(sending.page.specific, sending.snapshots)
        if not sending.snapshots:
            sending.snapshots = issue.snapshots = issue.freeze()
        sending.save(update_fields=["status", "started_at", "snapshots"])
    interrupted = Delivery.objects.filter(sending=sending, status=DeliveryStatus.CLAIMED).update(
        status=DeliveryStatus.UNKNOWN
    )
    if interrupted:
        log(f"{interrupted} delivery(ies) interrupted by an earlier crash; not retried")
    pending = (
        recipients(sending.newsletter_list).exclude(deliveries__sending=sending).order_by("pk")
    )
    batch_size = conf.batch_size()
    last_pk, sent, failed = 0, 0, 0
    while True:
        batch = list(pending.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            break
        last_pk = batch[-1].pk
        with get_connection() as connection:
            for subscription in batch:
                outcome = _deliver(sending, issue, subscription, connection)
                sent += outcome == DeliveryStatus.SENT
                failed += outcome == DeliveryStatus.FAILED
        log(f"sending {sending.pk}: {sent} sent, {failed} failed so far")
    totals = {
        status: Delivery.objects.filter(sending=sending, status=status).count()
        for status in (DeliveryStatus.SENT, DeliveryStatus.FAILED)
    }
    Sending.objects.filter(pk=sending.pk).update(
        status=SendingStatus.DONE,
        finished_at=timezone.now(),
        sent_count=totals[DeliveryStatus.SENT],
        failed_count=totals[DeliveryStatus.FAILED],
    )
    log(f"sending {sending.pk} done: {totals[DeliveryStatus.SENT]} sent")
    return {"status": SendingStatus.DONE, "sent": sent, "failed": failed}


def _deliver(sending, issue, subscription, connection):
    message, language = issue.message(subscription, connection)
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                sending=sending,
                subscription=subscription,
                status=DeliveryStatus.CLAIMED,
                language=language,
            )
    except IntegrityError:
        return None
    try:
        message.send()
    except RECIPIENT_ERRORS as error:
        delivery.status = DeliveryStatus.FAILED
        delivery.error = str(error)[:300]
    else:
        delivery.status = DeliveryStatus.SENT
        delivery.sent_at = timezone.now()
    delivery.save(update_fields=["status", "error", "sent_at"])
    return delivery.status


def send_test(page, user):
    """The issue as the editor's own subscribers would get it, to the editor's own address."""
    page = page.specific
    rendered = RenderedIssue(page, page.locale.language_code)
    newsletter_list = page.newsletter_list.in_language(page.locale.language_code)
    text, html = rendered.message_parts("#", newsletter_list)
    message = EmailMultiAlternatives(
        subject=_("[Test] %(subject)s") % {"subject": rendered.subject},
        body=text,
        from_email=newsletter_list.from_email,
        to=[user.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()
