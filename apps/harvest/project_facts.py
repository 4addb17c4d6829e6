"""A project copy's description and facts beyond its own columns, as the source's project detail
says them: themes and the funding programme by their shared slug where this site has them in
its language (an unknown one is left out, not made), places by their shared identifier (so the
copy is on this site's map and in its statistics per place), partners and funders as copies of
the source's organisations."""

from apps.harvest.rich_text import stream
from apps.harvest.values import codes, decimal, reference, references
from apps.projects.models import (
    PartnerRole,
    ProjectFunder,
    ProjectPartner,
    ProjectPlace,
    ProjectTheme,
)


def project_facts(data, refs):
    base = data.get("html_url") or ""
    partners = references(data.get("partners"))
    funders = references(data.get("funders"))
    return {
        "body": stream(data.get("body"), base),
        "results": stream(data.get("results"), base),
        "website": data.get("website") or "",
        "funding_programme": refs.programme(reference(data.get("programme"))),
        "themes": [ProjectTheme(theme=theme) for theme in refs.themes(codes(data.get("themes")))],
        "places": [ProjectPlace(place=place) for place in refs.places(codes(data.get("places")))],
        "partners": [
            ProjectPartner(organisation=refs.organisation(row), role=role(row.get("role")))
            for row in partners
        ],
        "funders": [
            ProjectFunder(organisation=refs.organisation(row), amount=decimal(row.get("amount")))
            for row in funders
        ],
    }


def role(code):
    return code if code in PartnerRole.values else PartnerRole.PARTNER
