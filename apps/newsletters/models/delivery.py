"""A Sending is one decision to send an issue to a list; it has a Delivery row per recipient,
the bookkeeping of at-least-once delivery: a row is *sent* only once the mail server accepted the
message, so a crash, a dropped connection or a temporary refusal (4xx) never loses anyone; they
are tried again later. The price is that a crash between the server's acceptance and the row's
update sends that one message twice (see apps/newsletters/sending.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SendingStatus(models.TextChoices):
    TEST = "test", _("Test")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    DONE = "done", _("Sent")
    CANCELLED = "cancelled", _("Cancelled")


class Sending(models.Model):
    page = models.ForeignKey(
        "newsletters.NewsletterPage",
        verbose_name=_("newsletter"),
        on_delete=models.PROTECT,
        related_name="sendings",
    )
    newsletter_list = models.ForeignKey(
        "newsletters.NewsletterList",
        verbose_name=_("list"),
        on_delete=models.PROTECT,
        related_name="sendings",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SendingStatus.choices, db_index=True
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    sent_count = models.PositiveIntegerField(_("sent"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    snapshots = models.JSONField(
        _("issue as sent"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Per language: title, preview text, HTML and text, frozen when sending began."),
    )

    class Meta:
        verbose_name = _("sending")
        verbose_name_plural = _("sendings")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page"],
                condition=~models.Q(status__in=["test", "cancelled"]),
                name="one_sending_per_newsletter",
            )
        ]

    def __str__(self):
        return f"{self.page} ({self.get_status_display()})"

    def snapshot_for(self, language):
        """What subscribers reading ``language`` got: their language, else the original's."""
        return self.snapshots.get(language) or self.snapshots.get(self.page.locale.language_code)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    CLAIMED = "claimed", _("Being sent")
    SENT = "sent", _("Sent")
    DEFERRED = "deferred", _("Deferred (will be retried)")
    FAILED = "failed", _("Failed")


#: States a sending still has to work through before it is done.
OPEN_STATES = (DeliveryStatus.PENDING, DeliveryStatus.CLAIMED, DeliveryStatus.DEFERRED)


class Delivery(models.Model):
    """One recipient of one sending. ``claim`` and ``claimed_at`` are the lease of the run
    sending it: a claim older than BYGD_NEWSLETTER_CLAIM_TIMEOUT belongs to a run that died and
    is taken over by the next one."""

    sending = models.ForeignKey(Sending, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        "newsletters.Subscription", on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    language = models.CharField(max_length=8)
    claim = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["sending", "subscription"], name="one_delivery_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["sending", "status"])]

    def __str__(self):
        return f"{self.sending_id}/{self.subscription_id}: {self.status}"
