import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from apps.projects.models import ProjectPage
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


def import_projects(*args, **options):
    """The command speaks the site's language (Swedish here); the tests read its English."""
    return call_command("import_projects", "--language=en", *args, **options)


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
    import_projects(str(path), "--commit", "--publish", stdout=out)
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
    import_projects(str(path), stdout=out)
    assert "1 created, 0 updated, 1 unchanged" in out.getvalue()
    assert "dry run" in out.getvalue()
    assert not ProjectPage.objects.filter(identifier="ALH-1").exists()
    import_projects(str(path), "--commit", stdout=io.StringIO())
    again = io.StringIO()
    import_projects(str(path), "--commit", stdout=again)
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
        import_projects(str(path), "--commit", "--partial", stdout=out)
    report = out.getvalue()
    assert "row 2 NEW-1: error — places: no place 'SE-9999'" in report
    assert (
        "row 4 NEW-3: error" in report and "cannot be negative" in report and "not a date" in report
    )
    assert not ProjectPage.objects.filter(identifier__in=["NEW-1", "NEW-3"]).exists()
    new = ProjectPage.objects.get(identifier="NEW-2")
    assert [row.place.identifier for row in new.places.all()] == ["SE-0884"]
    assert not new.live, "imported as a draft unless --publish"


def test_one_bad_row_means_nothing_is_written_without_partial(projects, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "identifier,language,title,summary,places\n"
        "NEW-1,sv,Bra,Kort,SE-0884\n"
        "NEW-2,sv,Dålig,Kort,SE-9999\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 row had errors"):
        import_projects(str(path), "--commit", stdout=out)
    assert "row 2 NEW-1: created" in out.getvalue()
    assert "nothing written" in out.getvalue()
    assert not ProjectPage.objects.filter(identifier__in=["NEW-1", "NEW-2"]).exists()


def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"not": "a list"}')
    with pytest.raises(CommandError, match="cannot read"):
        import_projects(str(path))


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def run_import(path, *args):
    out = io.StringIO()
    import_projects(str(path), "--commit", *args, stdout=out)
    return out.getvalue()


def test_numbers_in_either_format_are_not_changes(client, projects, tmp_path):
    rows = read_csv(client.get("/api/projects.csv"))
    alh = next(row for row in rows if row["identifier"] == "ALH-1")
    assert alh["amount_granted"] == "15000.00"
    alh["amount_granted"] = "15 000,00"
    assert "0 updated, 2 unchanged" in run_import(write_csv(tmp_path / "sv.csv", rows))
    alh["amount_granted"] = "1 234,50"
    assert "1 updated" in run_import(write_csv(tmp_path / "changed.csv", rows), "--publish")
    assert ProjectPage.objects.get(identifier="ALH-1").amount_granted == Decimal("1234.50")
    alh["amount_granted"] = "1234.5"
    assert "0 updated, 2 unchanged" in run_import(write_csv(tmp_path / "point.csv", rows))
    json_path = tmp_path / "projects.json"
    records = json.loads(b"".join(client.get("/api/projects.json").streaming_content))
    for record in records:
        record["amount_granted"] = float(record["amount_granted"] or 0) or None
    assert 1234.5 in [record["amount_granted"] for record in records]
    json_path.write_text(json.dumps(records), encoding="utf-8")
    assert "0 updated, 2 unchanged" in run_import(json_path)


def test_a_duplicate_identifier_in_one_file_is_an_error(client, projects, tmp_path):
    rows = read_csv(client.get("/api/projects.csv"))
    changed = dict(rows[0], title="Ändrad")
    path = write_csv(tmp_path / "dup.csv", [*rows, changed])
    out = io.StringIO()
    with pytest.raises(CommandError):
        import_projects(str(path), "--commit", stdout=out)
    assert (
        f"row 4 {changed['identifier']}: error — identifier: '{changed['identifier']}' is also on row"
        in out.getvalue()
    )
    assert not ProjectPage.objects.filter(title="Ändrad").exists()


