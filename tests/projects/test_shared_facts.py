"""Facts are identical in every language, at once: however they change (an edit published in
Swedish or English, a CSV import from either language's export), both language versions show the
same facts on the page, in the API, in the CSV export and in the 360Giving export."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail_localize.models import Translation

from apps.core.localize import sync, translate
from apps.core.upstream.localize_publish import save_and_publish
from apps.network.factories import OrganisationFactory
from apps.network.models import Place
from apps.projects.factories import FundingProgrammeFactory
from apps.projects.models import (
    ProjectFunder,
    ProjectPage,
    ProjectPartner,
    ProjectPlace,
    ProjectTheme,
)
from tests.projects.conftest import make_call, make_project

pytestmark = pytest.mark.django_db

NEW_FIELDS = {
    "amount_granted": Decimal("250000"),
    "total_budget": Decimal("400000"),
    "in_kind_value": Decimal("30000"),
    "currency": "DKK",
    "award_date": datetime.date(2020, 11, 2),
    "status_override": "completed",
    "planned_start": datetime.date(2021, 1, 1),
    "planned_end": datetime.date(2023, 12, 31),
    "actual_start": datetime.date(2021, 2, 1),
    "actual_end": datetime.date(2023, 11, 30),
}


@pytest.fixture
def project(project_index, call_index, themes, en):
    orgs = {
        slug: OrganisationFactory(slug=slug, name=name)
        for slug, name in [
            ("alh", "Astrid Lindgrens Hembygd"),
            ("kulturradet", "Kulturrådet"),
            ("region-sormland", "Region Sörmland"),
            ("hela-sverige", "Hela Sverige ska leva"),
        ]
    }
    programmes = {
        "leader": FundingProgrammeFactory(slug="leader", name="Leader"),
        "culture": FundingProgrammeFactory(slug="culture-grants", name="Kulturbidrag"),
    }
    calls = {
        "old": make_call(call_index, title="Gammal utlysning", identifier="CALL-OLD"),
        "new": make_call(call_index, title="Ny utlysning", identifier="CALL-NEW"),
    }
    page = make_project(
        project_index,
        title="Allt som sker",
        identifier="ALH-1",
        themes=[themes["culture"]],
        places=["SE-0884"],
        amount="15000",
        owner=orgs["alh"],
        funding_programme=programmes["leader"],
        funding_call=calls["old"],
        funders=[(orgs["alh"], Decimal("15000"))],
        partners=[(orgs["hela-sverige"], "partner")],
    )
    translate(page, en, {"Allt som sker": "Everything that happens"})
    return {"page": page, "orgs": orgs, "programmes": programmes, "calls": calls, "themes": themes}


def _new_facts(project):
    orgs = project["orgs"]
    return {
        **NEW_FIELDS,
        "funding_programme": project["programmes"]["culture"],
        "funding_call": project["calls"]["new"],
        "places": ["SE-0480", "SE-0860"],
        "themes": [project["themes"]["events"], project["themes"]["culture"]],
        "partners": [(orgs["hela-sverige"], "lead"), (orgs["alh"], "associated")],
        "funders": [
            (orgs["kulturradet"], Decimal("200000")),
            (orgs["region-sormland"], Decimal("50000")),
        ],
    }


def _set_facts(page, facts):
    for name, value in facts.items():
        if name not in ("places", "themes", "partners", "funders"):
            setattr(page, name, value)
    page.places = [
        ProjectPlace(place=Place.objects.get(identifier=code)) for code in facts["places"]
    ]
    page.themes = [ProjectTheme(theme=theme) for theme in facts["themes"]]
    page.partners = [ProjectPartner(organisation=org, role=role) for org, role in facts["partners"]]
    page.funders = [
        ProjectFunder(organisation=org, amount=amount) for org, amount in facts["funders"]
    ]


def _edit_and_publish(language):
    def change(client, project, tmp_path):
        page = ProjectPage.objects.get(identifier="ALH-1", locale__language_code=language)
        draft = page.get_latest_revision_as_object()
        _set_facts(draft, _new_facts(project))
        draft.save_revision().publish()

    return change


def _csv_rows(client, language):
    response = client.get("/api/projects.csv", {"locale": language, "fallback": "false"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


CSV_CHANGES = {
    "amount_granted": "250000",
    "total_budget": "400 000",
    "in_kind_value": "30000",
    "currency": "DKK",
    "award_date": "2020-11-02",
    "status_override": "completed",
    "planned_start": "2021-01-01",
    "planned_end": "2023-12-31",
    "actual_start": "2021-02-01",
    "actual_end": "2023-11-30",
    "programme": "culture-grants",
    "call": "CALL-NEW",
    "places": "SE-0480|SE-0860",
    "themes": "events|culture",
    "partners": "hela-sverige:lead|alh:associated",
    "funders": "kulturradet:200000|region-sormland:50000",
}


def _import_from_export(language):
    def change(client, project, tmp_path):
        (row,) = _csv_rows(client, language)
        assert row["language"] == language
        row.update(CSV_CHANGES)
        path = tmp_path / f"{language}.csv"
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=list(row))
            writer.writeheader()
            writer.writerow(row)
        out = io.StringIO()
        call_command(
            "import_projects", str(path), "--commit", "--publish", "--language", "en", stdout=out
        )
        assert "1 updated" in out.getvalue(), out.getvalue()

    return change


def _api_facts(item):
    return {
        **{name: item[name] for name in ("status", "currency", "award_date")},
        **{name: item[name] for name in ("amount_granted", "total_budget", "in_kind_value")},
        **{name: item[name] for name in ("planned_start", "planned_end", "actual_start")},
        "actual_end": item["actual_end"],
        "owner": item["owner"]["value"],
        "programme": item["programme"]["value"],
        "funding_call": item["funding_call"]["value"],
        "places": [place["value"] for place in item["places"]],
        "themes": [theme["value"] for theme in item["themes"]],
        "funders": [(f["value"], f["amount"], f["currency"]) for f in item["funders"]],
    }


EXPECTED_API = {
    "status": "completed",
    "currency": "DKK",
    "award_date": "2020-11-02",
    "amount_granted": "250000.00",
    "total_budget": "400000.00",
    "in_kind_value": "30000.00",
    "planned_start": "2021-01-01",
    "planned_end": "2023-12-31",
    "actual_start": "2021-02-01",
    "actual_end": "2023-11-30",
    "owner": "alh",
    "programme": "culture-grants",
    "funding_call": "CALL-NEW",
    "places": ["SE-0480", "SE-0860"],
    "themes": ["events", "culture"],
    "funders": [("kulturradet", "200000.00", "DKK"), ("region-sormland", "50000.00", "DKK")],
}
EXPECTED_CSV = {
    **CSV_CHANGES,
    "amount_granted": "250000.00",
    "total_budget": "400000.00",
    "in_kind_value": "30000.00",
    "funders": "kulturradet:200000.00|region-sormland:50000.00",
    "status": "completed",
    "owner": "alh",
}
ROLE_LABELS = {
    "sv": ("Ledande partner", "Associerad partner"),
    "en": ("Lead partner", "Associated partner"),
}


def _grants(client, language="sv"):
    response = client.get("/api/projects/360giving.json", {"locale": language})
    return json.loads(response.content)


def _assert_facts_everywhere(client):
    for language in ("sv", "en"):
        page = ProjectPage.objects.get(identifier="ALH-1", locale__language_code=language)
        html = client.get(page.url).text
        for text in ("Kulturrådet", "Region Sörmland", "Hela Sverige ska leva", "DKK"):
            assert text in html, (language, text)
        assert all(label in html for label in ROLE_LABELS[language]), language
        assert "15000" not in html.replace("\xa0", "").replace(",", "")

        (item,) = client.get("/api/projects/", {"locale": language, "fallback": "false"}).json()[
            "results"
        ]
        assert _api_facts(item) == EXPECTED_API, language
        detail = client.get("/api/projects/ALH-1/", {"locale": language}).json()
        assert _api_facts(detail) == EXPECTED_API, language
        assert [(p["value"], p["role"]) for p in detail["partners"]] == [
            ("hela-sverige", "lead"),
            ("alh", "associated"),
        ]
        assert tuple(p["role_label"] for p in detail["partners"]) == ROLE_LABELS[language]

        (row,) = _csv_rows(client, language)
        assert {key: row[key] for key in EXPECTED_CSV} == EXPECTED_CSV, language

        body = _grants(client, language)
        grants = {grant["id"]: grant for grant in body["grants"]}
        assert set(grants) == {"360G-bygd-ALH-1-kulturradet", "360G-bygd-ALH-1-region-sormland"}
        share = grants["360G-bygd-ALH-1-region-sormland"]
        assert share["amountAwarded"] == 50000.0 and share["currency"] == "DKK"
        assert share["fundingOrganization"][0]["name"] == "Region Sörmland"
        assert share["relatedActivity"] == ["360G-bygd-ALH-1-kulturradet"]
        assert share["grantProgramme"][0]["code"] == "culture-grants"
        assert share["plannedDates"] == [{"startDate": "2021-02-01", "endDate": "2023-11-30"}]
        assert {loc["geoCode"] for loc in share["beneficiaryLocation"]} == {"SE-0480", "SE-0860"}


@pytest.mark.parametrize(
    "change",
    [
        _edit_and_publish("sv"),
        _edit_and_publish("en"),
        _import_from_export("sv"),
        _import_from_export("en"),
    ],
    ids=["swedish-edit", "english-edit", "csv-from-sv-export", "csv-from-en-export"],
)
def test_every_fact_changes_in_every_language_at_once(client, project, tmp_path, change):
    change(client, project, tmp_path)
    _assert_facts_everywhere(client)


def test_publishing_from_the_admin_edit_view_shares_the_facts(client, project, en):
    """The edit view publishes through Wagtail's action, not through ``page.publish()``."""
    swedish = ProjectPage.objects.get(identifier="ALH-1", locale__language_code="sv")
    draft = swedish.get_latest_revision_as_object()
    _set_facts(draft, _new_facts(project))
    PublishPageRevisionAction(draft.save_revision()).execute(skip_permission_checks=True)
    _assert_facts_everywhere(client)


