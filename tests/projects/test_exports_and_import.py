import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from apps.projects.models import ProjectPage
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(project_index, themes):
    from apps.projects.factories import FundingProgrammeFactory

    programme = FundingProgrammeFactory(slug="leader", name="Leader")
    a = make_project(
        project_index,
        title="Allt som sker",
        identifier="ALH-1",
        themes=[themes["events"]],
        places=["SE-0884", "SE-0860"],
        amount="15000",
        funding_programme=programme,
    )
    b = make_project(
        project_index,
        title='=HYPERLINK("x")',
        slug="formel",
        identifier="ODD-1",
        themes=[themes["culture"]],
        places=["SE-0480"],
    )
    return a, b


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_export_follows_the_filters(client, projects):
    rows = read_csv(client.get("/api/projects.csv", {"theme": "events"}))
    assert [row["identifier"] for row in rows] == ["ALH-1"]
    assert rows[0]["places"] == "SE-0884|SE-0860"
    assert rows[0]["programme"] == "leader"
    assert rows[0]["amount_granted"] == "15000.00"


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, projects):
    rows = read_csv(client.get("/api/projects.csv", {"theme": "culture"}))
    assert rows[0]["title"].startswith("'=")


def test_json_export_and_bad_filters(client, projects):
    body = json.loads(b"".join(client.get("/api/projects.json").streaming_content))
    assert {item["identifier"] for item in body} == {"ALH-1", "ODD-1"}
    assert client.get("/api/projects.csv", {"theme": "nope"}).status_code == 400


def export_to(client, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_bytes(b"".join(client.get("/api/projects.csv").streaming_content))
    return path


def test_export_then_import_round_trips(client, projects, tmp_path):
    path = export_to(client, tmp_path)
    before = read_csv(client.get("/api/projects.csv"))
    ProjectPage.objects.filter(identifier__in=["ALH-1", "ODD-1"]).delete()
    out = io.StringIO()
    call_command("import_projects", str(path), "--commit", "--publish", stdout=out)
    assert "2 created" in out.getvalue()
    after = read_csv(client.get("/api/projects.csv"))

    def strip(rows):
        return sorted(
            ({k: v for k, v in row.items() if k != "url"} for row in rows),
            key=lambda r: r["identifier"],
        )

    assert strip(after) == strip(before)


def test_import_is_a_dry_run_by_default_and_idempotent(client, projects, tmp_path):
    path = export_to(client, tmp_path)
    ProjectPage.objects.filter(identifier="ALH-1").delete()
    out = io.StringIO()
    call_command("import_projects", str(path), stdout=out)
    assert "1 created, 0 updated, 1 unchanged" in out.getvalue()
    assert "dry run" in out.getvalue()
    assert not ProjectPage.objects.filter(identifier="ALH-1").exists()
    call_command("import_projects", str(path), "--commit", stdout=io.StringIO())
    again = io.StringIO()
    call_command("import_projects", str(path), "--commit", stdout=again)
    assert "0 created, 0 updated, 2 unchanged" in again.getvalue()


def test_a_bad_row_is_reported_and_leaves_nothing_behind(projects, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "identifier,language,title,summary,places,themes,amount_granted,planned_start\n"
        "NEW-1,sv,Nytt,Kort,SE-0884|SE-9999,events,100,2020-01-01\n"
        "NEW-2,sv,Bra,Kort,SE-0884,events,100,2020-01-01\n"
        "NEW-3,sv,Datum,Kort,SE-0884,events,-1,2020-02-30\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 row"):
        call_command("import_projects", str(path), "--commit", stdout=out)
    report = out.getvalue()
    assert "row 2 NEW-1: error — places: no place 'SE-9999'" in report
    assert (
        "row 4 NEW-3: error" in report and "cannot be negative" in report and "not a date" in report
    )
    assert not ProjectPage.objects.filter(identifier__in=["NEW-1", "NEW-3"]).exists()
    new = ProjectPage.objects.get(identifier="NEW-2")
    assert [row.place.identifier for row in new.places.all()] == ["SE-0884"]
    assert not new.live, "imported as a draft unless --publish"


def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"not": "a list"}')
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_projects", str(path))
