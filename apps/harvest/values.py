"""Reading single values of a source's JSON, shared by every kind of copy."""

import datetime
from decimal import Decimal


def date(value):
    return datetime.date.fromisoformat(value) if value else None


def decimal(value):
    return None if value is None else Decimal(str(value))


def reference(value):
    """The code of a `{"value", "name"}` reference, or None."""
    return value["value"] if isinstance(value, dict) else None


def references(values):
    """The `{"value", "name"}` references of a list, skipping anything else."""
    return [value for value in values or [] if isinstance(value, dict) and "value" in value]


def codes(values):
    """The codes of the `{"value", "name"}` references of a list."""
    return [value["value"] for value in references(values)]
