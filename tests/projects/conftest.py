import datetime
from decimal import Decimal

import pytest

from apps.core.localize import translate
from apps.network.factories import LeaderAreaFactory, OrganisationFactory, municipality
from apps.network.models import Place
from apps.projects.factories import (
    ProjectFunderFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectPartnerFactory,
    ProjectPlaceFactory,
    ProjectThemeFactory,
    ThemeFactory,
)


@pytest.fixture
def project_index(home_en, home, en):
    index = ProjectIndexPageFactory(parent=home, title="Projekt", slug="projekt")
    index.save_revision().publish()
    translate(index, en, {"Projekt": "Projects", "projekt": "projects"})
    index.refresh_from_db()
    return index


@pytest.fixture
def themes(sv, en):
    culture = ThemeFactory(slug="culture", name="Kultur")
    events = ThemeFactory(slug="events", name="Evenemang")
    translate(culture, en, {"Kultur": "Culture"})
    translate(events, en, {"Evenemang": "Events"})
    return {"culture": culture, "events": events}


def make_project(
    index,
    *,
    title,
    themes=(),
    places=(),
    amount=None,
    start=datetime.date(2017, 1, 1),
    end=datetime.date(2018, 12, 31),
    owner=None,
    publish=True,
    funders=(),
    partners=(),
    **fields,
):
    """A live project; ``publish=False`` skips revisions (much faster) for bulk rows.
    ``funders`` are (organisation, amount) pairs, ``partners`` (organisation, role) pairs."""
    page = ProjectPageFactory.build(
        title=title,
        slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
        summary=f"Om {title}.",
        planned_start=start,
        planned_end=end,
        amount_granted=Decimal(amount) if amount is not None else None,
        owner_organisation=owner or OrganisationFactory(),
        **fields,
    )
    for theme in themes:
        page.themes.add(ProjectThemeFactory.build(theme=theme))
    for identifier in places:
        page.places.add(ProjectPlaceFactory.build(place=Place.objects.get(identifier=identifier)))
    for organisation, amount in funders:
        page.funders.add(ProjectFunderFactory.build(organisation=organisation, amount=amount))
    for organisation, role in partners:
        page.partners.add(ProjectPartnerFactory.build(organisation=organisation, role=role))
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def leader_alh(db):
    area = LeaderAreaFactory(code="alh", name="Astrid Lindgrens Hembygd")
    area.covers.set(
        [municipality(code) for code in ["0682", "0686", "0884", "0860", "0821", "0882"]]
    )
    return area


@pytest.fixture
def call_index(home_en, home, en):
    from apps.projects.factories import FundingCallIndexPageFactory

    index = FundingCallIndexPageFactory(parent=home, title="Utlysningar", slug="utlysningar")
    index.save_revision().publish()
    translate(index, en, {"Utlysningar": "Calls", "utlysningar": "calls"})
    index.refresh_from_db()
    return index


def make_call(
    index,
    *,
    title,
    deadlines=(),
    applicants=(),
    places=(),
    themes=(),
    form_fields=(),
    publish=True,
    **fields,
):
    """A live call; ``form_fields`` are (label, field_type, required) triples."""
    from apps.projects.factories import FundingCallPageFactory
    from apps.projects.models import (
        FundingCallApplicant,
        FundingCallDeadline,
        FundingCallFormField,
        FundingCallPlace,
        FundingCallTheme,
    )

    fields.setdefault("funder", OrganisationFactory())
    page = FundingCallPageFactory.build(
        title=title, slug=fields.pop("slug", None) or title.lower().replace(" ", "-"), **fields
    )
    for day, *time in deadlines:
        row = FundingCallDeadline(date=day)
        if time:
            row.time = time[0]
        page.deadlines.add(row)
    for kind in applicants:
        page.eligible_applicants.add(FundingCallApplicant(kind=kind))
    for identifier in places:
        page.places.add(FundingCallPlace(place=Place.objects.get(identifier=identifier)))
    for theme in themes:
        page.themes.add(FundingCallTheme(theme=theme))
    for label, field_type, required in form_fields:
        page.form_fields.add(
            FundingCallFormField(label=label, field_type=field_type, required=required)
        )
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page
