"""Short date ranges in each language's own convention."""

import datetime

import pytest
from django.utils import translation

from apps.core.dates import date_range

NOV_29 = datetime.date(2026, 11, 29)
DEC_27 = datetime.date(2026, 12, 27)


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("sv", NOV_29, DEC_27, "29 nov.–27 dec."),
        ("en", NOV_29, DEC_27, "29 Nov–27 Dec"),
        ("sv", datetime.date(2027, 5, 1), datetime.date(2027, 6, 3), "1 maj–3 juni"),
        ("sv", datetime.date(2027, 3, 1), datetime.date(2027, 3, 3), "1–3 mars"),
        ("en", DEC_27, datetime.date(2027, 1, 2), "27 Dec 2026–2 Jan 2027"),
        ("sv", NOV_29, NOV_29, "29 nov."),
    ],
)
def test_date_ranges_use_the_languages_abbreviations(language, start, end, expected):
    with translation.override(language):
        assert date_range(start, end) == expected
