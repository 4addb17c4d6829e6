"""CSV cells that a spreadsheet would read as a formula (CSV injection) are prefixed with an
apostrophe, so an applicant's or importer's text is shown, never executed, when an editor opens
an export in Excel or LibreOffice. Numbers such as `-5` stay numbers."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value[:1] in FORMULA_STARTS and not _is_number(value):
        return "'" + value
    return value


def unescape_cell(value):
    """Reads back what safe_cell wrote, so an export imports as it was."""
    if value.startswith("'") and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


def _is_number(value):
    try:
        float(value)
    except ValueError:
        return False
    return True
