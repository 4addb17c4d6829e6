"""Expansion of schedules into local-time occurrences (unsaved pages; Page() reads the locale)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from apps.events.models import EventPage
from apps.events.recurrence import expand

STOCKHOLM = ZoneInfo("Europe/Stockholm")
pytestmark = pytest.mark.django_db

FAR = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)


def schedule(**fields):
    values = {
        "time_zone": "Europe/Stockholm",
        "start_date": datetime.date(2026, 10, 13),
        "start_time": datetime.time(18, 0),
        "end_time": datetime.time(20, 0),
    }
    values.update(fields)
    return EventPage(title="x", summary="x", **values)


def local(occurrence):
    return occurrence.start.astimezone(STOCKHOLM)


def test_weekly_event_keeps_local_time_across_the_october_dst_change():
    page = schedule(frequency="weekly", ends="after", count=4)
    occurrences = expand(page, [], [], {}, FAR)
    assert [local(o).strftime("%d %H:%M") for o in occurrences] == [
        "13 18:00",
        "20 18:00",
        "27 18:00",
        "03 18:00",
    ]
    # The UTC instant moves by an hour when summer time ends on 25 October 2026.
    assert [o.start.hour for o in occurrences] == [16, 16, 17, 17]
    assert all(o.end - o.start == datetime.timedelta(hours=2) for o in occurrences)


def test_weekly_on_several_weekdays_until_a_date_includes_that_date():
    page = schedule(
        frequency="weekly", weekdays=["TU", "TH"], ends="on", until=datetime.date(2026, 10, 22)
    )
    days = [o.start_date.day for o in expand(page, [], [], {}, FAR)]
    assert days == [13, 15, 20, 22]


def test_monthly_on_the_second_tuesday():
    page = schedule(frequency="monthly", monthly_by="weekday", ends="after", count=3)
    days = [o.start_date for o in expand(page, [], [], {}, FAR)]
    assert days == [
        datetime.date(2026, 10, 13),
        datetime.date(2026, 11, 10),
        datetime.date(2026, 12, 8),
    ]


def test_monthly_by_date_every_other_month():
    page = schedule(frequency="monthly", interval=2, ends="after", count=3)
    assert [o.start_date.month for o in expand(page, [], [], {}, FAR)] == [10, 12, 2]


def test_yearly_and_daily():
    yearly = schedule(frequency="yearly", ends="after", count=2)
    assert [o.start_date.year for o in expand(yearly, [], [], {}, FAR)] == [2026, 2027]
    daily = schedule(frequency="daily", interval=3, ends="after", count=3)
    assert [o.start_date.day for o in expand(daily, [], [], {}, FAR)] == [13, 16, 19]


def test_extra_and_excluded_dates_and_a_cancellation():
    page = schedule(frequency="weekly", ends="after", count=3)
    occurrences = expand(
        page,
        [datetime.date(2026, 10, 30)],
        [datetime.date(2026, 10, 20)],
        {datetime.date(2026, 10, 27): "Sjuk ledare"},
        FAR,
    )
    assert [(o.start_date.day, o.cancelled, o.note) for o in occurrences] == [
        (13, False, ""),
        (27, True, "Sjuk ledare"),
        (30, False, ""),
    ]
    assert occurrences[1].key == "20261027T180000"


def test_never_ending_rule_stops_at_the_horizon():
    page = schedule(frequency="weekly")
    until = datetime.datetime(2026, 11, 10, 12, tzinfo=datetime.UTC)
    occurrences = expand(page, [], [], {}, until)
    assert [o.start_date.day for o in occurrences] == [13, 20, 27, 3]


def test_multi_day_all_day_festival():
    page = schedule(
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=datetime.date(2026, 7, 10),
        end_date=datetime.date(2026, 7, 12),
    )
    (festival,) = expand(page, [], [], {}, FAR)
    assert festival.all_day and festival.key == "20260710"
    assert (festival.start_date, festival.end_date) == (
        datetime.date(2026, 7, 10),
        datetime.date(2026, 7, 12),
    )
    assert local(festival) == datetime.datetime(2026, 7, 10, tzinfo=STOCKHOLM)
    assert festival.end.astimezone(STOCKHOLM) == datetime.datetime(2026, 7, 13, tzinfo=STOCKHOLM)


def test_repeats_landing_in_the_spring_gap_move_forward_as_rfc_5545_says():
    page = schedule(
        start_date=datetime.date(2027, 3, 21),
        start_time=datetime.time(2, 30),
        end_time=datetime.time(3, 45),
        frequency="weekly",
        ends="after",
        count=2,
    )
    second = expand(page, [], [], {}, FAR)[1]
    assert local(second).strftime("%Y-%m-%d %H:%M") == "2027-03-28 03:30"


@pytest.mark.parametrize(
    ("fields", "field", "text"),
    [
        (
            {"start_date": datetime.date(2027, 3, 28), "start_time": datetime.time(2, 30)},
            "start_time",
            "does not exist",
        ),
        ({"end_time": datetime.time(17, 0)}, "end_time", "cannot end before"),
        (
            {"all_day": True, "end_date": datetime.date(2026, 10, 1)},
            "end_date",
            "cannot end before",
        ),
        ({"frequency": "weekly", "ends": "after"}, "count", "how many"),
        (
            {"frequency": "weekly", "ends": "on", "until": datetime.date(2026, 1, 1)},
            "until",
            "before the start",
        ),
        ({"start_time": None}, "start_time", "start time"),
    ],
)
def test_schedule_validation_names_the_field_to_fix(fields, field, text):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            schedule(**fields).clean_schedule()
        assert text in " ".join(error.value.message_dict[field])


def test_an_ordinary_evening_is_valid():
    schedule(frequency="weekly", ends="never").clean_schedule()
