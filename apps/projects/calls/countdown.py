"""The countdown readers see beside a call ("12 days left", "12 dagar kvar"), rendered on the
server in the page's language. Days are counted between calendar dates in the call's own time
zone, so a deadline at 23:59 tomorrow is "1 day left" even across a change of the clocks."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.projects.models import CallStatus

_UNSET = object()


def next_deadline(call, now):
    annotated = getattr(call, "next_deadline", _UNSET)
    if annotated is not _UNSET:
        return annotated
    return call.next_deadline_at(now)


def _days_between(call, now, moment):
    return (moment.astimezone(call.zone).date() - now.astimezone(call.zone).date()).days


def _time(call, moment):
    return formats.time_format(moment.astimezone(call.zone), "H:i")


def countdown(call, now=None):
    now = now or timezone.now()
    status = getattr(call, "current_status", None) or call.status_at(now)
    if status == CallStatus.FORTHCOMING:
        days = _days_between(call, now, call.opens_at)
        if days <= 0:
            return _("Opens today at %(time)s") % {"time": _time(call, call.opens_at)}
        return ngettext("Opens in %(days)d day", "Opens in %(days)d days", days) % {"days": days}
    if status in (CallStatus.OPEN, CallStatus.CLOSING_SOON):
        deadline = next_deadline(call, now)
        days = _days_between(call, now, deadline)
        if days <= 0:
            return _("Last day: closes at %(time)s today") % {"time": _time(call, deadline)}
        return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}
    if status == CallStatus.ROLLING:
        return _("Apply at any time")
    return _("Closed")
