"""A call's status and countdown follow its dates in its own time zone, the same in SQL (listings,
filters) and in Python (one page), including on the day the clocks go back."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from apps.projects.calls.countdown import countdown
from apps.projects.models import CallStatus, FundingCallPage
from tests.projects.conftest import make_call

UTC = datetime.UTC
STOCKHOLM = ZoneInfo("Europe/Stockholm")
DST_END = datetime.date(2026, 10, 25)  # last Sunday of October: clocks go back at 03:00


@pytest.fixture
def clock(monkeypatch):
    def set_now(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return set_now


def sql_status(call, now):
    return FundingCallPage.objects.with_status(now).get(pk=call.pk).current_status


@pytest.fixture
def dst_call(call_index):
    return make_call(
        call_index,
        title="Idéslanten",
        opens_date=datetime.date(2026, 9, 1),
        closes_date=DST_END,
        closes_time=datetime.time(23, 59),
    )


def test_closing_on_the_day_the_clocks_go_back_is_stored_as_cet(dst_call):
    assert dst_call.closes_at == datetime.datetime(2026, 10, 25, 22, 59, tzinfo=UTC)
    assert dst_call.local(dst_call.closes_at).utcoffset() == datetime.timedelta(hours=1)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime.datetime(2026, 8, 31, 21, 59, tzinfo=UTC), CallStatus.FORTHCOMING),
        (datetime.datetime(2026, 8, 31, 22, 0, tzinfo=UTC), CallStatus.OPEN),
        (datetime.datetime(2026, 10, 11, 22, 58, tzinfo=UTC), CallStatus.OPEN),
        (datetime.datetime(2026, 10, 11, 23, 0, tzinfo=UTC), CallStatus.CLOSING_SOON),
        (datetime.datetime(2026, 10, 25, 22, 59, 0, tzinfo=UTC), CallStatus.CLOSING_SOON),
        (datetime.datetime(2026, 10, 25, 22, 59, 1, tzinfo=UTC), CallStatus.CLOSED),
    ],
)
def test_status_in_sql_and_python_agree_around_every_boundary(dst_call, moment, expected):
    assert dst_call.status_at(moment) == expected
    assert sql_status(dst_call, moment) == expected


def test_countdown_counts_calendar_days_in_the_calls_zone(dst_call):
    saturday_noon = datetime.datetime(2026, 10, 24, 12, 0, tzinfo=STOCKHOLM)
    sunday_morning = datetime.datetime(2026, 10, 25, 8, 0, tzinfo=STOCKHOLM)
    with translation.override("en"):
        assert countdown(dst_call, saturday_noon) == "1 day left"
        assert countdown(dst_call, sunday_morning) == "Last day: closes at 23:59 today"
        assert countdown(dst_call, sunday_morning - datetime.timedelta(days=12)) == "12 days left"
    with translation.override("sv"):
        assert countdown(dst_call, sunday_morning - datetime.timedelta(days=12)) == "12 dagar kvar"


def test_a_visitor_in_another_zone_sees_the_same_status_and_the_calls_own_time(
    dst_call, client, clock
):
    clock(datetime.datetime(2026, 10, 25, 22, 30, tzinfo=UTC))  # 23:30 Stockholm, 18:30 New York
    with timezone.override("America/New_York"):
        body = client.get("/api/calls/", {"locale": "sv"}).json()
        page = client.get(dst_call.url)
    (item,) = body["results"]
    assert item["status"] == "closing_soon"
    assert item["closes"] == "2026-10-25T23:59:00+01:00"
    assert item["next_deadline"] == "2026-10-25T23:59:00+01:00"
    assert datetime.datetime.fromisoformat(item["closes"]) == dst_call.closes_at
    assert "23:59" in page.text
    assert "Sista dagen" in page.text


def test_cutoff_dates_each_count_and_the_call_closes_after_the_last(call_index, clock):
    call = make_call(
        call_index,
        title="Kulturpulje",
        intake="cutoffs",
        opens_date=None,
        closes_date=None,
        time_zone="Europe/Copenhagen",
        deadlines=[(datetime.date(2026, 3, 1), datetime.time(12, 0)), (datetime.date(2026, 9, 1),)],
    )
    assert call.closes_at == datetime.datetime(2026, 9, 1, 21, 59, tzinfo=UTC)
    between = datetime.datetime(2026, 3, 2, tzinfo=UTC)
    assert call.next_deadline_at(between) == call.closes_at
    assert call.status_at(between) == sql_status(call, between) == CallStatus.OPEN
    early = datetime.datetime(2026, 2, 20, tzinfo=UTC)
    assert call.status_at(early) == sql_status(call, early) == CallStatus.CLOSING_SOON
    after = datetime.datetime(2026, 9, 2, tzinfo=UTC)
    assert call.status_at(after) == sql_status(call, after) == CallStatus.CLOSED


def test_rolling_intake_is_rolling_once_open_and_paused_stops_applications(call_index):
    call = make_call(
        call_index,
        title="Medfinansiering",
        intake="rolling",
        opens_date=datetime.date(2026, 1, 1),
        closes_date=None,
    )
    before = datetime.datetime(2025, 12, 1, tzinfo=UTC)
    after = datetime.datetime(2026, 5, 1, tzinfo=UTC)
    assert call.status_at(before) == sql_status(call, before) == CallStatus.FORTHCOMING
    assert call.status_at(after) == sql_status(call, after) == CallStatus.ROLLING
    assert call.accepts_applications(after)
    call.paused = True
    assert not call.accepts_applications(after)
    with translation.override("en"):
        assert countdown(call, after) == "Apply at any time"


def test_dates_and_ways_to_apply_are_validated(call_index):
    call = make_call(call_index, title="Prov", publish=False)
    checks = [
        ({"intake": "period", "closes_date": None}, "closes_date"),
        ({"opens_date": datetime.date(2026, 11, 1)}, "closes_date"),
        (
            {"closes_date": datetime.date(2026, 3, 29), "closes_time": datetime.time(2, 30)},
            "closes_time",
        ),
        ({"application_method": "email", "application_email": ""}, "application_email"),
        ({"application_method": "url", "application_url": ""}, "application_url"),
        (
            {
                "application_method": "email",
                "application_email": "a@example.org",
                "application_url": "https://x.example",
            },
            "application_url",
        ),
        ({"application_method": "form", "application_email": "a@example.org"}, "application_email"),
        ({"min_grant": 20000, "max_grant": 15000}, "min_grant"),
    ]
    for changes, field in checks:
        fresh = FundingCallPage.objects.get(pk=call.pk)
        for name, value in changes.items():
            setattr(fresh, name, value)
        with pytest.raises(ValidationError) as error:
            fresh.full_clean()
        assert field in error.value.message_dict, changes


def test_an_identifier_taken_from_the_slug_is_checked_for_clashes_too(call_index, en):
    """Two different calls with the same slug (one per language tree) must not share the
    identifier /api/calls/<identifier>/ answers to."""
    from apps.projects.factories import FundingCallPageFactory

    first = make_call(call_index, title="Kulturpulje", slug="kulturpulje")
    assert first.identifier == "kulturpulje"
    english_original = FundingCallPageFactory.build(
        title="Culture fund", slug="kulturpulje", identifier="", locale=en
    )
    with pytest.raises(ValidationError) as refused:
        english_original.clean()
    assert "identifier" in refused.value.message_dict
