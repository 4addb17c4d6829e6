"""Links between the calendar's views (list, month, week, day, archive). Each keeps the visitor's
filters but not the date window or page number, which belong to the view being left, and opens
the period around the day being looked at, so moving from a week to its month stays in time."""

from django.utils import timezone
from django.utils.translation import gettext as _

DROPPED = ("page", "start", "end")


def filter_query(params):
    """The visitor's filters as a query string, without window or page."""
    query = params.copy()
    for name in DROPPED:
        query.pop(name, None)
    return query.urlencode()


def view_links(index_page, params, current, day=None):
    """[{"text", "url", "current"}] for the views nav; ``day`` is the day being looked at."""
    day = day or timezone.localdate()
    query = filter_query(params)
    suffix = f"?{query}" if query else ""
    urls = [
        ("list", _("List"), index_page.url),
        ("month", _("Month"), index_page.month_url(day.year, day.month)),
        ("week", _("Week"), index_page.week_url(day)),
        ("day", _("Day"), index_page.day_url(day)),
        ("archive", _("Past events"), index_page.route_url("archive")),
    ]
    return [
        {"text": text, "url": url + suffix, "current": kind == current} for kind, text, url in urls
    ]
