"""Inline rows of an event page. Plain Orderables, so wagtail-localize synchronises them from
the original to every translation instead of translating them: the schedule and categories are
facts. A category link is a row rather than a ParentalManyToManyField, which it cannot sync."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class EventCategoryLink(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="categories")
    category = models.ForeignKey(
        "events.EventCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="event_links",
    )

    panels = [FieldPanel("category")]


class EventExtraDate(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="extra_dates")
    date = models.DateField(_("date"), help_text=_("Same time of day as the first date."))

    panels = [FieldPanel("date")]


class EventExcludedDate(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="excluded_dates")
    date = models.DateField(_("date"), help_text=_("The repeat skips this date entirely."))

    panels = [FieldPanel("date")]


class EventCancellation(Orderable):
    """A cancelled single date stays visible (struck through, with the note) rather than vanishing,
    so people who planned to come find out why."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="cancellations")
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("date"), FieldPanel("note")]
