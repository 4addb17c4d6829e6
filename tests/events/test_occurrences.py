"""Stored occurrences follow publishing, translation, unpublishing, deletion and edits."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import ProtectedError
from django.test import override_settings

from apps.core.localize import translate
from apps.events.models import (
    EventCancellation,
    EventExcludedDate,
    EventOccurrence,
    EventSeries,
)
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

NEXT_MONTH = TODAY + datetime.timedelta(days=30)


def visible(page):
    return list(
        EventOccurrence.objects.visible()
        .filter(series__key=page.translation_key)
        .values_list("key", "status")
    )


def test_publishing_creates_occurrences_and_drafts_do_not_change_them(publish):
    page = publish(frequency="weekly", ends="after", count=3, start_date=NEXT_MONTH)
    assert len(visible(page)) == 3
    page.count = 5
    page.save_revision()
    assert len(visible(page)) == 3
    page.get_latest_revision().publish()
    assert len(visible(page)) == 5


def test_translations_share_the_originals_rows(publish, en):
    page = publish(start_date=NEXT_MONTH)
    translated = translate(page, en, {})
    assert translated.live and translated.translation_key == page.translation_key
    rows = EventOccurrence.objects.filter(series__key=page.translation_key)
    assert rows.count() == 1 and rows.get().event_id == page.pk
    translated.unpublish()
    assert len(visible(page)) == 1


def test_unpublishing_and_deleting_leave_tombstones(publish):
    page = publish(frequency="daily", ends="after", count=2, start_date=NEXT_MONTH)
    key = page.translation_key
    page.unpublish()
    assert visible(page) == []
    assert set(
        EventOccurrence.objects.filter(series__key=key).values_list("status", flat=True)
    ) == {"removed"}
    page.get_latest_revision().publish()
    assert len(visible(page)) == 2
    page.delete()
    series = EventSeries.objects.get(key=key)
    assert not series.live
    assert series.occurrences.filter(status="removed").count() == 2


def test_editing_the_schedule_diffs_rows_and_bumps_the_sequence(publish):
    page = publish(frequency="weekly", ends="after", count=3, start_date=NEXT_MONTH)
    series = EventSeries.objects.get(key=page.translation_key)
    first = {row.key: row.modified for row in series.occurrences.all()}
    assert series.sequence == 0

    page.excluded_dates.add(EventExcludedDate(date=NEXT_MONTH + datetime.timedelta(days=7)))
    page.cancellations.add(
        EventCancellation(date=NEXT_MONTH + datetime.timedelta(days=14), note="Inställt")
    )
    page.save_revision().publish()

    series.refresh_from_db()
    assert series.sequence == 1
    rows = {row.key: row for row in series.occurrences.all()}
    statuses = [rows[key].status for key in sorted(rows)]
    assert statuses == ["scheduled", "removed", "cancelled"]
    assert rows[sorted(rows)[0]].modified == first[sorted(rows)[0]]
    assert rows[sorted(rows)[2]].note == "Inställt"

    page.save_revision().publish()
    series.refresh_from_db()
    assert series.sequence == 1


def test_a_cancelled_event_cancels_every_occurrence(publish):
    page = publish(frequency="weekly", ends="after", count=2, status="cancelled")
    assert {status for _key, status in visible(page)} == {"cancelled"}


def test_an_organisation_with_events_cannot_be_deleted(publish):
    page = publish()
    with pytest.raises(ProtectedError):
        page.organiser.delete()


@override_settings(BYGD_EVENT_HORIZON_MONTHS=2)
def test_extend_occurrences_moves_the_horizon_and_is_idempotent(publish):
    page = publish(frequency="weekly", start_date=TODAY)
    stored = len(visible(page))
    assert 8 <= stored <= 10
    with override_settings(BYGD_EVENT_HORIZON_MONTHS=4):
        out = StringIO()
        call_command("extend_occurrences", stdout=out)
        assert "1 repeating series checked" in out.getvalue()
        assert len(visible(page)) > stored + 7
        again = StringIO()
        call_command("extend_occurrences", stdout=again)
        assert "0 occurrence(s) added, 0 updated, 0 removed" in again.getvalue()
