"""What reading a calendar yields: the events Bygd can store and, for every part it could not
use, a problem naming the event, so nothing from the source disappears without a word."""

from dataclasses import dataclass, field


class ImportProblem(ValueError):
    """One event (or the whole file) cannot be used; the message says why."""


@dataclass(frozen=True)
class Problem:
    uid: str
    title: str
    reason: str

    def __str__(self):
        name = f"{self.title} ({self.uid})" if self.title and self.title != self.uid else self.uid
        return f"{name}: {self.reason}" if name else self.reason


@dataclass(frozen=True)
class MovedOccurrence:
    """One date of a series that the source moved (a VEVENT with RECURRENCE-ID): naive local
    datetimes in the series' time zone, and the new LOCATION (empty when it keeps the series')."""

    original: object
    start: object
    end: object
    location: str


@dataclass
class ImportedEvent:
    uid: str
    fields: dict
    location: str
    extra_dates: list = field(default_factory=list)
    excluded_dates: list = field(default_factory=list)
    cancellations: dict = field(default_factory=dict)
    moved: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def title(self):
        return self.fields.get("title", self.uid)


@dataclass
class ParsedCalendar:
    events: list = field(default_factory=list)
    problems: list = field(default_factory=list)
