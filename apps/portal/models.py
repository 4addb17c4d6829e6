"""The organiser portal's own records. Organisers are ordinary Django users without any admin
permission; what makes them organisers is an OrganiserAccount tying them to one organisation of
the network directory. Proposed organisations wait in OrganisationProposal until a moderator
confirms them, because the directory is public and must not grow from anonymous sign-ups."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.tokens import new_nonce
from apps.events.models import EventPage
from apps.network.models import Organisation, OrganisationKind, Place


class OrganiserRole(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    MEMBER = "member", _("Member")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class OrganisationProposal(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    municipality = models.ForeignKey(
        Place,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    org_number = models.CharField(_("organisation number"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Leave empty to create the organisation from this proposal when you confirm it, or "
            "choose one that already exists (a duplicate)."
        ),
    )
    created = models.DateTimeField(_("proposed"), default=timezone.now)

    class Meta:
        verbose_name = _("proposed organisation")
        verbose_name_plural = _("proposed organisations")
        ordering = ["-created"]

    def __str__(self):
        return self.name


class OrganiserAccount(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="organiser_account",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organiser_accounts",
    )
    requested_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("asks to act for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Organisation chosen at sign-up. A moderator confirms by setting the organisation "
            "above; until then the account sees no events."
        ),
    )
    proposal = models.ForeignKey(
        OrganisationProposal,
        verbose_name=_("proposed organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accounts",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=OrganiserRole.choices, default=OrganiserRole.MEMBER
    )
    language = models.CharField(_("language"), max_length=8, default="sv")
    email_verified_at = models.DateTimeField(_("e-mail verified"), null=True, blank=True)
    verify_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    created = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("organiser account")
        verbose_name_plural = _("organiser accounts")
        ordering = ["user__email"]

    def __str__(self):
        return self.user.email

    @property
    def is_verified(self):
        return self.email_verified_at is not None

    @property
    def is_org_admin(self):
        return self.role == OrganiserRole.ADMIN

    @property
    def can_submit(self):
        return self.is_verified and self.organisation_id is not None and self.user.is_active


class TrustedOrganisation(models.Model):
    """Events of these organisations are published without moderation; a moderator adds a row
    after getting to know an organiser, and removing it puts them back under review."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="portal_trust",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    trusted_since = models.DateTimeField(_("trusted since"), default=timezone.now)

    class Meta:
        verbose_name = _("trusted organisation")
        verbose_name_plural = _("trusted organisations")

    def __str__(self):
        return str(self.organisation)


class OrganiserInvitation(models.Model):
    """The signed link carries this row's id and nonce; the row makes a link single-use and lets
    an organisation admin withdraw it before it is used."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="organiser_invitations"
    )
    email = models.EmailField(_("e-mail"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    created = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created"]

    def __str__(self):
        return self.email


class Moderation(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting moderation")
    REJECTED = "rejected", _("Changes requested")
    APPROVED = "approved", _("Published")


class PortalEvent(models.Model):
    """What the portal knows about an event beyond the page: who works on it, the texts per
    language as the organiser wrote them (translations are only created when the original is
    published), and the outcome of the last moderation with the moderator's reason."""

    page = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="portal")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="portal_events"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    texts = models.JSONField(default=dict, blank=True)
    moderation = models.CharField(
        max_length=10, choices=Moderation.choices, default=Moderation.DRAFT
    )
    reason = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("portal event")
        verbose_name_plural = _("portal events")

    def __str__(self):
        return str(self.page_id)


class FeedSubscription(models.Model):
    """An organisation's own calendar elsewhere (an .ics address), fetched daily by
    ``fetch_feed_subscriptions``; what changed goes through the same moderation as an event
    submitted in the portal. The last outcome stays on the row so the organiser sees it."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="feed_subscriptions",
    )
    url = models.URLField(_("calendar address"), max_length=500)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("added"), default=timezone.now)
    last_fetched = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_ok = models.BooleanField(_("last fetch worked"), default=False)
    last_result = models.CharField(_("last result"), max_length=500, blank=True)
    last_errors = models.JSONField(_("problems of the last fetch"), default=list, blank=True)

    class Meta:
        verbose_name = _("calendar feed subscription")
        verbose_name_plural = _("calendar feed subscriptions")
        ordering = ["organisation_id", "url"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "url"], name="unique_feed_subscription_per_organisation"
            )
        ]

    def __str__(self):
        return self.url