def test_an_older_english_draft_does_not_bring_old_facts_back(client, project, en):
    english = ProjectPage.objects.get(identifier="ALH-1", locale=en)
    old_revision = english.live_revision
    draft = english.get_latest_revision_as_object()
    draft.title = "Everything that happens, draft"
    draft.save_revision()

    _edit_and_publish("sv")(client, project, None)

    old_revision.publish()
    _assert_facts_everywhere(client)
    english = ProjectPage.objects.get(pk=english.pk)
    draft = english.get_latest_revision_as_object()
    assert draft.title == "Everything that happens, draft", "the draft keeps its text"
    assert draft.currency == "DKK", "and shows the current facts"
    draft.save_revision().publish()
    _assert_facts_everywhere(client)


def test_publishing_from_an_old_translation_snapshot_keeps_the_current_facts(client, project, en):
    _edit_and_publish("en")(client, project, None)
    # Publishing in the translation editor rebuilds the page from the source snapshot, taken
    # before the change.
    translation = Translation.objects.get(
        source__object_id=project["page"].translation_key, target_locale=en
    )
    english = save_and_publish(translation, None, True)
    assert english.currency == "DKK"
    _assert_facts_everywhere(client)
    (english,) = sync(project["page"])
    assert english.currency == "DKK"
    _assert_facts_everywhere(client)


