"""A cell that a spreadsheet would run as a formula leaves every CSV export as text, and the
projects import reads it back unchanged."""

import pytest

from apps.core.spreadsheet import safe_cell, unescape_cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_are_neutralised_and_read_back(start):
    cell = f"{start}cmd|' /C calc'!A0"
    assert safe_cell(cell) == "'" + cell
    assert unescape_cell(safe_cell(cell)) == cell


@pytest.mark.parametrize("value", ["-5", "+46.5", "Byalaget", "", None, 12, "'=quoted"])
def test_numbers_and_plain_text_are_left_alone(value):
    assert safe_cell(value) == value
