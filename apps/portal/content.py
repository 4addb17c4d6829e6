"""From the portal form to pages and back. The organiser's text in each language is kept on
PortalEvent; the page in the original language gets its own text, and translations are made
with wagtail-localize only when the original is published, so nothing unreviewed goes live.

Descriptions are plain text; ``apps.core.plain_text`` makes them rich text that holds no
markup but its own, whatever the organiser typed."""

import copy

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.segments.extract import extract_segments

from apps.core.localize import translate
from apps.core.plain_text import body_for
from apps.events.models import (
    EventCancellation,
    EventCategoryLink,
    EventExcludedDate,
    EventExtraDate,
    EventIndexPage,
    EventPage,
)

FACT_FIELDS = [
    "attendance_mode",
    "online_url",
    "audience",
    "age_min",
    "age_max",
    "event_language",
    "is_free",
    "price_amount",
    "price_currency",
    "price_text",
    "registration_url",
    "registration_deadline",
    "time_zone",
    "all_day",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "frequency",
    "interval",
    "weekdays",
    "monthly_by",
    "ends",
    "count",
    "until",
]
TEXT_FIELDS = ["title", "summary", "description"]


def languages():
    return [code for code, _name in settings.LANGUAGES]


def source_language(texts, existing_page=None):
    if existing_page is not None:
        return existing_page.locale.language_code
    for code in languages():
        if texts.get(code, {}).get("title"):
            return code
    return languages()[0]


def calendar_for(language):
    """The calendar page in the event's original language; portal events live under it."""
    calendar = EventIndexPage.objects.filter(locale__language_code=language).order_by("pk").first()
    if calendar is None:
        calendar = EventIndexPage.objects.order_by("pk").first()
    return calendar


def unique_slug(parent, title):
    base = slugify(title)[:70] or "evenemang"
    slug, number = base, 1
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def apply_form(page, data, texts, venue):
    """Set the page's fields and inline rows from the form's cleaned data (nothing saved)."""
    language = page.locale.language_code if page.locale_id else source_language(texts)
    own = texts.get(language, {})
    page.title = own.get("title", "")
    page.summary = own.get("summary", "")
    page.listing_summary = own.get("summary", "")
    page.body = body_for(own.get("description", ""))
    for name in FACT_FIELDS:
        setattr(page, name, data.get(name))
    page.interval = data.get("interval") or 1
    page.weekdays = list(data.get("weekdays") or [])
    page.venue = venue
    page.categories = [EventCategoryLink(category=category) for category in data["categories"]]
    page.extra_dates = [EventExtraDate(date=day) for day in data.get("extra_dates", [])]
    page.excluded_dates = [EventExcludedDate(date=day) for day in data.get("excluded_dates", [])]
    return page


def new_page(data, texts, organisation, user):
    language = source_language(texts)
    page = EventPage(
        locale=Locale.objects.get(language_code=language), organiser=organisation, owner=user
    )
    page.live = False
    page.cancellations = []
    return apply_form(page, data, texts, None)


def form_initial(page, portal_event=None):
    """Initial form data from an event (latest revision), for editing and for copying."""
    initial = {name: getattr(page, name) for name in FACT_FIELDS}
    initial["weekdays"] = list(page.weekdays or [])
    initial["venue"] = page.venue_id
    initial["categories"] = [link.category_id for link in page.categories.all()]
    initial["extra_dates"] = "\n".join(str(row.date) for row in page.extra_dates.all())
    initial["excluded_dates"] = "\n".join(str(row.date) for row in page.excluded_dates.all())
    listed = initial["extra_dates"] or initial["excluded_dates"]
    initial["repeats"] = "repeats" if page.frequency or listed else "once"
    texts = dict(portal_event.texts) if portal_event and portal_event.texts else {}
    if not texts:
        texts = {page.locale.language_code: page_texts(page)}
        for translation in page.get_translations().select_related("locale"):
            texts[translation.locale.language_code] = page_texts(
                translation.get_latest_revision_as_object()
            )
    for code, values in texts.items():
        for name in TEXT_FIELDS:
            initial[f"{name}_{code}"] = values.get(name, "")
    return initial


def page_texts(page):
    """Best-effort plain text of a page written elsewhere (admin, import) for the form."""
    from django.utils.html import strip_tags

    description = "\n\n".join(
        strip_tags(str(block.value).replace("<br/>", "\n"))
        for block in page.body
        if block.block_type == "paragraph"
    )
    return {"title": page.title, "summary": page.summary, "description": description}


def cancellations_with(page, day, note):
    rows = [row for row in page.cancellations.all() if row.date != day]
    rows.append(EventCancellation(date=day, note=note))
    return rows


def translation_strings(page, values):
    """{source text: translated text} for wagtail-localize, pairing the description's
    paragraphs in order; if the two languages have different numbers of paragraphs the whole
    translation goes into the first one."""
    mapping = {page.title: values["title"], page.summary: values["summary"]}
    mapping[page.slug] = slugify(values["title"])[:70] or page.slug
    target = copy.copy(page)
    target.body = body_for(values.get("description", ""))
    source_strings = [segment.string.data for segment in _body_segments(page)]
    target_strings = [segment.string.data for segment in _body_segments(target)]
    if len(source_strings) == len(target_strings):
        mapping.update(zip(source_strings, target_strings, strict=True))
    elif source_strings:
        joined = "<br/><br/>".join(target_strings)
        mapping.update(dict.fromkeys(source_strings, ""))
        mapping[source_strings[0]] = joined
    return mapping


def _body_segments(page):
    return [
        segment
        for segment in extract_segments(page)
        if segment.path.startswith("body") and hasattr(segment, "string")
    ]


def publish_translations(page, portal_event):
    """Create or update the translation of a just-published original for every language the
    organiser wrote text in."""
    for code, values in (portal_event.texts or {}).items():
        if code == page.locale.language_code or not values.get("title"):
            continue
        if code not in languages():
            continue
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        translate(page, locale, translation_strings(page, values))
