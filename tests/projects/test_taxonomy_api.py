"""/api/themes/ and /api/programmes/: the vocabularies a frontend needs for its filter menus."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.factories import OrganisationFactory
from apps.projects.factories import ThemeFactory
from apps.projects.models import FundingProgramme


def test_themes_in_english_with_untranslated_ones_marked(client, themes):
    ThemeFactory(slug="local-food", name="Lokal mat")
    rows = client.get("/api/themes/", {"locale": "en"}).json()["results"]
    assert [(row["slug"], row["name"], row["is_fallback"]) for row in rows] == [
        ("culture", "Culture", False),
        ("events", "Events", False),
        ("local-food", "Lokal mat", True),
    ]
    only_english = client.get("/api/themes/", {"locale": "en", "fallback": "false"}).json()
    assert only_english["count"] == 2


def test_a_theme_by_its_slug_and_unknown_slugs_404(client, themes):
    body = client.get("/api/themes/culture/", {"locale": "sv"}).json()
    assert body["name"] == "Kultur" and body["locale"] == "sv"
    missing = client.get("/api/themes/no-such-theme/")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_horizontal_criteria_filter_and_bad_values(client, sv):
    ThemeFactory(slug="equality", name="Jämställdhet", is_horizontal=True)
    ThemeFactory(slug="tourism", name="Turism")
    rows = client.get("/api/themes/", {"horizontal": "true"}).json()["results"]
    assert [row["slug"] for row in rows] == ["equality"]
    assert client.get("/api/themes/", {"horizontal": "no"}).json()["count"] == 1
    bad = client.get("/api/themes/", {"modified_since": "yesterday"})
    assert bad.status_code == 400 and "modified_since" in bad.json()["error"]["fields"]
    bad = client.get("/api/themes/", {"horizontal": "maybe"})
    assert bad.status_code == 400 and "horizontal" in bad.json()["error"]["fields"]


def test_programmes_name_their_funder(client, sv):
    funder = OrganisationFactory(name="Region Kalmar län", slug="region-kalmar-lan")
    FundingProgramme.objects.create(name="Idéslanten", slug="ideslanten", funder=funder)
    row = client.get("/api/programmes/").json()["results"][0]
    assert row["slug"] == "ideslanten" and row["funder"]["value"] == "region-kalmar-lan"


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, {"locale": "en"}).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_rows(client, sv, en):
    funder = OrganisationFactory()
    for index in range(2):
        ThemeFactory()
        FundingProgramme.objects.create(name=f"Program {index}", funder=funder)
    few = (_count(client, "/api/themes/"), _count(client, "/api/programmes/"))
    for index in range(2, 12):
        ThemeFactory()
        FundingProgramme.objects.create(name=f"Program {index}", funder=OrganisationFactory())
    assert (_count(client, "/api/themes/"), _count(client, "/api/programmes/")) == few


def test_horizontal_takes_only_true_or_false(client, sv):
    response = client.get("/api/themes/", {"horizontal": "maybe"})
    assert response.status_code == 400 and "horizontal" in response.json()["error"]["fields"]
