import datetime
import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.factories import OrganisationFactory
from apps.projects.factories import FundingProgrammeFactory
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db

AWARDED = datetime.date(2017, 3, 1)

# Every grant in the standard has these (360-giving-schema.json, its top-level "oneOf").
REQUIRED = {
    "id",
    "title",
    "description",
    "currency",
    "amountAwarded",
    "awardDate",
    "recipientOrganization",
    "fundingOrganization",
}


def download(client, **params):
    response = client.get("/api/projects/360giving.json", params)
    assert response.status_code == 200
    return response, json.loads(response.content)


@pytest.fixture
def funder(db):
    return OrganisationFactory(
        name="Leader Astrid Lindgrens Hembygd", country="SE", org_number="556036-0793"
    )


@pytest.fixture
def grants(project_index, themes, funder):
    programme = FundingProgrammeFactory(
        slug="leader", name="Leader", funder=funder, website="https://leader.example/program"
    )
    awarded = make_project(
        project_index,
        title="Allt som sker",
        identifier="ALH-1",
        places=["SE-0884", "SE-0860"],
        amount="15000",
        award_date=AWARDED,
        funding_programme=programme,
        owner=OrganisationFactory(country="DK", org_number="29403473"),
    )
    own_funder = make_project(
        project_index,
        title="Eget",
        identifier="ALH-2",
        amount="500",
        award_date=AWARDED,
        funders=[(funder, None)],
        owner=OrganisationFactory(slug="utan-nummer"),
    )
    no_date = make_project(
        project_index,
        title="Utan datum",
        identifier="ALH-3",
        amount="800",
        funders=[(funder, None)],
    )
    no_funder = make_project(
        project_index, title="Utan finansiär", identifier="ALH-4", amount="900", award_date=AWARDED
    )
    make_project(project_index, title="Utan bidrag", identifier="ALH-5", funders=[(funder, None)])
    return awarded, own_funder, no_date, no_funder


def test_every_grant_has_what_the_standard_requires(client, grants):
    _response, body = download(client)
    assert {grant["id"] for grant in body["grants"]} == {"360G-bygd-ALH-1", "360G-bygd-ALH-2"}
    for grant in body["grants"]:
        assert set(grant) >= REQUIRED, grant["id"]
        assert grant["awardDate"] == "2017-03-01"


def test_projects_the_standard_cannot_describe_are_left_out_and_counted(client, grants):
    response, body = download(client)
    assert body["leftOut"] == {"noAwardDate": 1, "noRecipient": 0, "noFunder": 1}
    assert response["X-Grants-Left-Out"] == "2"
    _response, only_dated = download(client, q="Utan finansiär")
    assert only_dated["grants"] == []
    assert only_dated["leftOut"]["noFunder"] == 1


def test_organisations_carry_their_registered_org_id(client, grants):
    _response, body = download(client)
    by_id = {grant["id"]: grant for grant in body["grants"]}
    awarded, own = by_id["360G-bygd-ALH-1"], by_id["360G-bygd-ALH-2"]
    assert awarded["recipientOrganization"][0]["id"] == "DK-CVR-29403473"
    assert awarded["fundingOrganization"] == [
        {"id": "SE-BLV-5560360793", "name": "Leader Astrid Lindgrens Hembygd"}
    ]
    assert own["fundingOrganization"][0]["id"] == "SE-BLV-5560360793"
    assert own["recipientOrganization"][0]["id"] == "360G-bygd-org-utan-nummer"


def test_a_wrong_org_number_falls_back_to_the_placeholder(client, grants):
    owner = grants[0].owner_organisation
    type(owner).objects.filter(pk=owner.pk).update(org_number="29403474")
    _response, body = download(client)
    grant = next(g for g in body["grants"] if g["id"] == "360G-bygd-ALH-1")
    assert grant["recipientOrganization"][0]["id"] == f"360G-bygd-org-{owner.slug}"


