"""Filter fields shared by every FilterSet of the domain API (and the HTML listings that use the
same FilterSets), so a date means the same thing on every endpoint.

`IsoDateTimeFilter` takes an ISO 8601 date (`2027-03-01`, that day's midnight in the site's time
zone) or date-time (`2027-03-01T10:00:00+01:00`; without an offset it is site-local time). Values
outside MIN_YEAR..MAX_YEAR and anything that is not a date are a 400 with the usual error body,
never a database overflow. `IsoDateFilter` is the same field for filters that compare days: a
date-time is reduced to its date in the site's time zone."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from apps.core.api.params import FALSE_VALUES, TRUE_VALUES

MIN_YEAR = 1900
MAX_YEAR = 2200

DATETIMES = "datetime"
DATES = "date"
AS_GIVEN = "either"


class IsoDateTimeField(forms.Field):
    """An ISO 8601 date or date-time. `resolution` says what `clean` returns: an aware datetime
    (DATETIMES, dates become the site-local midnight), a date (DATES, date-times become their
    site-local day) or whichever was given (AS_GIVEN, date-times aware)."""

    default_error_messages = {
        "invalid": _(
            "Use an ISO 8601 date such as 2027-03-01 or a date-time such as "
            "2027-03-01T10:00:00+01:00."
        ),
        "range": _("Must be between the years %(min)d and %(max)d."),
    }

    def __init__(self, *args, resolution=DATETIMES, **kwargs):
        self.resolution = resolution
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if "\x00" in text or len(text) > 40:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            day = parse_date(text)
            moment = None if day is not None else parse_datetime(text)
        except ValueError:  # well-formed but impossible, e.g. 2027-02-30
            day = moment = None
        if day is None and moment is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year = (day or moment).year
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise forms.ValidationError(
                self.error_messages["range"],
                code="range",
                params={"min": MIN_YEAR, "max": MAX_YEAR},
            )
        zone = timezone.get_default_timezone()
        if moment is not None and timezone.is_naive(moment):
            moment = moment.replace(tzinfo=zone)
        if self.resolution == DATES:
            return day if day is not None else moment.astimezone(zone).date()
        if day is not None and self.resolution == DATETIMES:
            return datetime.datetime.combine(day, datetime.time(0), tzinfo=zone)
        return day if day is not None else moment


class IsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    """A date-time filter (`format: date-time` in the schema) that also takes a plain date."""

    field_class = IsoDateTimeField

    def __init__(self, *args, resolution=DATETIMES, **kwargs):
        kwargs["resolution"] = resolution
        super().__init__(*args, **kwargs)


class IsoDateFilter(django_filters.DateFilter):
    """A day filter (`format: date` in the schema) that also takes a date-time."""

    field_class = IsoDateTimeField

    def __init__(self, *args, **kwargs):
        kwargs["resolution"] = DATES
        super().__init__(*args, **kwargs)


class BooleanParamField(forms.Field):
    """true/false (also 1/0, yes/no, on/off), like `fallback`; anything else is an error rather
    than Django's silent None."""

    default_error_messages = {"invalid": _("Must be true or false.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip().lower()
        if value in TRUE_VALUES:
            return True
        if value in FALSE_VALUES:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class BooleanFilter(django_filters.BooleanFilter):
    """A boolean filter (`type: boolean` in the schema) that refuses what is not a boolean."""

    field_class = BooleanParamField
