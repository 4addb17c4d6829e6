"""Stored occurrences: every calendar view, feed and API query reads these rows, so they are the
one place where a repeat rule has been turned into instants.

Locale choice: an event's translations share a ``translation_key`` and identical synchronised
schedules, so occurrences belong to the translation group (``EventSeries``), not to one page.
They are generated from the group's first live page by primary key (the original) and point at
it through ``event`` for filtering by facts; a listing in any language reads the same rows and
picks the page to show per group with ``with_fallback``. Translating an event therefore never
duplicates its dates, and unpublishing only the English page leaves the calendar intact.

Rows are never deleted when an event changes: vanished occurrences become ``removed`` tombstones
with a fresh ``modified`` so ``modified_since`` clients can sync deletions.
"""

import datetime
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OccurrenceStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved_online", _("Moved online")
    REMOVED = "removed", _("Removed")


class EventSeries(models.Model):
    """One row per translation group: the stable public id and the iCalendar SEQUENCE, which
    must outlive the pages (deleted events are still announced to syncing clients)."""

    key = models.UUIDField(_("identifier"), unique=True, default=uuid.uuid4, editable=False)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    fingerprint = models.CharField(max_length=64, blank=True)
    live = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(db_index=True)
    longest_occurrence = models.DurationField(
        default=datetime.timedelta(0),
        db_index=True,
        help_text=_("The longest of its stored occurrences, removed ones included."),
    )

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return str(self.key)


def longest_occurrence():
    """An upper bound of every stored occurrence's length, read from an index."""
    found = EventSeries.objects.aggregate(longest=models.Max("longest_occurrence"))["longest"]
    return found or datetime.timedelta(0)


class LiveOccurrenceQuerySet(models.QuerySet):
    def visible(self):
        return self.exclude(status=OccurrenceStatus.REMOVED)

    def overlapping(self, start, end):
        """Occurrences that are under way at some point in [start, end); an instant event
        exactly at ``start`` counts too.

        Nothing that started more than the longest stored occurrence before ``start`` can
        still be under way, so that bound lets the window index be read from both sides
        instead of from the first occurrence ever stored (one indexed query for the bound)."""
        queryset = self
        if end is not None:
            queryset = queryset.filter(start__lt=end)
        if start is not None:
            queryset = queryset.filter(
                models.Q(end__gt=start) | models.Q(start__gte=start),
                start__gte=start - longest_occurrence(),
            )
        return queryset


class EventOccurrence(models.Model):
    series = models.ForeignKey(EventSeries, on_delete=models.CASCADE, related_name="occurrences")
    event = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
        help_text=_("The original page the occurrence was generated from."),
    )
    key = models.CharField(
        _("recurrence id"),
        max_length=20,
        help_text=_("Local start as in iCalendar's RECURRENCE-ID, e.g. 20261124T180000."),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"), help_text=_("Inclusive."))
    status = models.CharField(
        _("status"), max_length=15, choices=OccurrenceStatus.choices, default="scheduled"
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
        help_text=_("Where this occurrence is: the event's venue, or another for a moved date."),
    )
    original_start = models.DateTimeField(
        _("original start"),
        null=True,
        blank=True,
        help_text=_("Set when this date is moved: when the series would have held it."),
    )
    modified = models.DateTimeField(_("modified"), db_index=True)

    objects = LiveOccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["start", "series_id", "key"]
        constraints = [
            models.UniqueConstraint(fields=["series", "key"], name="unique_occurrence_key")
        ]
        indexes = [
            models.Index(fields=["start", "end"], name="occurrence_window"),
            models.Index(fields=["status", "start"], name="occurrence_status_start"),
            # The listings' order and window over what they show: a page of a window is read
            # in order without sorting it, and its count and its rows' ids from the index
            # alone (`status` too: SQLite reads the row for a column the index lacks, even one
            # its condition fixes; `event` and `venue` are what the filters join through; `id`
            # lets PostgreSQL skip the rows that started within the longest occurrence before
            # the window but ended before it without reading them).
            models.Index(
                fields=["start", "series", "key", "end", "status", "event", "venue", "id"],
                condition=~models.Q(status=OccurrenceStatus.REMOVED),
                name="occurrence_visible_window",
            ),
        ]

    def __str__(self):
        return f"{self.series_id} {self.key}"

    @property
    def moved(self):
        return self.original_start is not None

    @property
    def series_date(self):
        """The local date the series gives this occurrence (its key's date), which cancellations
        and moves name even when the date itself moved."""
        return datetime.date(int(self.key[:4]), int(self.key[4:6]), int(self.key[6:8]))
