"""One subscription per address and list. The evidence of consent (when, where, in which
language, which version of the consent text) is kept on the row, because under GDPR the
sender must be able to show it for as long as it sends."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.tokens import new_nonce
from apps.newsletters.addresses import address_digest, normalise


class SubscriptionStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Unconfirmed")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class SubscriptionSource(models.TextChoices):
    FORM = "form", _("Signup form")
    API = "api", _("API")
    IMPORT = "import", _("Import")


class SubscriptionQuerySet(models.QuerySet):
    def of_list(self, newsletter_list):
        return self.filter(newsletter_list__translation_key=newsletter_list.translation_key)

    def confirmed(self):
        return self.filter(status=SubscriptionStatus.CONFIRMED)


class Subscription(models.Model):
    email = models.EmailField(_("e-mail"))
    email_digest = models.CharField(max_length=64, db_index=True, editable=False)
    newsletter_list = models.ForeignKey(
        "newsletters.NewsletterList",
        verbose_name=_("list"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.UNCONFIRMED,
        db_index=True,
    )
    language = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    source = models.CharField(_("source"), max_length=10, choices=SubscriptionSource.choices)
    source_detail = models.CharField(
        _("source detail"),
        max_length=300,
        blank=True,
        help_text=_("The page the form was on, or the API client."),
    )
    consent_text = models.ForeignKey(
        "newsletters.ConsentText",
        verbose_name=_("consent text shown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subscriptions",
    )
    signed_up_at = models.DateTimeField(_("signed up"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirm_nonce = models.CharField(max_length=32, blank=True, db_index=True, editable=False)
    unsubscribe_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["newsletter_list_id", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["email_digest", "newsletter_list"], name="unique_subscription_per_list"
            )
        ]
        indexes = [models.Index(fields=["newsletter_list", "status"])]

    def __str__(self):
        return f"{self.email} – {self.newsletter_list}"

    def save(self, *args, **kwargs):
        self.email = normalise(self.email)
        self.email_digest = address_digest(self.email)
        super().save(*args, **kwargs)


class Suppression(models.Model):
    """What remains of an erased subscriber: a keyed hash that stops imports re-adding them."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return self.digest[:12]
