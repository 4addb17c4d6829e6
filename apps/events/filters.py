"""One set of calendar filters for the JSON API, the iCalendar feed and the HTML calendar, so a
link copied from one gives the same events in the others.

Places filter by each occurrence's own venue, so a date moved to another municipality is found
there. Windows use overlap semantics (an event is in the window if it is under way at some point of it)
and dates are read in the site's time zone: `end=2026-11-30` means up to the end of that day.
"""

import datetime
import uuid

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.api.filters import AS_GIVEN, BooleanFilter, IsoDateTimeFilter
from apps.core.text_search import contains_folded
from apps.events.models import (
    EVENT_LANGUAGES,
    Audience,
    EventCategory,
    EventCategoryLink,
    EventOccurrence,
    EventPage,
    Venue,
)
from apps.network.models import Organisation, Place, PlaceKind
from apps.projects.models import ProjectPage

MAX_WINDOW_DAYS = 400
MAX_AGE = 150


def site_zone():
    return timezone.get_default_timezone()


def start_of(day):
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=site_zone())


class SlugListField(forms.Field):
    """Comma-separated keys, checked against ``known`` so a typo is an error, not an empty list."""

    def __init__(self, *args, known=None, **kwargs):
        self.known = known
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return []
        values = value if isinstance(value, list) else str(value).split(",")
        if any("\x00" in str(item) for item in values):
            raise forms.ValidationError(_("Null characters are not allowed."), code="null")
        return sorted({item.strip() for item in values if item.strip()})

    def validate(self, value):
        super().validate(value)
        if value and self.known is not None:
            unknown = sorted(set(value) - set(self.known(value)))
            if unknown:
                raise forms.ValidationError(
                    _("Unknown value(s): %(values)s.") % {"values": ", ".join(unknown)},
                    code="unknown",
                )


class CalendarFilterForm(forms.Form):
    """Validates the window as a whole and keeps it as ``window`` (aware start, end)."""

    default_days = 90
    window = (None, None)

    def default_end(self, start_at):
        """Where a window without ``end`` stops; the limit on spans applies to given ends only."""
        return start_at + datetime.timedelta(days=self.default_days)

    def clean(self):
        data = super().clean()
        age_from, age_to = data.get("age_from"), data.get("age_to")
        if age_from is not None and age_to is not None and age_from > age_to:
            self.add_error("age_to", _("The highest age is lower than the lowest age."))
        if self.errors:
            return data
        start, end = data.get("start"), data.get("end")
        since = data.get("modified_since")
        if start is None and end is None and since is not None:
            self.window = (None, None)
            return data
        start_at = (
            start_of(start)
            if isinstance(start, datetime.date) and not isinstance(start, datetime.datetime)
            else start
        )
        if start_at is None:
            start_at = start_of(timezone.localdate())
        if isinstance(end, datetime.datetime):
            end_at = end
        elif end is not None:
            end_at = start_of(end + datetime.timedelta(days=1))
        else:
            end_at = self.default_end(start_at)
        if end_at <= start_at:
            self.add_error("end", _("The end must be after the start."))
        elif end is not None and end_at - start_at > datetime.timedelta(days=MAX_WINDOW_DAYS + 1):
            self.add_error(
                "end",
                _("The window may span at most %(days)d days.") % {"days": MAX_WINDOW_DAYS},
            )
        self.window = (start_at, end_at)
        return data


def known_categories(slugs):
    return EventCategory.objects.filter(slug__in=slugs).values_list("slug", flat=True)


def known_places(kind):
    def known(identifiers):
        return Place.objects.filter(kind=kind, identifier__in=identifiers).values_list(
            "identifier", flat=True
        )

    return known


def known_projects(identifiers):
    return ProjectPage.objects.filter(identifier__in=identifiers).values_list(
        "identifier", flat=True
    )


def known_organisers(slugs):
    return Organisation.objects.filter(slug__in=slugs).values_list("slug", flat=True)


def _venue_keys(values):
    keys = []
    for value in values:
        try:
            keys.append(uuid.UUID(value))
        except ValueError:
            continue
    return keys


def venues_matching(values):
    """Venues given by slug or by their API id (the translation key every language shares)."""
    return Venue.objects.filter(Q(slug__in=values) | Q(translation_key__in=_venue_keys(values)))


def known_venues(values):
    known = set()
    for slug, key in venues_matching(values).values_list("slug", "translation_key"):
        known.update((slug, str(key)))
    return [value for value in values if value in known or value.lower() in known]


