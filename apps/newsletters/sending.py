"""Sending an issue: at least once to every recipient, bookkept per delivery
(apps/newsletters/deliveries.py) and handed over by one connection per run
(apps/newsletters/mailer.py). A run sends what is due and ends; what was deferred is due later,
when the task backend's follow-up task or ``send_due_newsletters`` (cron) runs again. The issue
is rendered once per language; per recipient only the unsubscribe link changes."""

import logging
import smtplib
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from apps.newsletters import conf, deliveries
from apps.newsletters.emails import absolute
from apps.newsletters.mailer import Mailer, MailServerUnavailable, refusal
from apps.newsletters.models import (
    DeliveryStatus,
    NewsletterPage,
    Sending,
    SendingStatus,
    Subscription,
)
from apps.newsletters.rendering import RenderedIssue
from apps.newsletters.tokens import unsubscribe_token

logger = logging.getLogger(__name__)

#: Stands in for the recipient's own unsubscribe link in the once-rendered parts.
LINK_PLACEHOLDER = "bygd-unsubscribe-link-placeholder"


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
        self._parts_by_language = {}
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

    def _parts(self, language):
        """Subject, sender, list id, text and HTML of one language, rendered once."""
        if language not in self._parts_by_language:
            rendered = self.for_language(language)
            newsletter_list = self.newsletter_list.in_language(rendered.language)
            text, html = rendered.message_parts(LINK_PLACEHOLDER, newsletter_list)
            self._parts_by_language[language] = (
                rendered,
                newsletter_list.from_email,
                f"<{newsletter_list.slug}.{_host()}>",
                text,
                html,
            )
        return self._parts_by_language[language]

    def language_of(self, language):
        """The language a subscriber reading ``language`` gets the issue in."""
        return self.for_language(language).language

    def message(self, subscription):
        rendered, from_email, list_id, text, html = self._parts(subscription.language)
        url = one_click_url(subscription)
        message = EmailMultiAlternatives(
            subject=rendered.subject,
            body=text.replace(LINK_PLACEHOLDER, url),
            from_email=from_email,
            to=[subscription.email],
            headers={
                "List-Unsubscribe": f"<{url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": list_id,
            },
        )
        message.attach_alternative(html.replace(LINK_PLACEHOLDER, escape(url)), "text/html")
        return message


def _host():
    return settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":")[0]


def run_sending(sending_id, log=logger.info):
    """Send (or resume) one sending: everything due now, then stop. Safe to run twice at once
    and after a crash. Returns a summary: status, counts per delivery state, ``next_attempt``
    (when deferred deliveries are due) and ``stopped`` (why the mail server was given up on)."""
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
    deliveries.drop_departed(sending)
    deliveries.add_recipients(sending, recipients(sending.newsletter_list), issue.language_of)
    stopped = _send_due(sending, issue, log)
    totals, status, next_attempt = deliveries.finish(sending)
    log(
        f"sending {sending.pk}: {status}; "
        + ", ".join(f"{number} {state}" for state, number in totals.items())
    )
    return {
        "status": status,
        **totals,
        "next_attempt": next_attempt,
        "stopped": stopped,
    }


def _send_due(sending, issue, log):
    """Claims and sends batches until nothing is due; returns why it stopped early, if it did."""
    token = deliveries.new_claim()
    mailer = Mailer()
    accepted = Accepted()
    lease = conf.claim_timeout() / 2
    try:
        while batch := deliveries.claim(sending, token, conf.batch_size()):
            claimed = time.monotonic()
            tally = dict.fromkeys(DeliveryStatus.values, 0)
            for delivery in batch:
                if time.monotonic() - claimed > lease:
                    deliveries.renew(token)
                    claimed = time.monotonic()
                tally[_deliver(delivery, issue, mailer, accepted)] += 1
            accepted.record()
            log(
                f"sending {sending.pk}: {tally['sent']} sent, {tally['deferred']} deferred, "
                f"{tally['failed']} failed in this batch"
            )
    except MailServerUnavailable as error:
        accepted.record()
        deliveries.release(token)
        log(f"sending {sending.pk}: mail server unavailable ({error}); the rest waits")
        return str(error)
    finally:
        accepted.record()  # an exception (not a kill) still records what the server took
        mailer.close()
    return None


class Accepted:
    """Deliveries the server accepted, recorded as sent together: one UPDATE per
    BYGD_NEWSLETTER_RECORD_EVERY messages (or second) instead of a commit per message. A run
    killed in between sends those again on the next run; that is the bound on duplicates."""

    def __init__(self):
        self.pks = []
        self.since = time.monotonic()
        self.every = conf.record_every()

    def add(self, delivery):
        self.pks.append(delivery.pk)
        if len(self.pks) >= self.every or time.monotonic() - self.since > 1:
            self.record()

    def record(self):
        if self.pks:
            deliveries.mark_sent(self.pks)
            self.pks = []
        self.since = time.monotonic()


def _deliver(delivery, issue, mailer, accepted):
    message = issue.message(delivery.subscription)
    try:
        mailer.send(message)
    except (smtplib.SMTPException, OSError) as error:
        outcome = refusal(error)
        if outcome.permanent:
            deliveries.mark_failed(delivery, outcome.error)
            result = DeliveryStatus.FAILED
        else:
            result = deliveries.defer(delivery, outcome.error)
        if outcome.connection_lost:
            mailer.lost()
        return result
    accepted.add(delivery)
    return DeliveryStatus.SENT


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
