import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from apps.core.localize import sync, translate
from apps.network.models import Place
from apps.projects.factories import ProjectPlaceFactory, ProjectThemeFactory
from apps.projects.models import ProjectPage
from tests.clock import TODAY
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


def test_identifier_is_generated_and_kept_in_translations(project_index, en):
    page = make_project(project_index, title="Allt som sker")
    assert page.identifier.startswith("P-") and len(page.identifier) == 10
    english = translate(page, en, {"Allt som sker": "Everything that happens"})
    assert english.identifier == page.identifier


def test_identifier_cannot_change_once_published(project_index):
    page = make_project(project_index, title="Allt som sker", identifier="ALH-1")
    page.identifier = "ALH-2"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "identifier" in error.value.message_dict


def test_identifier_is_unique(project_index):
    make_project(project_index, title="Ett", identifier="SAME")
    with pytest.raises(ValidationError):
        make_project(project_index, title="Två", identifier="SAME")


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        (
            {"planned_start": datetime.date(2019, 1, 1), "planned_end": datetime.date(2018, 1, 1)},
            "planned_end",
        ),
        ({"amount_granted": Decimal("-5")}, "amount_granted"),
        ({"amount_granted": Decimal("20000"), "total_budget": Decimal("15000")}, "amount_granted"),
    ],
)
def test_impossible_facts_are_refused(project_index, fields, error_field):
    page = make_project(project_index, title="Projektet")
    for name, value in fields.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error_field in error.value.message_dict


def test_status_is_derived_from_dates_unless_overridden(project_index):
    past = make_project(
        project_index, title="Förr", start=datetime.date(2015, 1, 1), end=datetime.date(2016, 1, 1)
    )
    now = make_project(
        project_index,
        title="Nu",
        start=TODAY - datetime.timedelta(days=10),
        end=TODAY + datetime.timedelta(days=10),
    )
    later = make_project(
        project_index, title="Sen", start=TODAY + datetime.timedelta(days=30), end=None
    )
    overridden = make_project(
        project_index,
        title="Pausad",
        start=datetime.date(2015, 1, 1),
        end=datetime.date(2016, 1, 1),
        status_override="ongoing",
    )
    pages = (past, now, later, overridden)
    assert [p.status for p in pages] == ["completed", "ongoing", "planned", "ongoing"]
    in_sql = dict(ProjectPage.objects.with_status().values_list("pk", "current_status"))
    assert [in_sql[p.pk] for p in pages] == [p.status for p in pages], "SQL and Python agree"


def test_facts_changed_on_the_source_reach_the_english_page_and_listing(
    client, project_index, themes, en
):
    page = make_project(
        project_index,
        title="Allt som sker",
        themes=[themes["culture"]],
        places=["SE-0884"],
        amount="15000",
        identifier="ALH-1",
    )
    translate(
        page, en, {"Allt som sker": "Everything that happens", "Om Allt som sker.": "About it."}
    )

    page = ProjectPage.objects.get(pk=page.pk)
    page.planned_start = datetime.date(2019, 5, 1)
    page.planned_end = datetime.date(2020, 5, 1)
    page.amount_granted = Decimal("12000")
    page.places = [ProjectPlaceFactory.build(place=Place.objects.get(identifier="SE-0860"))]
    page.themes = [ProjectThemeFactory.build(theme=themes["events"])]
    page.save_revision().publish()
    (english,) = sync(page)

    english = ProjectPage.objects.get(pk=english.pk)
    assert english.title == "Everything that happens"
    assert english.planned_start == datetime.date(2019, 5, 1)
    assert english.amount_granted == Decimal("12000")
    assert [row.place.identifier for row in english.places.all()] == ["SE-0860"]
    assert [row.theme.slug for row in english.themes.all()] == ["events"]

    body = client.get("/api/projects/", {"locale": "en"}).json()
    (item,) = body["results"]
    assert item["title"] == "Everything that happens"
    assert item["amount_granted"] == "12000.00"
    assert [p["value"] for p in item["places"]] == ["SE-0860"]
    assert [t["name"] for t in item["themes"]] == ["Events"]
    assert {f["value"] for f in body["facets"]["theme"]} == {"events"}
    assert {f["value"] for f in body["facets"]["municipality"]} == {"SE-0860"}
    html = client.get("/en/projects/").text
    assert "Everything that happens" in html
    assert "Events (1)" in html
