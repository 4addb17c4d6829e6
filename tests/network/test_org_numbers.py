import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from apps.network.validators import normalise_org_number


@pytest.mark.parametrize(
    ("country", "raw", "expected"),
    [
        ("SE", "556036-0793", "556036-0793"),
        ("SE", "5560360793", "556036-0793"),
        ("SE", "16 556036-0793", "556036-0793"),
        ("DK", "29403473", "29403473"),
        ("DK", "29 40 34 73", "29403473"),
        ("SE", "", ""),
    ],
)
def test_valid_numbers_are_normalised(country, raw, expected):
    assert normalise_org_number(country, raw) == expected


@pytest.mark.parametrize(
    ("country", "raw", "message"),
    [
        ("SE", "556036-0794", "check digit"),
        ("SE", "55603607", "10 digits"),
        ("DK", "29403474", "check digit"),
        ("DK", "2940347", "8 digits"),
        ("NO", "<script>", "Use letters"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(country, raw, message):
    with translation.override("en"), pytest.raises(ValidationError, match=message):
        normalise_org_number(country, raw)
