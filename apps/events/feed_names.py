"""The name a subscribed calendar shows (X-WR-CALNAME), saying what the feed is filtered to, in
the feed's language, so someone with three Bygd subscriptions can tell them apart."""

from django.utils import translation
from django.utils.translation import gettext as _

from apps.events.models import Audience, EventCategory
from apps.network.models import Organisation, Place
from apps.projects.models import ProjectPage


def _in_locale(rows, key, locale):
    """One label per key, the requested language's row first (rows are translatable)."""
    labels = {}
    for row in sorted(rows, key=lambda row: row.locale_id != locale.pk):
        labels.setdefault(getattr(row, key), str(row))
    return labels


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
    if data.get("audience"):
        parts.append(str(Audience(data["audience"]).label))
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
