import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from apps.network.models import Organisation, Person, Place
from apps.projects.models import Theme
from cms.models import HomePage, SiteFooter, StandardPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "slug", "locale__language_code", "live")),
        "revisions": Revision.objects.count(),
        "footers": SiteFooter.objects.count(),
        "sites": list(Site.objects.values_list("root_page_id", flat=True)),
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "places": Place.objects.count(),
        "themes": Theme.objects.count(),
    }


def test_load_demo_builds_a_bilingual_site_and_a_second_run_changes_nothing(client):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    sv_home = HomePage.objects.get(locale__language_code="sv")
    en_home = HomePage.objects.get(locale__language_code="en")
    assert en_home.translation_key == sv_home.translation_key
    assert Site.objects.get(is_default_site=True).root_page_id == sv_home.pk
    assert StandardPage.objects.filter(locale__language_code="en", live=True).exists()
    for url in ("/sv/", "/en/", "/sv/projekt/", "/en/projects/", "/en/network/organisations/"):
        assert client.get(url).status_code == 200, url
    statistics = client.get("/en/projects/statistics/", {"theme": "culture"})
    assert statistics.status_code == 200
    assert "<svg" in statistics.text and "DKK" in statistics.text
    assert "/en/projects/statistics/?" in client.get("/en/projects/").text
    assert_demo_calls(client)
    assert "Projects, events, funding calls and news" in client.get("/en/").text

    first = snapshot()
    second_out = io.StringIO()
    call_command("load_demo", stdout=second_out)
    assert snapshot() == first
    assert second_out.getvalue().strip().endswith("demo content already up to date")


def assert_demo_calls(client):
    """Three calls in both languages: one open, one rolling, one with a cut-off ahead."""
    from apps.projects.models import FundingCallPage

    assert FundingCallPage.objects.filter(locale__language_code="en", live=True).count() == 3
    body = client.get("/api/calls/", {"locale": "en", "fallback": "false"}).json()
    statuses = {item["identifier"]: item["status"] for item in body["results"]}
    assert statuses["alh-event-cofinancing"] == "rolling"
    assert statuses["ideslanten"] == "open"
    assert statuses["kulturpulje-storstrom"] in ("open", "closing_soon")
    detail = client.get("/api/calls/kulturpulje-storstrom/", {"locale": "en"}).json()
    assert detail["total_awarded"] == [{"currency": "DKK", "amount": "24000.00"}]
    assert client.get("/sv/utlysningar/").status_code == 200
    assert "days left" in client.get("/en/calls/", HTTP_ACCEPT_LANGUAGE="en").text
