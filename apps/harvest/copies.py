"""Local copies of a source's items: their field values from what the source's API says, and
how each kind is created, updated, removed and stamped. Organisations are snippets; projects
and events are pages, published under the first live index of the site's default language."""

import datetime
import zoneinfo

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from apps.events.models import EventIndexPage, EventPage, Venue
from apps.harvest.event_schedule import repeat
from apps.harvest.project_facts import project_facts
from apps.harvest.values import date, decimal, reference
from apps.network.models import Organisation, OrganisationKind, Place
from apps.projects.models import FundingProgramme, ProjectIndexPage, ProjectPage, Theme


class OrganisationCopies:
    model = Organisation

    def __init__(self, locale):
        self.locale = locale

    def values(self, data, refs):
        kind = data["kind"] if data["kind"] in OrganisationKind.values else OrganisationKind.OTHER
        municipality = reference(data.get("municipality"))
        return {
            "name": data["name"],
            "kind": kind,
            "country": data.get("country") or "SE",
            "org_number": data.get("org_number") or "",
            "municipality": refs.place(municipality),
            "website": data.get("website") or "",
            "email": data.get("email") or "",
            "phone": data.get("phone") or "",
            "description": data.get("description") or "",
        }

    def create(self, values, remote_id):
        taken = set(
            Organisation.objects.filter(
                locale=self.locale, slug__startswith=slugify(remote_id)
            ).values_list("slug", flat=True)
        )
        slug, number = slugify(remote_id) or "organisation", 1
        while slug in taken:
            number += 1
            slug = f"{slugify(remote_id)}-{number}"
        return Organisation.objects.create(locale=self.locale, slug=slug, **values)

    def update(self, organisation, values):
        for name, value in values.items():
            setattr(organisation, name, value)
        organisation.save()
        return organisation

    def stamp(self, organisation):
        return organisation.updated_at.isoformat()


class PageCopies:
    """Pages are saved as a published revision, so the editor shows them like any other page;
    the stamp is the latest revision, which moves when an editor saves one of their own."""

    model = None
    index = None

    def __init__(self, locale):
        self.locale = locale
        self.parent = self.index.objects.live().filter(locale=locale).order_by("path").first()

    def create(self, values, remote_id):
        slug = find_available_slug(self.parent, slugify(values["title"])[:60] or "copy")
        page = self.model(locale=self.locale, slug=slug, **values)
        self.parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def update(self, page, values):
        for name, value in values.items():
            setattr(page, name, value)
        page.save_revision().publish()
        return page

    def stamp(self, page):
        return str(page.latest_revision_id)


class ProjectCopies(PageCopies):
    model = ProjectPage
    index = ProjectIndexPage

    def values(self, data, refs):
        return {
            "title": data["title"],
            "acronym": data.get("acronym") or "",
            "summary": data["summary"],
            "planned_start": date(data.get("planned_start")),
            "planned_end": date(data.get("planned_end")),
            "actual_start": date(data.get("actual_start")),
            "actual_end": date(data.get("actual_end")),
            "award_date": date(data.get("award_date")),
            "amount_granted": decimal(data.get("amount_granted")),
            "total_budget": decimal(data.get("total_budget")),
            "in_kind_value": decimal(data.get("in_kind_value")),
            "currency": data["currency"],
            "owner_organisation": refs.organisation(data["owner"]),
            **project_facts(data, refs),
        }


class EventCopies(PageCopies):
    """A recurring event repeats as the source's does (``event_schedule``)."""

    model = EventPage
    index = EventIndexPage

    def values(self, data, refs):
        price = data.get("price") or {}
        return {
            "title": data["title"],
            "summary": data["summary"],
            "status": data["status"],
            "organiser": refs.organisation(data["organiser"]),
            "related_project": refs.project(reference(data.get("project"))),
            "venue": refs.venue(data["venue"]),
            "attendance_mode": data.get("attendance_mode") or "offline",
            "online_url": data.get("online_url") or "",
            "audience": data.get("audience") or "all",
            "age_min": data.get("age_min"),
            "age_max": data.get("age_max"),
            "is_free": price.get("free", True),
            "price_amount": decimal(price.get("amount")),
            "price_currency": price.get("currency") or "SEK",
            "price_text": price.get("text") or "",
            "registration_url": data.get("registration_url") or "",
            "registration_deadline": date(data.get("registration_deadline")),
            "event_language": data.get("event_language") or "sv",
            "time_zone": data["time_zone"],
            **schedule(data["when"], data["time_zone"]),
            **repeat(data, refs),
        }


def schedule(when, time_zone):
    """Start and end in the event's own time zone; all-day ends are exclusive in the API."""
    if when["all_day"]:
        start = datetime.date.fromisoformat(when["start"])
        end = datetime.date.fromisoformat(when["end"]) - datetime.timedelta(days=1)
        return {
            "all_day": True,
            "start_date": start,
            "end_date": end if end > start else None,
            "start_time": None,
            "end_time": None,
        }
    zone = zoneinfo.ZoneInfo(time_zone)
    start = datetime.datetime.fromisoformat(when["start"]).astimezone(zone)
    end = datetime.datetime.fromisoformat(when["end"]).astimezone(zone)
    return {
        "all_day": False,
        "start_date": start.date(),
        "start_time": start.time(),
        "end_date": end.date() if end.date() != start.date() else None,
        "end_time": end.time(),
    }


class References:
    """What a copy points at: organisations and projects copied from the same source (an
    organisation only named so far is copied from its name), places by their shared codes,
    venues matched by name and address or made."""

    def __init__(self, run):
        self.run = run
        self._places, self._programmes, self._themes = {}, {}, None

    def place(self, identifier):
        if not identifier:
            return None
        if identifier not in self._places:
            self._places[identifier] = Place.objects.filter(identifier=identifier).first()
        return self._places[identifier]

    def places(self, identifiers):
        return [place for place in map(self.place, identifiers) if place is not None]

    def themes(self, slugs):
        """This site's themes in the run's language, read once per run."""
        if self._themes is None:
            self._themes = {
                theme.slug: theme for theme in Theme.objects.filter(locale=self.run.locale)
            }
        return [self._themes[slug] for slug in slugs if slug in self._themes]

    def programme(self, slug):
        if not slug:
            return None
        if slug not in self._programmes:
            self._programmes[slug] = FundingProgramme.objects.filter(
                locale=self.run.locale, slug=slug
            ).first()
        return self._programmes[slug]

    def organisation(self, ref):
        if not isinstance(ref, dict):
            return None
        return self.run.local_copy(
            "organisations", ref["value"], {"name": ref["name"], "kind": "other"}
        )

    def project(self, identifier):
        return self.run.existing_copy("projects", identifier) if identifier else None

    def venue(self, data):
        if not isinstance(data, dict):
            return None
        municipality = self.place(reference(data.get("municipality")))
        if municipality is None:
            return None
        fields = {name: data.get(name) or "" for name in ("name", "address", "postcode", "town")}
        venue = Venue.objects.filter(locale=self.run.locale, **fields).first()
        if venue is None:
            venue = Venue.objects.create(
                locale=self.run.locale,
                municipality=municipality,
                latitude=decimal(data.get("latitude")),
                longitude=decimal(data.get("longitude")),
                accessibility=data.get("accessibility") or "",
                **fields,
            )
        return venue


COPIES = {"organisations": OrganisationCopies, "projects": ProjectCopies, "events": EventCopies}
