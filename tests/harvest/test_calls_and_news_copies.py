"""How calls and posts are copied, against a stub source: a post of a copied project goes under
the project's copy even without a news index (a post with nowhere to go is skipped and named in
the summary), and a call taking applications in a form on the source sends applicants there."""

from django.utils import translation

from apps.harvest.factories import HarvestSourceFactory
from apps.harvest.run import run_source
from apps.projects.factories import FundingCallIndexPageFactory, ProjectIndexPageFactory
from apps.projects.models import ApplicationMethod, FundingCallPage, ProjectPostPage
from tests.harvest.stub_source import PROJECT, Stub, answers, listing, ok

POST = {
    "id": "6f1c2d8e-0000-4000-8000-000000000001",
    "title": "Nytt från projektet",
    "lead": "Vi har börjat.",
    "date": "2026-11-02",
    "tags": ["start"],
    "byline": "",
    "project": {"value": "p-1", "name": "Projekt"},
    "html_url": "http://x/nyheter/nytt/",
    "source": None,
}
CALL = {
    "identifier": "stod-2027",
    "title": "Stöd 2027",
    "summary": "Stöd till föreningar.",
    "status": "open",
    "paused": False,
    "intake": "period",
    "time_zone": "Europe/Stockholm",
    "opens": "2026-11-01T00:00:00+01:00",
    "closes": "2027-02-28T23:59:00+01:00",
    "deadlines": ["2027-02-28T23:59:00+01:00"],
    "decision_date": None,
    "funder": {"value": "forening", "name": "Förening"},
    "programme": None,
    "currency": "SEK",
    "budget": "50000.00",
    "min_grant": None,
    "max_grant": "10000.00",
    "grant_basis": "",
    "max_rate": None,
    "eligible_applicants": ["association"],
    "area": [],
    "themes": [],
    "application": {"method": "form", "email": None, "url": "https://granne.example/stod/#apply"},
    "html_url": "https://granne.example/stod/",
    "source": None,
}


def test_posts_go_under_their_projects_copy_and_one_without_a_place_is_skipped(stub, home):
    ProjectIndexPageFactory(parent=home).save_revision().publish()
    base = answers(stub, ok(listing([PROJECT])))
    elsewhere = {**POST, "id": POST["id"][:-1] + "2", "title": "Utan projekt", "project": None}
    Stub.routes[("/api/news/", False)] = ok(listing([POST, elsewhere]))
    source = HarvestSourceFactory(base_url=base, kinds="projects,news")

    with translation.override("en"):
        summary = run_source(source)

    assert summary["kinds"]["news"] == {"created": 1, "skipped": 1}
    assert "There is no live news index" in summary["skipped"][0]
    post = ProjectPostPage.objects.get()
    assert post.get_parent().specific.provenance.get().identifier == "p-1"
    assert post.live and [tag.name for tag in post.tags.all()] == ["start"]
    assert post.provenance.get().url == POST["html_url"]


def test_a_call_with_a_form_on_the_source_sends_applicants_there(stub, home):
    FundingCallIndexPageFactory(parent=home).save_revision().publish()
    base = answers(stub, ok(listing([])))
    Stub.routes[("/api/calls/", False)] = ok(listing([CALL]))
    source = HarvestSourceFactory(base_url=base, kinds="calls")

    summary = run_source(source)

    assert summary["kinds"]["calls"] == {"created": 1}, summary["skipped"]
    call = FundingCallPage.objects.get()
    assert (call.identifier, call.application_method, call.application_url) == (
        "stod-2027",
        ApplicationMethod.URL,
        "https://granne.example/stod/#apply",
    )
    assert call.closes_at.isoformat() == "2027-02-28T22:59:00+00:00"
    assert call.funder.name == "Förening" and call.live
