"""An event as editors write it. Facts (organiser, venue, schedule, price) are synchronised to
every translation by wagtail-localize; only the prose is translated. The rows that calendars,
feeds and the API read are EventOccurrence, generated from the original page (see occurrence.py)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from apps.core.base_template import BaseTemplateMixin
from apps.core.blocks import BaseStreamBlock
from apps.core.mixins import ListingMixin
from apps.core.models import Provenance
from apps.core.panels import ExtensibleObjectList
from apps.core.preview import HeadlessPreviewMixin
from apps.events.models.schedule import EventSchedule
from apps.events.page_form import EventPageForm
from apps.events.registry import EDITOR_PANELS
from apps.network.models import Organisation
from apps.projects.models import ProjectPage


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved_online", _("Moved online")


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class Audience(models.TextChoices):
    ALL = "all", _("Everyone")
    CHILDREN = "children", _("Children")
    YOUTH = "youth", _("Young people")
    ADULTS = "adults", _("Adults")
    SENIORS = "seniors", _("Seniors")


CURRENCIES = [("SEK", "SEK"), ("DKK", "DKK"), ("NOK", "NOK"), ("EUR", "EUR"), ("ISK", "ISK")]
EVENT_LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("da", _("Danish")),
    ("nb", _("Norwegian")),
    ("fi", _("Finnish")),
    ("is", _("Icelandic")),
    ("se", _("Sami")),
]


class EventPage(BaseTemplateMixin, EventSchedule, ListingMixin, HeadlessPreviewMixin, Page):
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    related_project = models.ForeignKey(
        ProjectPage,
        verbose_name=_("related project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The project this event is part of, if any."),
    )
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    attendance_mode = models.CharField(
        _("attendance"), max_length=10, choices=AttendanceMode.choices, default="offline"
    )
    online_url = models.URLField(_("online address"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.ALL
    )
    age_min = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    price_amount = models.DecimalField(
        _("price"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    price_currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCIES, default="SEK"
    )
    price_text = models.CharField(
        _("price details"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 'Children free, adults 100 kr'"),
    )
    registration_url = models.URLField(_("registration address"), blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    event_language = models.CharField(
        _("event language"), max_length=5, choices=EVENT_LANGUAGES, default="sv"
    )
    status = models.CharField(
        _("status"), max_length=15, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_(
            "Featured events come first among the upcoming events on the home page. "
            "The same in every language."
        ),
    )
    provenance = GenericRelation(Provenance, related_query_name="+")
    ical_uid = models.CharField(
        _("imported iCalendar UID"),
        max_length=255,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Set by import_ics so that importing the same calendar again updates."),
    )

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    override_translatable_fields = [
        SynchronizedField("organiser"),
        SynchronizedField("venue"),
        SynchronizedField("weekdays"),
        SynchronizedField("image"),
        SynchronizedField("featured"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("organiser"),
        FieldPanel("related_project"),
        InlinePanel("categories", label=_("Categories")),
        MultiFieldPanel(
            [FieldPanel("attendance_mode"), FieldPanel("venue"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("event_language"),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldRowPanel([FieldPanel("price_amount"), FieldPanel("price_currency")]),
                FieldPanel("price_text"),
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
            ],
            heading=_("Price and registration"),
        ),
        FieldPanel("status"),
    ]
    schedule_panels = [
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("interval")]),
                FieldPanel("weekdays"),
                FieldPanel("monthly_by"),
                FieldRowPanel([FieldPanel("ends"), FieldPanel("count"), FieldPanel("until")]),
            ],
            heading=_("Repeat"),
        ),
        InlinePanel("extra_dates", label=_("Extra dates")),
        InlinePanel("excluded_dates", label=_("Dates left out")),
        InlinePanel("cancellations", label=_("Cancelled dates")),
        InlinePanel(
            "moved_dates",
            label=_("Moved dates"),
            help_text=_(
                "One date of the series at another time or venue. Fields left empty keep "
                "what the series says."
            ),
        ),
    ]
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels, FieldPanel("featured")]
    edit_handler = TabbedInterface(
        [
            ExtensibleObjectList(content_panels, heading=_("Content"), registry=EDITOR_PANELS),
            ObjectList(schedule_panels, heading=_("Schedule")),
            ObjectList(promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("image"),
        APIField("organiser"),
        APIField("venue"),
        APIField("attendance_mode"),
        APIField("online_url"),
        APIField("audience"),
        APIField("age_min"),
        APIField("age_max"),
        APIField("is_free"),
        APIField("price_amount"),
        APIField("price_currency"),
        APIField("price_text"),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("event_language"),
        APIField("status"),
        APIField("featured"),
        APIField("time_zone"),
        APIField("all_day"),
        APIField("start_date"),
        APIField("start_time"),
        APIField("end_date"),
        APIField("end_time"),
        APIField("frequency"),
        APIField("interval"),
        APIField("weekdays"),
        APIField("ends"),
        APIField("count"),
        APIField("until"),
        *ListingMixin.api_fields,
    ]
    api_select_related = ("organiser", "venue", "image", "listing_image")
    api_prefetch_related = ("image__renditions", "listing_image__renditions")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def is_online(self):
        return self.attendance_mode != AttendanceMode.OFFLINE

    def clean(self):
        super().clean()
        self.clean_facts()

    def clean_facts(self):
        """The event's own rules, without the page tree's (slug, parent), so the organiser
        portal can check an event before it has a place in the tree."""
        errors = {}
        try:
            self.clean_schedule()
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.is_online and not self.online_url:
            errors["online_url"] = _("Online events need the address where people join.")
        if self.attendance_mode != AttendanceMode.ONLINE and self.venue_id is None:
            errors["venue"] = _("Choose a venue, or set the attendance to online.")
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = _("The maximum age is lower than the minimum age.")
        if not self.is_free and self.price_amount is None and not self.price_text:
            errors["price_amount"] = _("Give a price, or mark the event as free.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from apps.events.views import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(request, self))
        return context

    def ics_url(self):
        return reverse("event-ics", kwargs={"key": self.translation_key})

    @property
    def site_time_zone(self):
        return settings.TIME_ZONE
