"""Import another calendar's iCalendar file: ``parse_calendar`` reads it, ``import_events``
writes drafts. The command ``import_ics`` and the portal's feed subscriptions share both."""

from apps.events.ics_import.reading import parse_calendar
from apps.events.ics_import.records import ImportProblem, ParsedCalendar, Problem
from apps.events.ics_import.saving import ImportReport, import_events

__all__ = [
    "ImportProblem",
    "ImportReport",
    "ParsedCalendar",
    "Problem",
    "import_events",
    "parse_calendar",
]
