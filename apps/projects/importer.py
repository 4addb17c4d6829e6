"""Bulk import of projects from the export format. Every row is checked completely before
anything is written, and each row is written in its own savepoint, so a bad row never leaves
half a project behind and never stops the good rows."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from apps.network.models import Organisation, Place
from apps.projects.exports import COLUMNS, LIST_SEPARATOR, project_record, with_export_relations
from apps.projects.models import (
    Currency,
    FundingCallPage,
    FundingProgramme,
    PartnerRole,
    ProjectFunder,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProjectPlace,
    ProjectStatus,
    ProjectTheme,
    Theme,
)

REQUIRED = ("identifier", "language", "title", "summary")


@dataclass
class RowResult:
    number: int
    identifier: str
    action: str
    errors: list = field(default_factory=list)


class RowError(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


class _DryRun(Exception):
    pass


def _date(value, name, errors):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f"{name}: '{value}' is not a date (YYYY-MM-DD)")
        return None


def _amount(value, name, errors):
    if not value:
        return None
    try:
        amount = Decimal(value.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        errors.append(f"{name}: '{value}' is not a number")
        return None
    if amount < 0:
        errors.append(f"{name}: cannot be negative")
    return amount


def _items(value):
    return [item.strip() for item in (value or "").split(LIST_SEPARATOR) if item.strip()]


def parse(record):
    """Turn one record into field values and related objects, collecting every problem."""
    errors = []
    unknown = set(record) - set(COLUMNS)
    if unknown:
        errors.append("unknown column(s): " + ", ".join(sorted(unknown)))
    for name in REQUIRED:
        if not record.get(name, "").strip():
            errors.append(f"{name}: required")
    locale = Locale.objects.filter(language_code=record.get("language", "").strip()).first()
    if record.get("language") and locale is None:
        errors.append(f"language: '{record['language']}' is not one of the site's languages")
    status = record.get("status_override", "").strip()
    if status and status not in ProjectStatus.values:
        errors.append(
            f"status_override: '{status}' is not one of {', '.join(ProjectStatus.values)}"
        )
    currency = record.get("currency", "").strip() or Currency.SEK
    if currency not in Currency.values:
        errors.append(f"currency: '{currency}' is not one of {', '.join(Currency.values)}")

    def organisation(slug, name):
        if not slug:
            return None
        found = Organisation.objects.filter(slug=slug).order_by("pk").first()
        if found is None:
            errors.append(f"{name}: no organisation with slug '{slug}'")
        return found

    programme = None
    if record.get("programme"):
        programme = FundingProgramme.objects.filter(slug=record["programme"]).order_by("pk").first()
        if programme is None:
            errors.append(f"programme: no funding programme '{record['programme']}'")
    call = None
    if record.get("call"):
        call = FundingCallPage.objects.filter(identifier=record["call"].strip()).first()
        if call is None:
            errors.append(f"call: no funding call '{record['call']}'")
    places = []
    for identifier in _items(record.get("places")):
        place = Place.objects.filter(identifier=identifier).first()
        if place is None:
            errors.append(f"places: no place '{identifier}'")
        places.append(place)
    themes = []
    for slug in _items(record.get("themes")):
        theme = Theme.objects.filter(slug=slug).order_by("pk").first()
        if theme is None:
            errors.append(f"themes: no theme '{slug}'")
        themes.append(theme)
    partners = []
    for item in _items(record.get("partners")):
        slug, _sep, role = item.partition(":")
        role = role.strip() or PartnerRole.PARTNER
        if role not in PartnerRole.values:
            errors.append(f"partners: '{role}' is not one of {', '.join(PartnerRole.values)}")
        partners.append((organisation(slug.strip(), "partners"), role))
    funders = []
    for item in _items(record.get("funders")):
        slug, _sep, amount = item.partition(":")
        funders.append(
            (organisation(slug.strip(), "funders"), _amount(amount.strip(), "funders", errors))
        )
    values = {
        "identifier": record.get("identifier", "").strip(),
        "title": record.get("title", "").strip(),
        "acronym": record.get("acronym", "").strip(),
        "summary": record.get("summary", "").strip(),
        "status_override": status,
        "planned_start": _date(record.get("planned_start"), "planned_start", errors),
        "planned_end": _date(record.get("planned_end"), "planned_end", errors),
        "actual_start": _date(record.get("actual_start"), "actual_start", errors),
        "actual_end": _date(record.get("actual_end"), "actual_end", errors),
        "owner_organisation": organisation(record.get("owner", "").strip(), "owner"),
        "funding_programme": programme,
        "funding_call": call,
        "amount_granted": _amount(record.get("amount_granted"), "amount_granted", errors),
        "total_budget": _amount(record.get("total_budget"), "total_budget", errors),
        "in_kind_value": _amount(record.get("in_kind_value"), "in_kind_value", errors),
        "currency": currency,
        "award_date": _date(record.get("award_date"), "award_date", errors),
        "website": record.get("website", "").strip(),
    }
    if errors:
        raise RowError(errors)
    return locale, values, places, themes, partners, funders


def _comparable(record):
    """The derived status is not read back, so it does not make a row differ."""
    return {
        key: (value or "").strip() for key, value in record.items() if key not in ("url", "status")
    }


def import_row(record, publish):
    locale, values, places, themes, partners, funders = parse(record)
    group = ProjectPage.objects.filter(identifier=values["identifier"])
    page = group.filter(locale=locale).first()
    if page is None and group.exists():
        other = group.select_related("locale").first().locale.language_code
        raise RowError(
            [f"identifier: the project exists in '{other}'; translate it in the admin instead"]
        )
    if page is not None:
        current = with_export_relations(ProjectPage.objects.filter(pk=page.pk)).get()
        if _comparable(project_record(current)) == _comparable(
            {key: record.get(key, "") for key in COLUMNS}
        ):
            return "unchanged"
        action = "updated"
    else:
        index = ProjectIndexPage.objects.filter(locale=locale).first()
        if index is None:
            raise RowError(
                [f"language: there is no project database page in '{locale.language_code}'"]
            )
        page = ProjectPage(
            locale=locale,
            slug=slugify(values["title"])[:80] or slugify(values["identifier"]),
            live=False,
        )
        action = "created"
    for name, value in values.items():
        setattr(page, name, value)
    page.places = [ProjectPlace(place=place) for place in places]
    page.themes = [ProjectTheme(theme=theme) for theme in themes]
    page.partners = [ProjectPartner(organisation=org, role=role) for org, role in partners]
    page.funders = [ProjectFunder(organisation=org, amount=amount) for org, amount in funders]
    try:
        if action == "created":
            index.add_child(instance=page)
        revision = page.save_revision()
        if publish or page.live:
            revision.publish()
    except ValidationError as error:
        raise RowError(
            [f"{key}: {' '.join(messages)}" for key, messages in error.message_dict.items()]
        ) from None
    return action


def import_records(records, *, commit, publish, progress=None):
    results = []
    try:
        with transaction.atomic():
            for number, record in enumerate(records, start=2):
                identifier = (record.get("identifier") or "").strip()
                try:
                    with transaction.atomic():
                        action = import_row(record, publish)
                    results.append(RowResult(number, identifier, action))
                except RowError as error:
                    results.append(RowResult(number, identifier, "error", error.errors))
                if progress:
                    progress(results[-1])
            if not commit:
                raise _DryRun
    except _DryRun:
        pass
    return results
