"""A call's status follows from its dates, never from an editor's memory to update it: in SQL
for listings, filters and the API (``FundingCallQuerySet.with_status``), and in Python for a
single page (``status_at``), both from the same rules. Deadlines are stored as UTC instants made
from the local date and time in the call's own time zone, so "23:59 on the last Sunday of
October" in Stockholm is 22:59 UTC whichever zone the visitor or the server is in."""

import datetime

from django.db import models
from django.db.models import (
    Case,
    CharField,
    DateTimeField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.query import PageQuerySet

CLOSING_SOON = datetime.timedelta(days=14)


class CallStatus(models.TextChoices):
    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    ROLLING = "rolling", _("Rolling intake")
    CLOSED = "closed", _("Closed")


ACCEPTING = (CallStatus.OPEN, CallStatus.CLOSING_SOON, CallStatus.ROLLING)
RANK = {
    CallStatus.CLOSING_SOON: 0,
    CallStatus.OPEN: 0,
    CallStatus.ROLLING: 0,
    CallStatus.FORTHCOMING: 1,
    CallStatus.CLOSED: 2,
}


class Intake(models.TextChoices):
    PERIOD = "period", _("One application period")
    CUTOFFS = "cutoffs", _("Several cut-off dates")
    ROLLING = "rolling", _("Rolling intake (apply at any time)")


def derive_status(intake, opens_at, closes_at, next_deadline, now):
    if opens_at is not None and opens_at > now:
        return CallStatus.FORTHCOMING
    if closes_at is not None and closes_at < now:
        return CallStatus.CLOSED
    if intake == Intake.ROLLING:
        return CallStatus.ROLLING
    if next_deadline is None:
        return CallStatus.CLOSED
    if next_deadline <= now + CLOSING_SOON:
        return CallStatus.CLOSING_SOON
    return CallStatus.OPEN


class FundingCallQuerySet(PageQuerySet):
    def with_status(self, now=None):
        """Annotate ``next_deadline`` (the next closing instant still ahead), ``current_status``,
        ``status_rank`` (open first, then forthcoming, then closed) and ``deadline`` (the next
        deadline, or the last one for closed calls), all computed in the database."""
        from apps.projects.models.call_rows import FundingCallDeadline

        now = now or timezone.now()
        next_cutoff = (
            FundingCallDeadline.objects.filter(page=OuterRef("pk"), closes_at__gte=now)
            .order_by("closes_at")
            .values("closes_at")[:1]
        )
        queryset = self.annotate(
            next_deadline=Case(
                When(intake=Intake.CUTOFFS, then=Subquery(next_cutoff)),
                When(closes_at__gte=now, then=F("closes_at")),
                default=None,
                output_field=DateTimeField(),
            )
        )
        status = Case(
            When(opens_at__gt=now, then=Value(CallStatus.FORTHCOMING)),
            When(closes_at__lt=now, then=Value(CallStatus.CLOSED)),
            When(intake=Intake.ROLLING, then=Value(CallStatus.ROLLING)),
            When(next_deadline__isnull=True, then=Value(CallStatus.CLOSED)),
            When(next_deadline__lte=now + CLOSING_SOON, then=Value(CallStatus.CLOSING_SOON)),
            default=Value(CallStatus.OPEN),
            output_field=CharField(),
        )
        rank = Case(
            When(opens_at__gt=now, then=Value(RANK[CallStatus.FORTHCOMING])),
            When(closes_at__lt=now, then=Value(RANK[CallStatus.CLOSED])),
            When(intake=Intake.ROLLING, then=Value(0)),
            When(next_deadline__isnull=True, then=Value(RANK[CallStatus.CLOSED])),
            default=Value(0),
            output_field=IntegerField(),
        )
        return queryset.annotate(
            current_status=status,
            status_rank=rank,
            deadline=Coalesce(F("next_deadline"), F("closes_at")),
        )

    def accepting(self, now=None):
        """Calls that take applications now: open, closing soon or rolling, and not paused."""
        return self.with_status(now).filter(current_status__in=ACCEPTING).filter(Q(paused=False))

    def reader_order(self):
        """Open and rolling calls first, soonest deadline first; then forthcoming; then closed,
        most recently closed first."""
        return self.order_by(
            "status_rank",
            F("next_deadline").asc(nulls_last=True),
            F("closes_at").desc(nulls_last=True),
            "title",
            "pk",
        )
