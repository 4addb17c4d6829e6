"""Calls and news harvested between two real Bygd sites (see test_two_instances): the copies
match the source's, posts of a copied project go under its copy, a call links the copies of
the projects it funded, and a second harvest changes nothing."""

import pytest
from django.core.management import call_command
from django.test import Client

from apps.core.localize import translate
from apps.events.factories import EventIndexPageFactory
from apps.events.models import EventPage
from apps.harvest.models import HarvestSource
from apps.harvest.run import run_source
from apps.projects.factories import (
    FundingCallIndexPageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
)
from apps.projects.models import FundingCallPage, ProjectPage, ProjectPostPage
from tests.harvest.instance import SITE_NAME, SourceSite
from tests.harvest.source_scripts import (
    CHANGE_CALLS_AND_NEWS,
    CHANGE_TRANSLATED_PROJECT,
    DELETE_TRANSLATED_PROJECT,
    FILL,
    FILL_CALLS_AND_NEWS,
    TRANSLATE_PROJECT,
)
from tests.harvest.test_two_instances import local, remote, template  # noqa: F401 (fixture)

pytestmark = [pytest.mark.live_source, pytest.mark.real_clock]

KINDS = "organisations,calls,projects,news"


def started(database, directory, script):
    """A source with six projects and events, then ``script`` run on it, serving."""
    site = SourceSite(directory)
    site.create(database)
    site.shell(FILL.replace("COUNT", "6"))
    site.shell(script)
    site.start()
    return site


@pytest.fixture
def source(template, db, tmp_path):  # noqa: F811 (the imported fixture)
    site = started(template, tmp_path, FILL_CALLS_AND_NEWS)
    yield site
    site.stop()


@pytest.fixture
def aggregator(home):
    for factory in (ProjectIndexPageFactory, FundingCallIndexPageFactory, NewsIndexPageFactory):
        factory(parent=home).save_revision().publish()


def call_facts(row):
    return (
        row["title"],
        row["summary"],
        row["status"],
        row["intake"],
        row["opens"],
        row["closes"],
        row["budget"],
        row["max_grant"],
        row["funder"]["name"],
        row["application"]["url"],
    )


def post_facts(row):
    return (row["title"], row["lead"], row["date"], (row["project"] or {}).get("name"))


def assert_matches(source):
    for path, key, facts in (
        ("api/calls/?page_size=100", "identifier", call_facts),
        ("api/news/?page_size=100", "id", post_facts),
    ):
        originals = {row[key]: row for row in remote(source, path)}
        copies = {row["source"]["id"]: row for row in local(f"/{path}") if row["source"]}
        assert originals and copies.keys() == originals.keys()
        for identifier, original in originals.items():
            assert facts(copies[identifier]) == facts(original)
            assert copies[identifier]["source"] == {
                "site": SITE_NAME,
                "url": original["html_url"],
                "id": identifier,
            }
    return originals


def test_calls_and_news_follow_the_source(source, aggregator, settings):
    settings.BYGD_HARVEST_OVERLAP = 0
    call_command("harvest", source.url, "--kinds", KINDS)
    harvest_source = HarvestSource.objects.get(base_url=source.url)
    assert harvest_source.kind_list == ["projects", "calls", "news", "organisations"]
    assert_matches(source)

    funded = ProjectPage.objects.get(title="Projekt 4")
    assert funded.funding_call == FundingCallPage.objects.get(title="Utlysning 0")
    assert ProjectPostPage.objects.get(title="Nyhet 1").get_parent().specific == funded
    call = FundingCallPage.objects.get(title="Utlysning 0")
    page = Client().get(call.url).content.decode()
    assert f'href="{call.provenance.get().url}"' in page
    post = ProjectPostPage.objects.get(title="Nyhet 0")
    assert f'href="{post.provenance.get().url}"' in Client().get(post.url).content.decode()

    source.shell(CHANGE_CALLS_AND_NEWS)
    summary = run_source(harvest_source)
    assert "error" not in summary
    calls, news = summary["kinds"]["calls"], summary["kinds"]["news"]
    assert (calls.get("updated"), calls.get("removed")) == (1, 2)
    assert (news.get("created"), news.get("updated"), news.get("removed")) == (1, 1, 2)
    assert_matches(source)

    before = (local("/api/calls/?page_size=100"), local("/api/news/?page_size=100"))
    harvest_source.cursors = {}
    again = run_source(harvest_source)
    for counts in again["kinds"].values():
        assert not {"created", "updated", "removed"} & counts.keys()
    assert (local("/api/calls/?page_size=100"), local("/api/news/?page_size=100")) == before


def test_sources_take_calls_and_news_as_kinds(db):
    source = HarvestSource(name="Granne", base_url="https://granne.example/", kinds="news, calls")
    source.full_clean()
    assert source.kind_list == ["calls", "news"]


@pytest.fixture
def translated_source(template, db, tmp_path):  # noqa: F811 (the imported fixture)
    site = started(template, tmp_path, TRANSLATE_PROJECT)
    yield site
    site.stop()


def english_copies():
    rows = local("/api/projects/?page_size=100&locale=en&fallback=false")
    return {row["source"]["id"]: row for row in rows if row["source"]}


def test_a_translation_on_the_source_is_the_translation_of_the_copy(
    translated_source, home, en, settings
):
    settings.BYGD_HARVEST_OVERLAP = 0
    index = ProjectIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index, en, {})
    calendar = EventIndexPageFactory(parent=home)
    calendar.save_revision().publish()
    translate(calendar, en, {})
    call_command("harvest", translated_source.url, "--kinds", "organisations,projects,events,news")
    harvest_source = HarvestSource.objects.get(base_url=translated_source.url)

    original = {row["title"]: row for row in remote(translated_source, "api/projects/")}
    identifier = original["Projekt 4"]["identifier"]
    english = english_copies()
    assert english.keys() == {identifier}
    assert (english[identifier]["title"], english[identifier]["summary"]) == (
        "Project 4",
        "About project 4.",
    )
    assert english[identifier]["is_fallback"] is False
    copy = ProjectPage.objects.get(title="Projekt 4")
    translation = ProjectPage.objects.get(title="Project 4")
    assert translation.translation_key == copy.translation_key
    assert translation.locale == en and translation.live
    event = EventPage.objects.get(title="Event 4", locale=en)
    assert event.translation_key == EventPage.objects.get(title="Evenemang 4").translation_key
    assert event.live and event.provenance.get().site == SITE_NAME
    post = ProjectPostPage.objects.get(locale=en)
    assert (post.title, post.lead, post.get_parent().specific) == ("News", "Hello.", translation)
    assert "Hello." in str(post.body) and "Hej." not in str(post.body)

    translated_source.shell(CHANGE_TRANSLATED_PROJECT)
    summary = run_source(harvest_source)
    assert summary["kinds"]["projects"]["translation updated"] == 1
    assert english_copies()[identifier]["summary"] == "More about project 4."
    again = run_source(harvest_source)
    for counts in again["kinds"].values():  # nor are the originals taken for edited here
        assert not {"created", "updated", "removed", "translated", "translation updated"} & (
            counts.keys()
        )
        assert "detached" not in counts

    translated_source.shell(DELETE_TRANSLATED_PROJECT)
    run_source(harvest_source)
    assert not ProjectPage.objects.filter(title__in=["Projekt 4", "Project 4"]).exists()
    assert not ProjectPostPage.objects.exists()
    assert EventPage.objects.filter(title="Event 4").exists()
