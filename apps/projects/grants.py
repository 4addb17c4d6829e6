"""The 360Giving Data Standard package of awarded grants, so funders' data joins national grant
registries (GrantNav and others validate against the standard's JSON schema).

A grant the standard cannot describe (no award date, no recipient or no funder: all three are
required) is left out rather than published with made-up values; the package says how many were
left out and why, so a publisher can fix them in the admin."""

import json
from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError

from apps.network.validators import normalise_org_number

PREFIX = "360G-bygd-"
STANDARD_VERSION = "1.4"

# org-id.guide lists: Swedish organisation numbers (Bolagsverket's register of every legal
# person's number) and Danish CVR numbers.
REGISTERS = {"SE": "SE-BLV", "DK": "DK-CVR"}

# The 360Giving geoCodeType codelist (codelists/geoCodeType.csv) names only the UK's ONS code
# types. A place whose kind has no entry there keeps its geoCode and countryCode but no type.
GEO_CODE_TYPES = {}

LEFT_OUT_REASONS = ("noAwardDate", "noRecipient", "noFunder")


def absolute_url(page):
    """A page's address on the site's base URL, never the requesting host's."""
    url = page.url if page is not None else None
    if not url:
        return None
    return settings.WAGTAILADMIN_BASE_URL + url if url.startswith("/") else url


def org_id(organisation):
    """The organisation's org-id.guide identifier from its registered number; the Bygd-local
    placeholder only where no valid number is known."""
    register = REGISTERS.get(organisation.country)
    if register and organisation.org_number:
        try:
            number = normalise_org_number(organisation.country, organisation.org_number)
        except ValidationError:
            number = ""
        if number:
            return f"{register}-{number.replace('-', '')}"
    return f"{PREFIX}org-{organisation.slug}"


def funders(page):
    """Who funded the project: the one place the export reads it. The project's own funders
    (several when co-financed), else the programme's or the call's funder."""
    own = [row.organisation for row in page.funders.all()]
    if own:
        return own
    funder = (page.funding_programme.funder if page.funding_programme else None) or (
        page.funding_call.funder if page.funding_call else None
    )
    return [funder] if funder else []


def left_out_reason(page):
    if page.award_date is None:
        return "noAwardDate"
    if page.owner_organisation is None:
        return "noRecipient"
    if not funders(page):
        return "noFunder"
    return None


def _organisation(organisation):
    return {"id": org_id(organisation), "name": organisation.name}


def _location(place):
    location = {"name": place.name, "geoCode": place.identifier, "countryCode": place.country}
    code_type = GEO_CODE_TYPES.get((place.country, place.kind))
    if code_type:
        location["geoCodeType"] = code_type
    return location


def grant(page):
    record = {
        "id": PREFIX + page.identifier,
        "title": page.title,
        "description": page.summary,
        "currency": page.currency,
        "amountAwarded": float(page.amount_granted),
        "awardDate": page.award_date.isoformat(),
        "url": absolute_url(page),
        "dataSource": settings.WAGTAILADMIN_BASE_URL,
        "recipientOrganization": [_organisation(page.owner_organisation)],
        "fundingOrganization": [_organisation(funder) for funder in funders(page)],
    }
    programme = grant_programme(page)
    if programme:
        record["grantProgramme"] = [programme]
    if page.funding_call_id:
        record["fromOpenCall"] = "Yes"
    locations = [_location(row.place) for row in page.places.all()]
    if locations:
        record["beneficiaryLocation"] = locations
    start = page.actual_start or page.planned_start
    end = page.actual_end or page.planned_end
    if start or end:
        dates = {"startDate": start.isoformat() if start else None}
        dates["endDate"] = end.isoformat() if end else None
        record["plannedDates"] = [{key: value for key, value in dates.items() if value}]
    return {key: value for key, value in record.items() if value is not None}


def grant_programme(page):
    """The funding programme the grant was made under. A call's application period is not the
    programme's lifetime, so no dates are given; a call without a programme stands in for it."""
    call = page.funding_call
    scheme = page.funding_programme or (call.programme if call else None)
    if scheme:
        programme = {"code": scheme.slug, "title": scheme.name, "url": scheme.website or None}
        if scheme.description:
            programme["description"] = scheme.description
    elif call:
        programme = {"code": call.identifier, "title": call.title, "url": absolute_url(call)}
    else:
        return None
    return {key: value for key, value in programme.items() if value is not None}


def funder_grants(page):
    """A project financed by several funders with their amounts is published as one grant per
    funder (the id suffixed with the funder's slug, `amountAwarded` its share), linked to each
    other by `relatedActivity`; otherwise one grant naming every funder."""
    record = grant(page)
    shares = [row for row in page.funders.all() if row.amount is not None]
    if len(shares) < 2:
        return [record]
    ids = [f"{record['id']}-{row.organisation.slug}" for row in shares]
    return [
        {
            **record,
            "id": grant_id,
            "amountAwarded": float(row.amount),
            "fundingOrganization": [_organisation(row.organisation)],
            "relatedActivity": [other for other in ids if other != grant_id],
        }
        for grant_id, row in zip(ids, shares, strict=True)
    ]


def grants_package(pages, publisher_name):
    """The package (grants plus metadata) and the count of projects left out, by reason."""
    grants = []
    left_out = Counter(dict.fromkeys(LEFT_OUT_REASONS, 0))
    for page in pages:
        reason = left_out_reason(page)
        if reason:
            left_out[reason] += 1
        else:
            grants.extend(funder_grants(page))
    package = {
        "version": STANDARD_VERSION,
        "publisher": {"name": publisher_name, "website": settings.WAGTAILADMIN_BASE_URL},
        "grants": grants,
        "leftOut": dict(left_out),
    }
    return package, sum(left_out.values())


def package_json(package):
    return json.dumps(package, ensure_ascii=False)
