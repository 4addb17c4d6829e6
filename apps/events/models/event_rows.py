"""Inline rows of an event page. Plain Orderables, so wagtail-localize synchronises them from
the original to every translation instead of translating them: the schedule and categories are
facts. A category link is a row rather than a ParentalManyToManyField, which it cannot sync."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
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


class EventMovedDate(Orderable):
    """One date of a series held at another time or place. The occurrence keeps the original
    date's identity (its iCalendar RECURRENCE-ID), so subscribed calendars move the one
    instance instead of adding a second one. Times are local wall-clock values in the event's
    time zone, like the schedule's; a field left empty keeps what the series says."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="moved_dates")
    date = models.DateField(_("original date"), help_text=_("The date of the series that moves."))
    start_date = models.DateField(
        _("new date"), null=True, blank=True, help_text=_("Leave empty to keep the date.")
    )
    start_time = models.TimeField(
        _("new start time"), null=True, blank=True, help_text=_("Leave empty to keep the time.")
    )
    end_date = models.DateField(
        _("new end date"),
        null=True,
        blank=True,
        help_text=_("Only if it ends on a later day than it starts."),
    )
    end_time = models.TimeField(
        _("new end time"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep the usual length."),
    )
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("other venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moved_dates",
        help_text=_("Leave empty to keep the event's venue."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldPanel("date"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
        FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
        FieldPanel("venue"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("moved date")
        verbose_name_plural = _("moved dates")

    def clean(self):
        """What can be checked without the series; ``apps.events.moves`` checks the rest."""
        super().clean()
        if not any([self.start_date, self.start_time, self.end_date, self.end_time, self.venue_id]):
            raise ValidationError(_("Give a new date or time, or another venue."))
        if self.end_date and self.end_date < (self.start_date or self.date):
            raise ValidationError({"end_date": _("The new end cannot be before the new start.")})
