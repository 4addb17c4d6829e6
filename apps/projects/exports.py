"""The flat record of a project used by the CSV/JSON downloads and read back by
`import_projects`, so exporting and importing round-trips. `status` is the derived status
(planned, ongoing, completed) and is not read back; the editor's override has its own column.
Lists are joined with "|": partners as `slug:role`, funders as `slug:amount` (amount optional)."""

import csv
import io
import json

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from apps.core.spreadsheet import safe_cell, unescape_cell
from apps.projects.models import ProjectFunder, ProjectPartner, ProjectPlace, ProjectTheme

COLUMNS = [
    "identifier",
    "language",
    "title",
    "acronym",
    "summary",
    "status",
    "status_override",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "owner",
    "partners",
    "places",
    "themes",
    "programme",
    "funders",
    "call",
    "amount_granted",
    "total_budget",
    "in_kind_value",
    "currency",
    "award_date",
    "website",
    "url",
]
LIST_SEPARATOR = "|"


def with_export_relations(queryset):
    return queryset.select_related(
        "locale",
        "owner_organisation",
        "funding_programme__funder",
        "funding_call__programme__funder",
        "funding_call__funder",
    ).prefetch_related(
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.order_by("sort_order", "pk").select_related(
                "organisation"
            ),
        ),
        Prefetch(
            "funders",
            queryset=ProjectFunder.objects.order_by("sort_order", "pk").select_related(
                "organisation"
            ),
        ),
        Prefetch(
            "places",
            queryset=ProjectPlace.objects.order_by("sort_order", "pk").select_related("place"),
        ),
        Prefetch(
            "themes",
            queryset=ProjectTheme.objects.order_by("sort_order", "pk").select_related("theme"),
        ),
    )


def _text(value):
    return "" if value is None else str(value)


def project_record(page, absolute_url=""):
    return {
        "identifier": page.identifier,
        "language": page.locale.language_code,
        "title": page.title,
        "acronym": page.acronym,
        "summary": page.summary,
        "status": page.status,
        "status_override": page.status_override,
        "planned_start": _text(page.planned_start),
        "planned_end": _text(page.planned_end),
        "actual_start": _text(page.actual_start),
        "actual_end": _text(page.actual_end),
        "owner": page.owner_organisation.slug if page.owner_organisation else "",
        "partners": LIST_SEPARATOR.join(
            f"{row.organisation.slug}:{row.role}" if row.role else row.organisation.slug
            for row in page.partners.all()
        ),
        "places": LIST_SEPARATOR.join(row.place.identifier for row in page.places.all()),
        "themes": LIST_SEPARATOR.join(row.theme.slug for row in page.themes.all()),
        "programme": page.funding_programme.slug if page.funding_programme else "",
        "funders": LIST_SEPARATOR.join(
            f"{row.organisation.slug}:{row.amount}"
            if row.amount is not None
            else row.organisation.slug
            for row in page.funders.all()
        ),
        "call": page.funding_call.identifier if page.funding_call else "",
        "amount_granted": _text(page.amount_granted),
        "total_budget": _text(page.total_budget),
        "in_kind_value": _text(page.in_kind_value),
        "currency": page.currency,
        "award_date": _text(page.award_date),
        "website": page.website,
        "url": absolute_url,
    }


class _Echo:
    def write(self, value):
        return value


def csv_rows(pages, url_for):
    """Yields CSV lines; formula-like cells are prefixed so spreadsheets never execute them."""
    writer = csv.DictWriter(_Echo(), fieldnames=COLUMNS)
    yield "\ufeff" + writer.writeheader()
    for page in pages:
        record = project_record(page, url_for(page))
        yield writer.writerow({key: safe_cell(value) for key, value in record.items()})


def json_rows(pages, url_for):
    yield "["
    for index, page in enumerate(pages):
        yield ("," if index else "") + json.dumps(
            project_record(page, url_for(page)), ensure_ascii=False
        )
    yield "]"


class UnreadableFile(ValueError):
    """The file is not a whole CSV or JSON file in the export's format."""


def read_records(path):
    """Records from a CSV (the export's format) or JSON (a list of the same objects) file.
    A file cut short or mangled is refused as a whole: a row with the wrong number of cells is
    more likely a truncated file than a project."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise UnreadableFile(
                _("not valid JSON at line %(line)s, column %(column)s (is the file complete?)")
                % {"line": error.lineno, "column": error.colno}
            ) from None
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise UnreadableFile(_("a JSON import must be a list of objects"))
        return [{key: _text(value) for key, value in item.items()} for item in data]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise UnreadableFile(_("not valid CSV (%(error)s)") % {"error": error}) from None
    if not rows:
        raise UnreadableFile(_("the file is empty"))
    header = rows[0]
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise UnreadableFile(
                _(
                    "row %(row)s has %(cells)s cells but the header has %(columns)s "
                    "(is the file complete?)"
                )
                % {"row": number, "cells": len(row), "columns": len(header)}
            )
        records.append(
            {key: unescape_cell(value) for key, value in zip(header, row, strict=True) if key}
        )
    return records