def test_the_editor_is_told_that_facts_are_shared(admin_client, project):
    response = admin_client.get(f"/admin/pages/{project['page'].pk}/edit/")
    assert response.status_code == 200
    assert "desamma på alla språk" in response.text  # the admin speaks Swedish here


def test_funders_cannot_add_up_to_more_than_the_grant(project):
    page = ProjectPage.objects.get(pk=project["page"].pk)
    page.amount_granted = Decimal("100")
    page.funders = [ProjectFunder(organisation=project["orgs"]["kulturradet"], amount=101)]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "amount_granted" in error.value.message_dict


def test_a_bad_role_or_funder_amount_in_a_csv_changes_nothing(client, project, tmp_path):
    (row,) = _csv_rows(client, "sv")
    row.update({"partners": "alh:boss", "funders": "kulturradet:lots", "currency": "EUR"})
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_projects", str(path), "--commit", "--language", "en", stdout=out)
    assert "'boss' is not one of lead, partner" in out.getvalue()
    assert "'lots' is not a number" in out.getvalue()
    assert set(ProjectPage.objects.values_list("currency", flat=True)) == {"SEK"}


def test_single_funder_keeps_one_grant_with_the_project_id(client, project):
    ProjectPage.objects.filter(identifier="ALH-1").update(award_date=datetime.date(2020, 1, 1))
    (grant,) = _grants(client)["grants"]
    assert grant["id"] == "360G-bygd-ALH-1"
    assert grant["fundingOrganization"][0]["name"] == "Astrid Lindgrens Hembygd"
    assert "relatedActivity" not in grant


@pytest.mark.parametrize("path", ["/api/projects.csv", "/api/projects/360giving.json"])
def test_export_query_count_stays_flat_with_funders_and_partners(client, project_index, path):
    def queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
            response.getvalue() if response.streaming else response.content
        return len(context.captured_queries)

    funder = OrganisationFactory()

    def add(first, last):
        for number in range(first, last):
            make_project(
                project_index,
                title=f"P{number}",
                amount="100",
                funders=[(funder, 60), (OrganisationFactory(), 40)],
                partners=[(funder, "lead"), (OrganisationFactory(), "partner")],
                publish=False,
            )

    add(0, 2)
    few = queries()
    add(2, 12)
    assert queries() == few
