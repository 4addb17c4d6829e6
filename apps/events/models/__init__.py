from apps.events.models.category import EventCategory
from apps.events.models.event_index_page import EventIndexPage
from apps.events.models.event_page import (
    EVENT_LANGUAGES,
    AttendanceMode,
    Audience,
    EventPage,
    EventStatus,
)
from apps.events.models.event_rows import (
    EventCancellation,
    EventCategoryLink,
    EventExcludedDate,
    EventExtraDate,
    EventMovedDate,
)
from apps.events.models.occurrence import EventOccurrence, EventSeries, OccurrenceStatus
from apps.events.models.schedule import Ends, Frequency, MonthlyBy
from apps.events.models.venue import Venue

__all__ = [
    "EVENT_LANGUAGES",
    "AttendanceMode",
    "Audience",
    "Ends",
    "EventCancellation",
    "EventCategory",
    "EventCategoryLink",
    "EventExcludedDate",
    "EventExtraDate",
    "EventIndexPage",
    "EventMovedDate",
    "EventOccurrence",
    "EventPage",
    "EventSeries",
    "EventStatus",
    "Frequency",
    "MonthlyBy",
    "OccurrenceStatus",
    "Venue",
]
