"""Short date ranges ("29 Nov–27 Dec", Swedish "29 nov.–27 dec.") for listings.

Django's month abbreviations do not follow each language's convention (its Swedish ones lack the
period, "M" capitalises them), so the abbreviations here are our own translatable strings: the
Swedish catalogue gives the Swedish Academy's forms, lower case with a period where a word is
shortened ("mars", "maj", "juni" and "juli" are written out)."""

import datetime

from django.utils.translation import pgettext_lazy

MONTH_ABBREVIATIONS = {
    1: pgettext_lazy("abbreviated month in a date range", "Jan"),
    2: pgettext_lazy("abbreviated month in a date range", "Feb"),
    3: pgettext_lazy("abbreviated month in a date range", "Mar"),
    4: pgettext_lazy("abbreviated month in a date range", "Apr"),
    5: pgettext_lazy("abbreviated month in a date range", "May"),
    6: pgettext_lazy("abbreviated month in a date range", "Jun"),
    7: pgettext_lazy("abbreviated month in a date range", "Jul"),
    8: pgettext_lazy("abbreviated month in a date range", "Aug"),
    9: pgettext_lazy("abbreviated month in a date range", "Sep"),
    10: pgettext_lazy("abbreviated month in a date range", "Oct"),
    11: pgettext_lazy("abbreviated month in a date range", "Nov"),
    12: pgettext_lazy("abbreviated month in a date range", "Dec"),
}


def short_date(day, with_year=False):
    """ "29 Nov" (with ``with_year``: "29 Nov 2026") in the active language."""
    text = f"{day.day} {MONTH_ABBREVIATIONS[day.month]}"
    return f"{text} {day.year}" if with_year else text


def date_range(start, end=None):
    """A day or an inclusive range of days, as short as it stays unambiguous: "29–30 Nov",
    "29 Nov–27 Dec", "29 Dec 2026–3 Jan 2027". Date-times count by their date."""
    start = start.date() if isinstance(start, datetime.datetime) else start
    end = end.date() if isinstance(end, datetime.datetime) else end
    if end is None or end == start:
        return short_date(start)
    if start.year != end.year:
        return f"{short_date(start, True)}–{short_date(end, True)}"
    if start.month == end.month:
        return f"{start.day}–{short_date(end)}"
    return f"{short_date(start)}–{short_date(end)}"
