"""When an event happens, as editors think of it: local dates and times in the event's own time
zone, and a repeat rule built from plain choices instead of RRULE syntax. Stored as local wall
clock values so that "every Tuesday at 18:00" stays 18:00 after the clocks change; the UTC
instants live in EventOccurrence."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.time_zones import TIME_ZONES


def default_time_zone():
    return settings.TIME_ZONE


class Frequency(models.TextChoices):
    NONE = "", _("Does not repeat")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    YEARLY = "yearly", _("Yearly")


class MonthlyBy(models.TextChoices):
    DATE = "date", _("On the same date (e.g. the 14th)")
    WEEKDAY = "weekday", _("On the same weekday (e.g. the second Tuesday)")


class Ends(models.TextChoices):
    NEVER = "never", _("Never")
    AFTER = "after", _("After a number of times")
    ON = "on", _("On a date")


WEEKDAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
WEEKDAY_CODES = [code for code, _label in WEEKDAYS]
#: The rule fields of an event that does not repeat: what a form's "Once" and a harvested copy
#: of a one-off event reset a schedule to.
NO_REPEAT = {
    "frequency": Frequency.NONE,
    "interval": 1,
    "weekdays": [],
    "monthly_by": MonthlyBy.DATE,
    "ends": Ends.NEVER,
    "count": None,
    "until": None,
}


class WeekdaysField(models.CharField):
    """A list of weekday codes stored as "MO,WE" and edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        codes = value if isinstance(value, list | tuple) else (value or "").split(",")
        return [code for code in WEEKDAY_CODES if code in codes]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=WEEKDAYS,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def is_nonexistent(day, time, zone):
    """True when the local time falls in a spring-forward gap: it does not survive a round trip
    through UTC (02:30 on the last Sunday of March does not exist in Stockholm)."""
    local = datetime.datetime.combine(day, time, tzinfo=zone)
    back = local.astimezone(datetime.UTC).astimezone(zone)
    return back.replace(tzinfo=None) != local.replace(tzinfo=None)


class EventSchedule(models.Model):
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=TIME_ZONES, default=default_time_zone
    )
    all_day = models.BooleanField(_("all day"), default=False)
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty if it ends the same day.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)

    frequency = models.CharField(
        _("repeats"), max_length=10, choices=Frequency.choices, default="", blank=True
    )
    interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("1 = every day/week/month/year, 2 = every other, and so on."),
    )
    weekdays = WeekdaysField(
        _("on weekdays"), help_text=_("For weekly repeats; empty means the start date's weekday.")
    )
    monthly_by = models.CharField(
        _("monthly on"), max_length=10, choices=MonthlyBy.choices, default=MonthlyBy.DATE
    )
    ends = models.CharField(_("ends"), max_length=10, choices=Ends.choices, default=Ends.NEVER)
    count = models.PositiveSmallIntegerField(
        _("number of times"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    until = models.DateField(_("last date"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def last_date(self):
        return self.end_date or self.start_date

    @property
    def is_recurring(self):
        return bool(self.frequency)

    def clean_schedule(self):
        """Every message names the field to fix; nothing is silently corrected."""
        errors = {}
        if self.start_date is None:
            return
        if self.all_day:
            if self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _("The event cannot end before it starts.")
        else:
            if self.start_time is None:
                errors["start_time"] = _("Give a start time, or mark the event as all day.")
            elif is_nonexistent(self.start_date, self.start_time, self.zone):
                errors["start_time"] = _(
                    "%(time)s does not exist on %(date)s in %(zone)s: the clocks are put forward "
                    "that night. Choose another time."
                ) % {
                    "time": self.start_time.strftime("%H:%M"),
                    "date": self.start_date,
                    "zone": self.time_zone,
                }
            if self.end_time is not None and is_nonexistent(
                self.last_date, self.end_time, self.zone
            ):
                errors["end_time"] = _(
                    "This end time does not exist that night: the clocks are put forward."
                )
            if self.start_time and "start_time" not in errors:
                end_time = self.end_time or self.start_time
                start = datetime.datetime.combine(self.start_date, self.start_time)
                end = datetime.datetime.combine(self.last_date, end_time)
                if end < start:
                    errors["end_time"] = _("The event cannot end before it starts.")
            elif self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _("The event cannot end before it starts.")
        if self.frequency:
            if self.ends == Ends.AFTER and not self.count:
                errors["count"] = _("Say how many times the event takes place.")
            if self.ends == Ends.ON:
                if self.until is None:
                    errors["until"] = _("Give the date of the last time.")
                elif self.until < self.start_date:
                    errors["until"] = _("The last date cannot be before the start date.")
        if errors:
            raise ValidationError(errors)
