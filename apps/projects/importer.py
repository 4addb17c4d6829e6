"""Bulk import of projects from the export format.

Every row is checked completely before anything is written, each row is written in its own
savepoint, and the whole file is one transaction: one bad row means nothing is written unless the
operator asks for the good rows alone (`partial`). Re-importing what the site exported changes
nothing: rows are compared by value (15000, "15 000,00" and 15000.00 are one amount), not as text.

In the list columns (places, partners, themes) a blank cell leaves the project's list as it is
and `-` empties it, so a sheet that omits them cannot wipe a live project's places."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

from apps.network.models import Organisation, Place
from apps.projects.exports import COLUMNS, LIST_SEPARATOR
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
CLEAR = "-"
ACTIONS = {
    "created": pgettext_lazy("project import", "created"),
    "updated": pgettext_lazy("project import", "updated"),
    "unchanged": pgettext_lazy("project import", "unchanged"),
    "error": pgettext_lazy("project import", "error"),
}


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


class _RollBack(Exception):
    pass


def _date(value, name, errors):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(
            _("%(column)s: '%(value)s' is not a date (YYYY-MM-DD)")
            % {"column": name, "value": value}
        )
        return None


def parse_amount(value):
    """A number as Swedes or Danes write it ("1 234,50", "1.234,50") or as the export writes it
    ("1234.50"); None for anything else."""
    text = re.sub(r"[\s\u00a0\u202f]", "", value)
    if "," in text and "." in text:
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _amount(value, name, errors):
    if not value:
        return None
    amount = parse_amount(value)
    if amount is None:
        errors.append(
            _("%(column)s: '%(value)s' is not a number") % {"column": name, "value": value}
        )
    elif amount < 0:
        errors.append(_("%(column)s: cannot be negative") % {"column": name})
    return amount


def _items(value):
    """The list in a cell: None (leave as is) for a blank cell, [] for the clearing marker."""
    value = (value or "").strip()
    if not value:
        return None
    if value == CLEAR:
        return []
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def _listed(value, lookup):
    items = _items(value)
    return None if items is None else [lookup(item) for item in items]


def parse(record):
    """Turn one record into field values and related objects, collecting every problem."""
    errors = []
    unknown = set(record) - set(COLUMNS)
    if unknown:
        errors.append(_("unknown column(s): %(columns)s") % {"columns": ", ".join(sorted(unknown))})
    for name in REQUIRED:
        if not record.get(name, "").strip():
            errors.append(_("%(column)s: required") % {"column": name})
    locale = Locale.objects.filter(language_code=record.get("language", "").strip()).first()
    if record.get("language") and locale is None:
        errors.append(
            _("language: '%(value)s' is not one of the site's languages")
            % {"value": record["language"]}
        )
    status = record.get("status_override", "").strip()
    if status and status not in ProjectStatus.values:
        errors.append(
            _("status_override: '%(value)s' is not one of %(choices)s")
            % {"value": status, "choices": ", ".join(ProjectStatus.values)}
        )
    currency = record.get("currency", "").strip() or Currency.SEK
    if currency not in Currency.values:
        errors.append(
            _("currency: '%(value)s' is not one of %(choices)s")
            % {"value": currency, "choices": ", ".join(Currency.values)}
        )

    def found(model, message, lookup, **params):
        """The row, or None and the message (formatted with the looked-up value) as an error."""
        row = model.objects.filter(**lookup).order_by("pk").first()
        if row is None:
            errors.append(message % {"value": next(iter(lookup.values())), **params})
        return row

    def organisation(slug, column):
        if not slug:
            return None
        message = _("%(column)s: no organisation with slug '%(value)s'")
        return found(Organisation, message, {"slug": slug}, column=column)

    def partner(item):
        slug, _sep, role = item.partition(":")
        role = role.strip() or PartnerRole.PARTNER
        if role not in PartnerRole.values:
            errors.append(
                _("partners: '%(value)s' is not one of %(choices)s")
                % {"value": role, "choices": ", ".join(PartnerRole.values)}
            )
        return organisation(slug.strip(), "partners"), role

    def funder(item):
        slug, _sep, amount = item.partition(":")
        return organisation(slug.strip(), "funders"), _amount(amount.strip(), "funders", errors)

    programme = record.get("programme", "").strip()
    call = record.get("call", "").strip()
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
        "funding_programme": (
            found(
                FundingProgramme,
                _("programme: no funding programme '%(value)s'"),
                {"slug": programme},
            )
            if programme
            else None
        ),
        "funding_call": (
            found(FundingCallPage, _("call: no funding call '%(value)s'"), {"identifier": call})
            if call
            else None
        ),
        "amount_granted": _amount(record.get("amount_granted"), "amount_granted", errors),
        "total_budget": _amount(record.get("total_budget"), "total_budget", errors),
        "in_kind_value": _amount(record.get("in_kind_value"), "in_kind_value", errors),
        "currency": currency,
        "award_date": _date(record.get("award_date"), "award_date", errors),
        "website": record.get("website", "").strip(),
    }
    relations = {
        "places": _listed(
            record.get("places"),
            lambda item: found(Place, _("places: no place '%(value)s'"), {"identifier": item}),
        ),
        "themes": _listed(
            record.get("themes"),
            lambda item: found(Theme, _("themes: no theme '%(value)s'"), {"slug": item}),
        ),
        "partners": _listed(record.get("partners"), partner),
        "funders": _listed(record.get("funders"), funder),
    }
    if errors:
        raise RowError(errors)
    return locale, values, relations


def _relation_rows(relations):
    rows = {}
    if relations["places"] is not None:
        rows["places"] = [ProjectPlace(place=place) for place in relations["places"]]
    if relations["themes"] is not None:
        rows["themes"] = [ProjectTheme(theme=theme) for theme in relations["themes"]]
    if relations["partners"] is not None:
        rows["partners"] = [
            ProjectPartner(organisation=org, role=role) for org, role in relations["partners"]
        ]
    if relations["funders"] is not None:
        rows["funders"] = [
            ProjectFunder(organisation=org, amount=amount) for org, amount in relations["funders"]
        ]
    return rows


KEYS = {
    "places": lambda row: row.place_id,
    "themes": lambda row: row.theme_id,
    "partners": lambda row: (row.organisation_id, row.role),
    "funders": lambda row: (row.organisation_id, row.amount),
}


def _same(stored, new):
    """Text is compared as the importer cleans it, so stray spaces in the database are no change."""
    return (stored or "").strip() == new if isinstance(new, str) else stored == new


def _differs(page, values, rows):
    if not all(_same(getattr(page, name), value) for name, value in values.items()):
        return True
    return any(
        [KEYS[name](row) for row in getattr(page, name).all()]
        != [KEYS[name](row) for row in new_rows]
        for name, new_rows in rows.items()
    )


def import_row(record, publish):
    locale, values, relations = parse(record)
    rows = _relation_rows(relations)
    group = ProjectPage.objects.filter(identifier=values["identifier"])
    page = group.filter(locale=locale).first()
    if page is None and group.exists():
        other = group.select_related("locale").first().locale.language_code
        raise RowError(
            [
                _("identifier: the project exists in '%(language)s'; translate it in the admin")
                % {"language": other}
            ]
        )
    if page is not None:
        # the draft, where there is one, so an import neither repeats nor discards its edits
        stored, page = page, page.get_latest_revision_as_object()
        if not _differs(page, values, rows):
            if not (publish and stored.has_unpublished_changes):
                return "unchanged"
            stored.get_latest_revision().publish()
            return "updated"
        action = "updated"
    else:
        index = ProjectIndexPage.objects.filter(locale=locale).first()
        if index is None:
            raise RowError(
                [
                    _("language: there is no project database page in '%(language)s'")
                    % {"language": locale.language_code}
                ]
            )
        page = ProjectPage(
            locale=locale,
            slug=slugify(values["title"])[:80] or slugify(values["identifier"]),
            live=False,
        )
        action = "created"
    for name, value in values.items():
        setattr(page, name, value)
    for name, new_rows in rows.items():
        setattr(page, name, new_rows)
    try:
        if action == "created":
            index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
    except ValidationError as error:
        raise RowError(
            [f"{key}: {' '.join(messages)}" for key, messages in error.message_dict.items()]
        ) from None
    return action


def _duplicates(records):
    """Row numbers of a repeated identifier, with the row that first had it."""
    first, repeated = {}, {}
    for number, record in enumerate(records, start=2):
        identifier = (record.get("identifier") or "").strip()
        if identifier in first:
            repeated[number] = first[identifier]
        elif identifier:
            first[identifier] = number
    return repeated


def import_records(records, *, commit, publish, partial=False, progress=None):
    """Import every record; write only with `commit`, and only if no row failed unless
    `partial`. Returns the per-row results and whether anything was written."""
    results = []
    repeated = _duplicates(records)
    try:
        with transaction.atomic():
            for number, record in enumerate(records, start=2):
                identifier = (record.get("identifier") or "").strip()
                try:
                    if number in repeated:
                        raise RowError(
                            [
                                _("identifier: '%(identifier)s' is also on row %(row)s")
                                % {"identifier": identifier, "row": repeated[number]}
                            ]
                        )
                    with transaction.atomic():
                        action = import_row(record, publish)
                    results.append(RowResult(number, identifier, action))
                except RowError as error:
                    results.append(RowResult(number, identifier, "error", error.errors))
                if progress:
                    progress(results[-1])
            failed = any(result.action == "error" for result in results)
            if not commit or (failed and not partial):
                raise _RollBack
    except _RollBack:
        return results, False
    return results, True