def test_urls_are_on_the_sites_base_url_not_the_requests_host(client, grants, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://bygd.example"
    _response, body = download(client)
    grant = next(g for g in body["grants"] if g["id"] == "360G-bygd-ALH-1")
    assert grant["url"] == "https://bygd.example" + grants[0].url
    assert grant["dataSource"] == "https://bygd.example"
    assert body["publisher"]["website"] == "https://bygd.example"
    csv = b"".join(client.get("/api/projects.csv").streaming_content).decode("utf-8-sig")
    assert "https://bygd.example/" in csv and "http://testserver" not in csv


def test_grant_programme_is_the_funding_programme(client, grants):
    _response, body = download(client)
    grant = next(g for g in body["grants"] if g["id"] == "360G-bygd-ALH-1")
    assert grant["grantProgramme"] == [
        {"code": "leader", "title": "Leader", "url": "https://leader.example/program"}
    ]


def test_places_use_the_standards_codelist(client, grants):
    _response, body = download(client)
    grant = next(g for g in body["grants"] if g["id"] == "360G-bygd-ALH-1")
    locations = grant["beneficiaryLocation"]
    assert {loc["geoCode"] for loc in locations} == {"SE-0884", "SE-0860"}
    assert {loc["countryCode"] for loc in locations} == {"SE"}
    # The codelist has only UK (ONS) code types; none describes a Swedish municipality.
    assert all("geoCodeType" not in loc for loc in locations)


def test_query_count_stays_flat(client, grants, project_index, funder):
    with CaptureQueriesContext(connection) as few:
        download(client)
    for number in range(5):
        make_project(
            project_index,
            title=f"Fler {number}",
            identifier=f"MORE-{number}",
            places=["SE-0884"],
            amount="100",
            award_date=AWARDED,
            funders=[(funder, None)],
            publish=False,
        )
    with CaptureQueriesContext(connection) as many:
        _response, body = download(client)
    assert len(body["grants"]) == 7
    assert len(many) == len(few)


def official_schema_validator():
    """The 360Giving Data Standard's own schema. No package on PyPI, npm or Debian ships it, so
    the test reads a checkout of github.com/ThreeSixtyGiving/standard's schema/ folder named by
    BYGD_360GIVING_SCHEMA_DIR and is skipped without one."""
    directory = os.environ.get("BYGD_360GIVING_SCHEMA_DIR")
    if not directory:
        pytest.skip("BYGD_360GIVING_SCHEMA_DIR names no copy of the 360Giving schema")
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    package = json.loads(Path(directory, "360-giving-package-schema.json").read_text())
    grant = json.loads(Path(directory, "360-giving-schema.json").read_text())
    resource = Resource(contents=grant, specification=DRAFT202012)
    registry = Registry().with_resources(
        [(package["properties"]["grants"]["items"]["$ref"], resource), (grant["$id"], resource)]
    )
    return Draft202012Validator(
        package, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def test_the_package_validates_against_the_official_schema(client, grants):
    validator = official_schema_validator()
    _response, body = download(client)
    errors = [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(body)]
    assert errors == []


def test_the_command_writes_the_package_and_reports_what_it_left_out(grants, tmp_path):
    path = tmp_path / "grants.json"
    out = io.StringIO()
    call_command("export_360giving", str(path), "--language=sv", stdout=out)
    assert out.getvalue().strip() == (
        f"2 bidrag skrivna till {path}; 2 projekt utelämnade "
        "(utan beslutsdatum: 1, utan mottagare: 0, utan finansiär: 1)"
    )
    package = json.loads(path.read_text(encoding="utf-8"))
    assert {grant["id"] for grant in package["grants"]} == {"360G-bygd-ALH-1", "360G-bygd-ALH-2"}


def test_the_command_refuses_an_unknown_language(tmp_path):
    with pytest.raises(CommandError, match="xx är inte ett av webbplatsens språk"):
        call_command("export_360giving", str(tmp_path / "g.json"), "--language=xx")
