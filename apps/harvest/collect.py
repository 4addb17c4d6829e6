"""Everything a run learns from a source, read before anything is written: what changed since
the kind's cursor, and what the source removed. Only the source's own items are taken (an item
the source itself harvested names its origin in ``source`` and is left to its origin)."""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from apps.harvest.client import NotFound, SourceError, checked

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)

#: Per kind: the listing, the keys every item must have, its identifier's key and its kind in
#: /api/removed/ (events list their removed occurrences themselves). Kinds in DETAILED show more
#: on their detail (a project's description and partners), read for each changed item only.
LISTINGS = {
    "organisations": (
        "api/organisations/",
        ("slug", "name", "kind", "country", "html_url", "source"),
        "slug",
        "organisation",
    ),
    "projects": (
        "api/projects/",
        ("identifier", "title", "summary", "currency", "owner", "html_url", "source"),
        "identifier",
        "project",
    ),
    "calls": (
        "api/calls/",
        ("identifier", "title", "summary", "intake", "time_zone", "funder", "html_url", "source"),
        "identifier",
        "call",
    ),
    "news": ("api/news/", ("id", "title", "lead", "date", "html_url", "source"), "id", "news"),
}
#: The kinds whose translations are copied too (see apps.harvest.translations).
TRANSLATED = ("calls", "projects", "events", "news")
DETAILED = {"projects": ("body", "partners")}
DATE_KEYS = ("start", "all_day", "status", "note")
OCCURRENCE_KEYS = ("id", "start", "end", "all_day", "status", "event")
EVENT_KEYS = ("title", "summary", "url", "status", "organiser", "venue", "time_zone", "source")
#: What changes with every answer without the item changing.
VOLATILE = (
    "modified",
    "is_fallback",
    "occurrences",
    "sequence",
    "available_languages",
    "translations",
)


@dataclass
class Item:
    id: str
    url: str
    data: dict

    @property
    def digest(self):
        stable = {key: value for key, value in self.data.items() if key not in VOLATILE}
        text = json.dumps(codes_only(stable), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()


def codes_only(data):
    """A reference (`{"value", "name"}`) by its code: the name belongs to the item it names
    (an organisation renamed changes its copy, not every project of it, whose ``modified``
    does not move either)."""
    if isinstance(data, list):
        return [codes_only(value) for value in data]
    if isinstance(data, dict):
        return {
            key: codes_only(value)
            for key, value in data.items()
            if not ("value" in data and key == "name")
        }
    return data


@dataclass
class Changes:
    site: str
    changed: dict = field(default_factory=dict)  # kind -> {id: Item}
    removed: dict = field(default_factory=dict)  # kind -> {id}
    translations: dict = field(default_factory=dict)  # language -> kind -> (changed, removed)


def collect(client, kinds, cursors, language, other_languages=lambda site: ()):
    """Raises SourceError when anything the source answers is not what a Bygd site answers."""
    site = client.get(client.url("api/site/"))
    if not isinstance(site, dict) or not isinstance(site.get("name"), str):
        raise SourceError(_("%(url)s is not a Bygd site.") % {"url": client.base_url})
    changes = Changes(site=site["name"])
    for kind in kinds:
        since = cursors.get(kind)
        reader = read_events if kind == "events" else read_listing
        changes.changed[kind], changes.removed[kind] = reader(client, kind, since, language)
    for other in other_languages(site):
        changes.translations[other] = {
            kind: (read_event_texts if kind == "events" else read_texts)(
                client, kind, cursors.get(kind), other
            )
            for kind in kinds
            if kind in TRANSLATED
        }
    return changes


def read_texts(client, kind, since, language):
    """Items in another language, for their texts only (see apps.harvest.translations): the
    facts a detail adds are the original's, so no item is looked at whole."""
    return read_listing(client, kind, since, language, detailed=False)


def read_listing(client, kind, since, language, detailed=True):
    path, required, key, removed_kind = LISTINGS[kind]
    params = {"locale": language, "fallback": "false", "modified_since": since}
    changed, gone = {}, set()
    for row in client.pages(path, params, required):
        if row["source"] is None:
            url = row["html_url"] or client.url(f"{path}{row[key]}/")
            changed[str(row[key])] = Item(str(row[key]), url, row)
    if detailed and kind in DETAILED:
        for item in changed.values():
            detail = client.url(f"{path}{item.id}/", {"locale": language, "fallback": "false"})
            try:
                item.data = {**item.data, **checked(client.get(detail), DETAILED[kind], detail)}
            except NotFound:  # unpublished since the listing was read
                gone.add(item.id)
    changed = {id_: item for id_, item in changed.items() if id_ not in gone}
    removed = (
        gone
        | {
            str(row["id"])
            for row in client.pages(
                "api/removed/",
                {"kind": removed_kind, "locale": language, "modified_since": since},
                ("id",),
            )
        }
        - changed.keys()
    )
    return changed, removed


def read_events(client, kind, since, language):
    """Events come as occurrences changed since then, asked for with fallback so that those of
    removed events come too (with no event). A one-off event in the language is taken from its
    occurrence; one now only in other languages is removed; a recurring one, one with several
    dates, or one whose only news is removed dates, is read whole (with its schedule, which the
    copy repeats), and removed if that finds nothing."""
    params = {"locale": language, "modified_since": since or EPOCH.isoformat()}
    rows = {}
    for row in client.pages("api/events/", params, OCCURRENCE_KEYS):
        rows.setdefault(str(row["id"]), []).append(row)
    changed, removed = {}, set()
    for key, occurrences in rows.items():
        events = [row for row in occurrences if row["event"] is not None]
        shown = [row for row in events if not row["event"].get("is_fallback")]
        if len(shown) == 1 and not shown[0]["event"].get("recurring"):
            event = checked(shown[0]["event"], EVENT_KEYS, "api/events/")
            first = min(shown, key=lambda row: row["start"])
        elif events and not shown:
            removed.add(key)
            continue
        else:
            url = client.url(f"api/events/{key}/", {"locale": language, "fallback": "false"})
            try:
                event = checked(client.get(url), (*EVENT_KEYS, "occurrences"), url)
            except NotFound:
                removed.add(key)
                continue
            dates = [row for row in event["occurrences"] if row.get("status") != "removed"]
            if not dates:
                removed.add(key)
                continue
            first = checked(dates[0], ("start", "end", "all_day"), url)
        if event["source"] is None:
            data = {**event, "when": {name: first[name] for name in ("start", "end", "all_day")}}
            if "occurrences" in event and "schedule" not in event:  # a source before schedules
                data["dates"] = [{name: row.get(name) for name in DATE_KEYS} for row in dates]
            changed[key] = Item(key, event["url"] or url_of(client, key), data)
    return changed, removed


def read_event_texts(client, kind, since, language):
    """Events in another language, for their texts only: the dates are the original's, so an
    event shown in the language is taken from any of its changed occurrences, and no event is
    looked at whole. One now shown only in other languages is removed in this one."""
    params = {"locale": language, "modified_since": since or EPOCH.isoformat()}
    changed, removed = {}, set()
    for row in client.pages("api/events/", params, OCCURRENCE_KEYS):
        key, event = str(row["id"]), row["event"]
        if event is None or key in changed:
            continue
        if event.get("is_fallback"):
            removed.add(key)
        elif checked(event, EVENT_KEYS, "api/events/")["source"] is None:
            changed[key] = Item(key, event["url"] or url_of(client, key), event)
    return changed, removed - changed.keys()


def url_of(client, key):
    return client.url(f"api/events/{key}/")
