"""The name a subscribed calendar shows (X-WR-CALNAME), saying what the feed is filtered to, in
the feed's language, so someone with three Bygd subscriptions can tell them apart."""

from django.utils import translation
from django.utils.translation import gettext as _

from apps.events.filters import venues_matching
from apps.events.models import EVENT_LANGUAGES, Audience, EventCategory
from apps.network.models import Organisation, Place
from apps.projects.models import ProjectPage


def _in_locale(rows, key, locale):
    """One label per key, the requested language's row first (rows are translatable)."""
    labels = {}
    for row in sorted(rows, key=lambda row: row.locale_id != locale.pk):
        labels.setdefault(getattr(row, key), str(row))
    return labels


def _venues(values, locale):
    rows = venues_matching(values).only("slug", "name", "town", "locale", "translation_key")
    labels = {}
    for venue in sorted(rows, key=lambda row: row.locale_id != locale.pk):
        labels.setdefault(venue.translation_key, venue.name)
    return ", ".join(labels.values())


def _ages(age_from, age_to):
    if age_from is not None and age_to is not None:
        return _("ages %(low)d–%(high)d") % {"low": age_from, "high": age_to}
    if age_from is not None:
        return _("ages %(low)d and up") % {"low": age_from}
    if age_to is not None:
        return _("ages up to %(high)d") % {"high": age_to}
    return ""


def _parts(data, locale):
    language = locale.language_code
    parts = []
    if data.get("category"):
        found = _in_locale(
            EventCategory.objects.filter(slug__in=data["category"]).only("slug", "name", "locale"),
            "slug",
            locale,
        )
        parts.append(", ".join(found[slug] for slug in data["category"] if slug in found))
    for kind in ("municipality", "region"):
        if data.get(kind):
            places = {
                place.identifier: place.label(language)
                for place in Place.objects.filter(identifier__in=data[kind])
            }
            parts.append(", ".join(places[key] for key in data[kind] if key in places))
    if data.get("organiser"):
        found = _in_locale(
            Organisation.objects.filter(slug__in=data["organiser"]).only("slug", "name", "locale"),
            "slug",
            locale,
        )
        parts.append(", ".join(found[slug] for slug in data["organiser"] if slug in found))
    if data.get("project"):
        found = _in_locale(
            ProjectPage.objects.live().filter(identifier__in=data["project"]),
            "identifier",
            locale,
        )
        parts.append(", ".join(found[key] for key in data["project"] if key in found))
    if data.get("venue"):
        parts.append(_venues(data["venue"], locale))
    if data.get("audience"):
        parts.append(str(Audience(data["audience"]).label))
    parts.append(_ages(data.get("age_from"), data.get("age_to")))
    if data.get("event_language"):
        parts.append(str(dict(EVENT_LANGUAGES)[data["event_language"]]))
    if data.get("free") is not None:
        parts.append(_("free") if data["free"] else _("with entry fee"))
    if data.get("online") is not None:
        parts.append(_("online") if data["online"] else _("on site"))
    if (data.get("q") or "").strip():
        parts.append(_("“%(words)s”") % {"words": data["q"].strip()[:100]})
    return [part for part in parts if part]


def feed_name(data, locale):
    """``data`` is the calendar filter's cleaned data."""
    with translation.override(locale.language_code):
        parts = _parts(data, locale)
        if not parts:
            return _("Event calendar")
        return _("Event calendar: %(filters)s") % {"filters": " · ".join(parts)}
