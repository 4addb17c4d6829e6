"""A funding call: who gives how much to whom, when to apply and how. Facts (dates, amounts,
applicants, area, themes, the way to apply) are synchronised to every translation; the texts
and the form's labels are translated. Where applicants apply on this site, the page is itself a
Wagtail form-builder form whose fields editors design per call."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from apps.core.base_template import BaseTemplateMixin
from apps.core.blocks import BaseStreamBlock
from apps.core.mixins import ListingMixin
from apps.core.models import Provenance
from apps.core.preview import HeadlessPreviewMixin
from apps.core.time_zones import TIME_ZONES
from apps.network.models import Organisation, Person
from apps.projects.calls.api_fields import call_api_fields
from apps.projects.calls.attachments import CallFormBuilder
from apps.projects.models.call_rows import (
    DEFAULT_CLOSING_TIME,
    default_time_zone,
)
from apps.projects.models.call_status import (
    ACCEPTING,
    CallStatus,
    FundingCallQuerySet,
    Intake,
    derive_status,
)
from apps.projects.models.project_page import Currency


class ApplicationMethod(models.TextChoices):
    FORM = "form", _("A form on this site")
    EMAIL = "email", _("By e-mail")
    URL = "url", _("On another website")


def item_list(label):
    return StreamField(
        [("item", blocks.CharBlock(label=_("Item"), max_length=500))],
        blank=True,
        verbose_name=label,
    )


def local_instant(day, time, zone):
    """The UTC instant of a wall-clock time in ``zone``; the earlier one if the clocks go back."""
    if day is None:
        return None
    local = datetime.datetime.combine(day, time or datetime.time(0), tzinfo=zone)
    return local.astimezone(datetime.UTC)


def does_not_exist(day, time, zone):
    local = datetime.datetime.combine(day, time, tzinfo=zone)
    return local.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != local.replace(
        tzinfo=None
    )


FundingCallManager = PageManager.from_queryset(FundingCallQuerySet)


class FundingCallPage(BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, AbstractForm):
    identifier = models.SlugField(
        _("identifier"),
        max_length=80,
        blank=True,
        help_text=_(
            "Stable code in the API and calendar feed, the same in every language; taken from "
            "the slug when left blank."
        ),
    )
    summary = models.TextField(_("summary"), max_length=1200)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="funding_calls",
    )
    programme = models.ForeignKey(
        "projects.FundingProgramme",
        verbose_name=_("funding programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calls",
    )
    intake = models.CharField(
        _("intake"), max_length=10, choices=Intake.choices, default=Intake.PERIOD
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONES,
        default=default_time_zone,
        help_text=_("Dates and times below are in this time zone."),
    )
    opens_date = models.DateField(
        _("opens"), null=True, blank=True, help_text=_("Empty: open from publication.")
    )
    opens_time = models.TimeField(_("opening time"), default=datetime.time(0))
    closes_date = models.DateField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("Required for one application period; optional end of a rolling intake."),
    )
    closes_time = models.TimeField(_("closing time"), default=DEFAULT_CLOSING_TIME)
    opens_at = models.DateTimeField(_("opens at"), null=True, editable=False, db_index=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, editable=False, db_index=True)
    decision_date = models.DateField(_("decision expected"), null=True, blank=True)
    paused = models.BooleanField(
        _("paused"),
        default=False,
        help_text=_("Temporarily takes no applications, e.g. while the budget is reviewed."),
    )
    budget = models.DecimalField(
        _("call budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    min_grant = models.DecimalField(
        _("smallest grant"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_grant = models.DecimalField(
        _("largest grant"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    grant_basis = models.CharField(
        _("largest grant applies"),
        max_length=120,
        blank=True,
        help_text=_("e.g. “per event” or “per place and year”."),
    )
    max_rate = models.DecimalField(
        _("largest support rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Largest share of the eligible costs the grant may cover."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.SEK
    )
    criteria = item_list(_("criteria"))
    required_contents = item_list(_("the application must contain"))
    eligible_costs = item_list(_("eligible costs"))
    ineligible_costs = item_list(_("ineligible costs"))
    application_method = models.CharField(
        _("how to apply"),
        max_length=10,
        choices=ApplicationMethod.choices,
        default=ApplicationMethod.FORM,
    )
    application_email = models.EmailField(_("application e-mail address"), blank=True)
    application_url = models.URLField(_("application website"), blank=True)
    contact = models.ForeignKey(
        Person,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funding_calls",
        help_text=_("Answers questions and is told about each application sent on this site."),
    )
    provenance = GenericRelation(Provenance, related_query_name="+")
    thank_you_text = models.TextField(
        _("message after applying"),
        blank=True,
        help_text=_("Shown to applicants after they send the form; a receipt is also e-mailed."),
    )

    objects = FundingCallManager()
    form_builder = CallFormBuilder

    parent_page_types = ["projects.FundingCallIndexPage"]
    subpage_types = []

    override_translatable_fields = [SynchronizedField("identifier", overridable=False)]

    content_panels = AbstractForm.content_panels + [
        FieldPanel("identifier"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("funder"), FieldPanel("programme"), FieldPanel("contact")],
            heading=_("Funder"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("intake"), FieldPanel("time_zone")]),
                FieldRowPanel([FieldPanel("opens_date"), FieldPanel("opens_time")]),
                FieldRowPanel([FieldPanel("closes_date"), FieldPanel("closes_time")]),
                InlinePanel("deadlines", label=_("Cut-off dates")),
                FieldRowPanel([FieldPanel("decision_date"), FieldPanel("paused")]),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("budget"), FieldPanel("currency")]),
                FieldRowPanel([FieldPanel("min_grant"), FieldPanel("max_grant")]),
                FieldRowPanel([FieldPanel("grant_basis"), FieldPanel("max_rate")]),
            ],
            heading=_("Money"),
        ),
        InlinePanel("eligible_applicants", label=_("Who may apply")),
        InlinePanel("places", label=_("Eligible area")),
        InlinePanel("themes", label=_("Themes")),
        FieldPanel("criteria"),
        FieldPanel("required_contents"),
        FieldPanel("eligible_costs"),
        FieldPanel("ineligible_costs"),
        MultiFieldPanel(
            [
                FieldPanel("application_method"),
                FieldPanel("application_email"),
                FieldPanel("application_url"),
                FormSubmissionsPanel(),
                InlinePanel("form_fields", label=_("Form fields")),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Applying"),
        ),
    ]
    promote_panels = AbstractForm.promote_panels + ListingMixin.listing_panels

    search_fields = AbstractForm.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("identifier"),
    ]

    api_fields = call_api_fields()
    api_select_related = ("funder", "programme", "listing_image")
    # Snippets shown in the page's language (apps.core.locale.warm).
    api_localized = ("themes__theme",)
    api_prefetch_related = (
        "deadlines",
        "eligible_applicants",
        "places__place",
        "themes__theme",
        "listing_image__renditions",
    )

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    def clean(self):
        super().clean()
        errors = {}
        zone = ZoneInfo(self.time_zone)
        for day, time, name in (
            (self.opens_date, self.opens_time, "opens_time"),
            (self.closes_date, self.closes_time, "closes_time"),
        ):
            if day and time and does_not_exist(day, time, zone):
                errors[name] = _(
                    "This time does not exist on that day in %(zone)s: the clocks are put forward."
                ) % {"zone": self.time_zone}
        if self.intake == Intake.PERIOD and not self.closes_date:
            errors["closes_date"] = _("A call with one application period needs a closing date.")
        if self.opens_date and self.closes_date:
            opens = local_instant(self.opens_date, self.opens_time, zone)
            closes = local_instant(self.closes_date, self.closes_time, zone)
            if closes <= opens:
                errors["closes_date"] = _("The call closes before it opens.")
        for low, high in (("min_grant", "max_grant"), ("max_grant", "budget")):
            low_value, high_value = getattr(self, low), getattr(self, high)
            if low_value is not None and high_value is not None and low_value > high_value:
                errors[low] = _("Must not be larger than the %(other)s.") % {
                    "other": self._meta.get_field(high).verbose_name
                }
        for name in ("budget", "min_grant", "max_grant"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = _("Amounts cannot be negative.")
        errors.update(self._clean_application())
        self._fill_identifier()
        if self.identifier:
            clash = FundingCallPage.objects.filter(identifier=self.identifier).exclude(
                translation_key=self.translation_key
            )
            if clash.exists():
                errors["identifier"] = _("Another call already uses this identifier.")
        if errors:
            raise ValidationError(errors)

    def _clean_application(self):
        """Exactly one way to apply: the address that goes with the chosen method, no other."""
        errors = {}
        method = self.application_method
        if method == ApplicationMethod.EMAIL and not self.application_email:
            errors["application_email"] = _("Give the address applications are sent to.")
        if method == ApplicationMethod.URL and not self.application_url:
            errors["application_url"] = _("Give the address of the application website.")
        if method != ApplicationMethod.EMAIL and self.application_email:
            errors["application_email"] = _(
                "Only for calls that take applications by e-mail; clear it or change how to apply."
            )
        if method != ApplicationMethod.URL and self.application_url:
            errors["application_url"] = _(
                "Only for calls that take applications on another website; clear it or change "
                "how to apply."
            )
        return errors

    def _fill_identifier(self):
        if not self.identifier:
            self.identifier = slugify(self.slug or self.title)[:80]

    def save(self, *args, **kwargs):
        zone = ZoneInfo(self.time_zone)
        self._fill_identifier()
        self.opens_at = local_instant(self.opens_date, self.opens_time, zone)
        self.closes_at = local_instant(self.closes_date, self.closes_time, zone)
        rows = list(self.deadlines.all())
        for position, row in enumerate(rows):
            row.closes_at = local_instant(row.date, row.time, zone)
            if row.sort_order is None:
                row.sort_order = position
        if self.intake == Intake.CUTOFFS and rows:
            self.closes_at = max(row.closes_at for row in rows)
        for relation in ("eligible_applicants", "places", "themes"):
            for position, row in enumerate(getattr(self, relation).all()):
                if row.sort_order is None:
                    row.sort_order = position
        super().save(*args, **kwargs)

    # Status ---------------------------------------------------------------------------------

    def deadline_instants(self):
        """Every closing instant of the call in order: each cut-off date, or the one closing."""
        if self.intake == Intake.CUTOFFS:
            return sorted(row.closes_at for row in self.deadlines.all() if row.closes_at)
        return [self.closes_at] if self.closes_at else []

    def next_deadline_at(self, now=None):
        now = now or timezone.now()
        return next((moment for moment in self.deadline_instants() if moment >= now), None)

    def status_at(self, now=None):
        now = now or timezone.now()
        return derive_status(
            self.intake, self.opens_at, self.closes_at, self.next_deadline_at(now), now
        )

    @property
    def status(self):
        """Listings annotate ``current_status`` in SQL; a single page derives the same answer."""
        return getattr(self, "current_status", None) or self.status_at()

    def get_status_display(self):
        return CallStatus(self.status).label

    def accepts_applications(self, now=None):
        return (
            self.application_method == ApplicationMethod.FORM
            and not self.paused
            and self.status_at(now) in ACCEPTING
        )

    def local(self, moment):
        return moment.astimezone(self.zone) if moment else None

    # Form -------------------------------------------------------------------------------------

    def get_form_fields(self):
        return self.form_fields.all()

    def get_submission_class(self):
        from apps.projects.models.call_submission import CallSubmission

        return CallSubmission

    def get_submissions(self):
        """Applications from every language version of the call."""
        return self.get_submission_class()._default_manager.filter(
            page__translation_key=self.translation_key
        )

    def get_data_fields(self):
        return [
            *super().get_data_fields(),
            ("language", _("Language")),
            ("reference", _("Reference number")),
        ]

    def get_submissions_list_view_class(self):
        from apps.projects.calls.admin import CallSubmissionsListView

        return CallSubmissionsListView

    def process_form_submission(self, form):
        from apps.projects.calls.applying import store_application

        return store_application(self, form)

    def serve(self, request, *args, **kwargs):
        from apps.projects.calls.applying import serve_call

        if not getattr(request, "is_preview", False):
            # Status, countdown, deadline list and the open-period check each read the cut-off
            # dates; one query for all of them. (A preview keeps the editor's unsaved rows.)
            prefetch_related_objects([self], "deadlines")
        return serve_call(self, request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from apps.projects.calls.listing import call_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(call_page_context(request, self))
        return context