class AgeFilter(django_filters.Filter):
    """A whole number of years; the filterset reads both ages together (``filter_ages``), the
    method's type hint makes it an integer in the schema."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=0, max_value=MAX_AGE, **kwargs)


class SlugListFilter(django_filters.CharFilter):
    """A string in the schema, described by its help text."""

    field_class = SlugListField


class CalendarFilter(django_filters.FilterSet):
    start = IsoDateTimeFilter(
        method="noop",
        resolution=AS_GIVEN,
        help_text="Window start, a date or date-time (default today).",
    )
    end = IsoDateTimeFilter(
        method="noop",
        resolution=AS_GIVEN,
        help_text=(
            "Window end, a date or date-time; a date includes that whole day. "
            f"At most {MAX_WINDOW_DAYS} days after the start."
        ),
    )
    category = SlugListFilter(
        known=known_categories,
        method="filter_category",
        help_text="Category slug(s), comma-separated",
    )
    municipality = SlugListFilter(
        known=known_places(PlaceKind.MUNICIPALITY),
        method="filter_municipality",
        help_text="Municipality identifier(s), e.g. SE-0884",
    )
    region = SlugListFilter(
        known=known_places(PlaceKind.REGION), method="filter_region", help_text="e.g. SE-08"
    )
    organiser = SlugListFilter(
        known=known_organisers, method="filter_organiser", help_text="Organisation slug(s)"
    )
    project = SlugListFilter(
        known=known_projects, method="filter_project", help_text="Related project identifier(s)"
    )
    venue = SlugListFilter(
        known=known_venues, method="filter_venue", help_text="Venue slug(s) or id(s)"
    )
    audience = django_filters.ChoiceFilter(choices=Audience.choices, method="filter_audience")
    age_from = AgeFilter(
        method="filter_age",
        help_text="Events open to some age from this one up (ages overlap the event's own range)",
    )
    age_to = AgeFilter(
        method="filter_age",
        help_text="Events open to some age up to this one (ages overlap the event's own range)",
    )
    event_language = django_filters.ChoiceFilter(
        choices=EVENT_LANGUAGES,
        field_name="event__event_language",
        help_text="The language the event is held in",
    )
    free = BooleanFilter(method="filter_free", help_text="Only free (true) or paid (false) events")
    online = BooleanFilter(
        method="filter_online", help_text="Only events one can join online (true) or not (false)"
    )
    featured = BooleanFilter(
        method="filter_featured", help_text="Only featured (true) or other (false) events"
    )
    q = django_filters.CharFilter(method="filter_q", help_text="Words in the title or summary")
    modified_since = IsoDateTimeFilter(
        method="filter_modified_since",
        help_text=(
            "Only changes since then, including removed occurrences (tombstones): new dates, "
            "and any published edit of what an event shows (title, texts, price, image, "
            "categories, status) or of its venue, category or organiser."
        ),
    )

    class Meta:
        model = EventOccurrence
        fields = []
        form = CalendarFilterForm

    def noop(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        if data.get("modified_since") is None:
            queryset = queryset.visible()
        queryset = filter_ages(super().filter_queryset(queryset), data)
        start, end = self.form.window
        return queryset.overlapping(start, end)

    def filter_category(self, queryset, name, value):
        if not value:
            return queryset
        pages = EventCategoryLink.objects.filter(category__slug__in=value).values("page_id")
        return queryset.filter(event_id__in=pages)

    def filter_municipality(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(venue__municipality__identifier__in=value)

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(venue__municipality__parent__identifier__in=value)

    def filter_organiser(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(event__organiser__slug__in=value)

    def filter_project(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(event__related_project__identifier__in=value)

    def filter_age(self, queryset, name, value: int):
        return queryset

    def filter_venue(self, queryset, name, value):
        if not value:
            return queryset
        keys = venues_matching(value).values("translation_key")
        return queryset.filter(event__venue__translation_key__in=keys)

    def filter_audience(self, queryset, name, value):
        return queryset.filter(Q(event__audience=value) | Q(event__audience=Audience.ALL))

    def filter_free(self, queryset, name, value):
        return queryset if value is None else queryset.filter(event__is_free=value)

    def filter_online(self, queryset, name, value):
        if value is None:
            return queryset
        online = Q(event__attendance_mode__in=["online", "mixed"])
        return queryset.filter(online if value else ~online)

    def filter_featured(self, queryset, name, value):
        return queryset if value is None else queryset.filter(event__featured=value)

    def filter_q(self, queryset, name, value):
        words = value.strip()[:100]
        if not words:
            return queryset
        matches = contains_folded(EventPage.objects.live(), ["title", "summary"], words)
        return queryset.filter(series__key__in=matches.values("translation_key"))

    def filter_modified_since(self, queryset, name, value):
        """An occurrence's own ``modified`` moves with its dates and status; its series' moves
        with every publish and with edits of the venue, categories or organiser it shows."""
        return queryset.filter(Q(modified__gte=value) | Q(series__modified__gte=value))


def filter_ages(queryset, data):
    """Overlap of the wanted ages with the event's: an event for 7–12 suits ages 10–15. An event
    without a minimum or maximum is open at that end."""
    age_from, age_to = data.get("age_from"), data.get("age_to")
    if age_from is not None:
        queryset = queryset.filter(Q(event__age_max__isnull=True) | Q(event__age_max__gte=age_from))
    if age_to is not None:
        queryset = queryset.filter(Q(event__age_min__isnull=True) | Q(event__age_min__lte=age_to))
    return queryset


def base_queryset():
    """Each row's own venue comes along: a moved date may be somewhere else than its event."""
    return EventOccurrence.objects.select_related("series", "venue__municipality__parent").order_by(
        "start", "series_id", "key"
    )


def only_in_locale(queryset, locale):
    """Without fallback: occurrences of events that exist in ``locale``."""
    keys = EventPage.objects.live().filter(locale=locale).values("translation_key")
    return queryset.filter(series__key__in=keys)
