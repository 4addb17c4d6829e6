"""360Giving-compatible export of awarded grants, so funders' data joins national grant
registries. Organisation ids follow org-id.guide: SE-BLV (Bolagsverket) and DK-CVR numbers
where known, otherwise a Bygd-local id."""

import json
import re

from django.conf import settings

PREFIX = "360G-bygd-"


def org_id(organisation):
    digits = re.sub(r"\D", "", organisation.org_number or "")
    if digits and organisation.country == "SE":
        return f"SE-BLV-{digits}"
    if digits and organisation.country == "DK":
        return f"DK-CVR-{digits}"
    return f"XI-BYGD-{organisation.slug}"


def grant(page, url):
    record = {
        "id": PREFIX + page.identifier,
        "title": page.title,
        "description": page.summary,
        "currency": page.currency,
        "amountAwarded": float(page.amount_granted),
        "awardDate": page.award_date.isoformat() if page.award_date else None,
        "url": url,
        "dataSource": settings.WAGTAILADMIN_BASE_URL,
    }
    if page.owner_organisation:
        record["recipientOrganization"] = [
            {"id": org_id(page.owner_organisation), "name": page.owner_organisation.name}
        ]
    funders = [row.organisation for row in page.funders.all()]
    funder = funders[0] if funders else None
    funder = funder or (page.funding_programme.funder if page.funding_programme else None)
    if funder:
        record["fundingOrganization"] = [{"id": org_id(funder), "name": funder.name}]
    programme = grant_programme(page)
    if programme:
        record["grantProgramme"] = [programme]
    if page.funding_call_id:
        record["fromOpenCall"] = "Yes"
    locations = [
        {"name": row.place.name, "geoCode": row.place.identifier, "geoCodeType": row.place.kind}
        for row in page.places.all()
    ]
    if locations:
        record["beneficiaryLocation"] = locations
    start = page.actual_start or page.planned_start
    end = page.actual_end or page.planned_end
    if start or end:
        record["plannedDates"] = [
            {
                "startDate": start.isoformat() if start else None,
                "endDate": end.isoformat() if end else None,
            }
        ]
    return {key: value for key, value in record.items() if value is not None}


def grant_programme(page):
    """The programme the grant was made under; for a grant from a call on this site, with the
    call's page and application period."""
    call = page.funding_call
    scheme = page.funding_programme or (call.programme if call else None)
    if scheme:
        programme = {"code": scheme.slug, "title": scheme.name}
    elif call:
        programme = {"code": call.identifier, "title": call.title}
    else:
        return None
    if call:
        url = call.full_url
        if url:
            programme["url"] = url
        if call.opens_at:
            programme["startDate"] = call.local(call.opens_at).date().isoformat()
        if call.closes_at:
            programme["endDate"] = call.local(call.closes_at).date().isoformat()
    return programme


def funder_grants(page, url):
    """360Giving names one funding organisation per grant, so a project financed by several
    funders with their amounts is published as one grant per funder (the id suffixed with the
    funder's slug, `amountAwarded` its share), linked to each other by `relatedActivity`."""
    record = grant(page, url)
    shares = [row for row in page.funders.all() if row.amount is not None]
    if len(shares) < 2:
        return [record]
    ids = [f"{record['id']}-{row.organisation.slug}" for row in shares]
    return [
        {
            **record,
            "id": grant_id,
            "amountAwarded": float(row.amount),
            "fundingOrganization": [
                {"id": org_id(row.organisation), "name": row.organisation.name}
            ],
            "relatedActivity": [other for other in ids if other != grant_id],
        }
        for grant_id, row in zip(ids, shares, strict=True)
    ]


def grants_json(pages, url_for):
    yield '{"grants": ['
    first = True
    for page in pages:
        for record in funder_grants(page, url_for(page)):
            yield ("" if first else ",") + json.dumps(record, ensure_ascii=False)
            first = False
    yield "]}"
