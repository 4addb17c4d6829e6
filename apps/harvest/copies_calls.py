"""Local copies of a source's funding calls. A call taking applications in a form on the source
is applied to there: the copy sends applicants to the source's form, never to a form here.
Deadlines are wall-clock times in the call's own time zone, as the source shows them. The
projects a call funded are linked to it once both have copies."""

import datetime
import zoneinfo

from apps.harvest.copies import PageCopies
from apps.harvest.values import codes, date, decimal, reference
from apps.projects.models import (
    ApplicantKind,
    ApplicationMethod,
    FundingCallDeadline,
    FundingCallIndexPage,
    FundingCallPage,
    FundingCallPlace,
    FundingCallTheme,
    Intake,
)
from apps.projects.models.call_rows import FundingCallApplicant


def wall_clock(value, zone):
    """(date, time) of an ISO 8601 instant in the call's zone, or (None, None)."""
    if not value:
        return None, None
    moment = datetime.datetime.fromisoformat(value).astimezone(zone)
    return moment.date(), moment.time().replace(tzinfo=None)


class CallCopies(PageCopies):
    model = FundingCallPage
    index = FundingCallIndexPage

    def values(self, data, refs):
        zone = zoneinfo.ZoneInfo(data["time_zone"])
        intake = data["intake"] if data["intake"] in Intake.values else Intake.ROLLING
        opens_date, opens_time = wall_clock(data.get("opens"), zone)
        closes_date, closes_time = wall_clock(data.get("closes"), zone)
        cutoffs = [wall_clock(moment, zone) for moment in data.get("deadlines") or ()]
        if intake == Intake.CUTOFFS:
            closes_date, closes_time = None, None
        values = {
            "title": data["title"],
            "summary": data["summary"],
            "intake": intake,
            "time_zone": data["time_zone"],
            "opens_date": opens_date,
            "closes_date": closes_date,
            "decision_date": date(data.get("decision_date")),
            "paused": bool(data.get("paused")),
            "funder": refs.organisation(data["funder"]),
            "programme": refs.programme(reference(data.get("programme"))),
            "currency": data["currency"],
            "budget": decimal(data.get("budget")),
            "min_grant": decimal(data.get("min_grant")),
            "max_grant": decimal(data.get("max_grant")),
            "grant_basis": data.get("grant_basis") or "",
            "max_rate": decimal(data.get("max_rate")),
            "deadlines": [
                FundingCallDeadline(date=day, time=time, sort_order=position)
                for position, (day, time) in enumerate(cutoffs if intake == Intake.CUTOFFS else ())
            ],
            "eligible_applicants": [
                FundingCallApplicant(kind=kind, sort_order=position)
                for position, kind in enumerate(data.get("eligible_applicants") or ())
                if kind in ApplicantKind.values
            ],
            "places": [
                FundingCallPlace(place=place, sort_order=position)
                for position, place in enumerate(refs.places(codes(data.get("area"))))
            ],
            "themes": [
                FundingCallTheme(theme=theme, sort_order=position)
                for position, theme in enumerate(refs.themes(codes(data.get("themes"))))
            ],
            **application(data.get("application") or {}),
        }
        # Times stay at the model's defaults when the source has no such date.
        values.update({"opens_time": opens_time} if opens_time else {})
        values.update({"closes_time": closes_time} if closes_time else {})
        return values

    def create(self, values, remote_id):
        values["identifier"] = self.free_identifier(remote_id)
        return super().create(values, remote_id)

    def free_identifier(self, remote_id):
        """The source's identifier, or that with a number when a call here already has it."""
        base = remote_id[:70]
        taken = set(
            FundingCallPage.objects.filter(identifier__startswith=base).values_list(
                "identifier", flat=True
            )
        )
        identifier, number = base, 1
        while identifier in taken:
            number += 1
            identifier = f"{base}-{number}"
        return identifier

    def finish(self, run):
        """Links each project copied in this run to the copy of the call that funded it (or to
        none), unless an editor here has taken the project over."""
        for item in run.changes.changed.get("projects", {}).values():
            record = run.record("projects", item.id)
            code = reference(item.data.get("funding_call"))
            call = run.existing_copy("calls", code) if code else None
            project = run.local("projects", record) if record else None
            if project is None or project.funding_call_id == (call and call.pk):
                continue
            projects = run.copies["projects"]
            if record.stamp != projects.stamp(project):
                continue
            projects.update(project, {"funding_call": call})
            record.stamp = projects.stamp(project)
            record.save(update_fields=["stamp"])


def application(data):
    """How to apply, as the copy says it: a form on the source becomes the source's address."""
    method, url = data.get("method"), data.get("url") or ""
    if method == ApplicationMethod.EMAIL and data.get("email"):
        return {"application_method": ApplicationMethod.EMAIL, "application_email": data["email"]}
    return {
        "application_method": ApplicationMethod.URL,
        "application_url": url,
        "application_email": "",
    }