def test_blank_list_cells_leave_the_lists_and_a_dash_empties_them(client, projects, tmp_path):
    rows = read_csv(client.get("/api/projects.csv", {"theme": "events"}))
    rows[0].update(places="", themes="", partners="", title="Ny titel")
    run_import(write_csv(tmp_path / "blank.csv", rows), "--publish")
    page = ProjectPage.objects.get(identifier="ALH-1")
    assert page.title == "Ny titel"
    assert [row.place.identifier for row in page.places.all()] == ["SE-0884", "SE-0860"]
    assert [row.theme.slug for row in page.themes.all()] == ["events"]
    rows[0].update(places="-")
    assert "1 updated" in run_import(write_csv(tmp_path / "dash.csv", rows), "--publish")
    page = ProjectPage.objects.get(identifier="ALH-1")
    assert not page.places.exists()
    assert [row.theme.slug for row in page.themes.all()] == ["events"]


def test_nothing_is_published_that_was_not_asked_for(client, projects, tmp_path):
    rows = read_csv(client.get("/api/projects.csv", {"theme": "events"}))
    rows[0].update(title="Utkast", amount_granted="99")
    path = write_csv(tmp_path / "draft.csv", rows)
    assert "1 updated" in run_import(path)
    page = ProjectPage.objects.get(identifier="ALH-1")
    assert page.title == "Allt som sker" and page.amount_granted == Decimal("15000")
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Utkast" and draft.amount_granted == Decimal("99")
    assert "0 updated, 1 unchanged" in run_import(path), "compared with the draft"
    assert "1 updated" in run_import(path, "--publish"), "publishes the draft when asked"
    assert ProjectPage.objects.get(identifier="ALH-1").title == "Utkast"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "cut.csv",
            "identifier,language,title,summary\nNEW-1,sv,Nytt,Kort\nNEW-2,sv,Avk",
            "row 3 has 3 cells but the header has 4",
        ),
        ("quote.csv", 'identifier,language,title,summary\nNEW-1,sv,"Nytt,Kort\n', "not valid CSV"),
        ("cut.json", '[{"identifier": "NEW-1", "language": "sv", "ti', "not valid JSON at line 1"),
        ("empty.csv", "", "the file is empty"),
    ],
)
def test_a_truncated_or_malformed_file_is_refused_clearly(
    projects, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        import_projects(str(path), "--commit", stdout=io.StringIO())
    assert not ProjectPage.objects.filter(identifier="NEW-1").exists()


def test_a_directory_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        import_projects(str(tmp_path), stdout=io.StringIO())


def test_messages_are_in_one_language(projects, tmp_path):
    from apps.projects.importer import import_records

    records = [
        {
            "identifier": "NEW-1",
            "language": "sv",
            "title": "Nytt",
            "summary": "",
            "places": "SE-9999",
            "amount_granted": "mycket",
            "planned_start": "2020-02-30",
        },
        {"identifier": "NEW-1", "language": "sv", "title": "Igen", "summary": "Kort"},
    ]
    with translation.override("sv"):
        results, written = import_records(records, commit=True, publish=False)
    assert not written
    first, second = (result.errors for result in results)
    assert first == [
        "summary: obligatorisk",
        "planned_start: '2020-02-30' är inte ett datum (ÅÅÅÅ-MM-DD)",
        "amount_granted: 'mycket' är inte ett tal",
        "places: ingen plats 'SE-9999'",
    ]
    assert second == ["identifier: 'NEW-1' finns också på rad 2"]
    out = io.StringIO()
    path = write_csv(tmp_path / "sv.csv", records)
    with pytest.raises(CommandError, match="2 rader hade fel"):
        import_projects(str(path), "--commit", "--language=sv", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[1] == "rad 3 NEW-1: fel — identifier: 'NEW-1' finns också på rad 2"
    assert lines[2] == (
        "2 rader: 0 skapad, 0 uppdaterad, 0 oförändrad, 2 fel — "
        "inget sparat på grund av felen (använd --partial för att spara resten)"
    )
