"""Demo calendar from the first seed text: the Leader area Astrid Lindgrens Hembygd's six
municipalities, where associations, companies and municipalities post their own events. Dates
are relative to today so the demo always has upcoming events; it includes a weekly event that
crosses the late-October DST change, a cancelled date and a multi-day festival."""

from django.utils import timezone
from django.utils.text import slugify

from apps.core.demo import ensure_translations, get_or_add_child, source_locale, strings
from apps.events.demo_data import CALENDAR_INTRO, CALENDAR_TITLE, CATEGORIES, VENUES, events
from apps.events.models import (
    EventCancellation,
    EventCategory,
    EventCategoryLink,
    EventIndexPage,
    EventMovedDate,
    EventPage,
    Venue,
)
from apps.network.models import Organisation, Place, PlaceKind


def load(home, log):
    calendar = ensure_calendar(home, log)
    categories = ensure_categories(log)
    venues = ensure_venues(log)
    ensure_events(calendar, categories, venues, log)


def ensure_calendar(home, log):
    calendar, _created = get_or_add_child(
        home,
        EventIndexPage,
        "kalender",
        log,
        title=CALENDAR_TITLE.sv,
        intro=CALENDAR_INTRO.sv,
        show_in_menus=True,
    )
    ensure_translations(
        calendar, {"en": {**strings(CALENDAR_TITLE, CALENDAR_INTRO), "kalender": "calendar"}}, log
    )
    return calendar


def ensure_categories(log):
    sv = source_locale()
    result = {}
    for slug, name in CATEGORIES:
        category, created = EventCategory.objects.get_or_create(
            slug=slug, locale=sv, defaults={"name": name.sv}
        )
        if created:
            log(f"  created category {name.sv}")
        ensure_translations(category, {"en": strings(name)}, log)
        result[slug] = category
    return result


def ensure_venues(log):
    sv = source_locale()
    result = []
    for name, address, postcode, town, code, lat, lon, accessibility in VENUES:
        venue = Venue.objects.filter(name=name, locale=sv).first()
        if venue is None:
            venue = Venue.objects.create(
                name=name,
                address=address,
                postcode=postcode,
                town=town,
                latitude=lat,
                longitude=lon,
                accessibility=accessibility.sv,
                locale=sv,
                municipality=Place.objects.get(
                    kind=PlaceKind.MUNICIPALITY, country="SE", code=code
                ),
            )
            log(f"  created venue {name}")
        ensure_translations(venue, {"en": strings(accessibility)}, log)
        result.append(venue)
    return result


def ensure_events(calendar, categories, venues, log):
    today = timezone.localdate()
    sv = source_locale()
    for slug, title, summary, organiser, venue, category_slugs, schedule, extra in events(today):
        if calendar.get_children().filter(slug=slug).exists():
            page = calendar.get_children().get(slug=slug).specific
        else:
            fields = {"time_zone": "Europe/Stockholm", **schedule}
            cancel = extra.get("cancel")
            page, _created = get_or_add_child(
                calendar,
                EventPage,
                slug,
                log,
                title=title.sv,
                summary=summary.sv,
                listing_summary=summary.sv,
                organiser=Organisation.objects.get(slug=organiser, locale=sv),
                venue=venues[venue],
                categories=[EventCategoryLink(category=categories[c]) for c in category_slugs],
                cancellations=[EventCancellation(date=cancel[0], note=cancel[1].sv)]
                if cancel
                else [],
                moved_dates=[
                    EventMovedDate(date=day, start_date=new, start_time=time, venue=venues[v])
                    for day, new, time, v in [extra["move"]]
                ]
                if extra.get("move")
                else [],
                **fields,
            )
        cancel = extra.get("cancel")
        mapping = {**strings(title, summary), slug: slugify(title.en)[:80]}
        if cancel:
            mapping.update(strings(cancel[1]))
        ensure_translations(page, {"en": mapping}, log)
