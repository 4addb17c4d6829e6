"""The project database's facets in HTML: checkbox groups in a plain GET form, the same facets as
the API, and a way back (undo, remove, clear) when the filters leave nothing."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.factories import OrganisationFactory
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(project_index, themes, en):
    owner = OrganisationFactory(slug="hembygd", name="Hembygdsföreningen")
    make_project(
        project_index,
        title="Allt som sker",
        themes=[themes["events"]],
        places=["SE-0884"],
        owner=owner,
        amount="15000",
        publish=False,
    )
    make_project(
        project_index,
        title="Bara svenska",
        themes=[themes["culture"]],
        places=["SE-0480"],
        amount="30000",
        publish=False,
    )
    make_project(
        project_index,
        title="Kultur i Storstrøm",
        themes=[themes["culture"]],
        places=["DK-390"],
        amount="50000",
        currency="DKK",
        publish=False,
    )


def link(html, text):
    """The query of the link whose text starts with ``text``, as (name, value) pairs."""
    match = re.search(r'<a href="([^"]*)">' + re.escape(text), html)
    assert match, f"no link {text!r}"
    href = unescape(match.group(1))
    return [pair for pair in parse_qsl(urlsplit(href).query) if pair[0] != "applied"]


def test_every_api_facet_is_a_checkbox_group_with_a_legend(client, projects):
    html = client.get("/en/projects/").text
    for legend in ("Status", "Theme", "Country", "Region", "Municipality", "Organisation"):
        assert f'<fieldset class="facet"><legend>{legend}</legend>' in html
    assert 'type="checkbox" name="country" value="DK"' in html
    assert 'type="checkbox" name="organisation" value="hembygd"' in html
    assert "Hembygdsföreningen (1)" in html
    assert '<form method="get"' in html


def test_values_of_a_facet_are_alternatives_and_stay_visible(client, projects):
    html = client.get("/en/projects/", {"theme": "events"}).text
    assert "Allt som sker" in html and "Bara svenska" not in html
    assert 'value="events" checked> Events (1)' in html
    assert 'value="culture"> Culture (2)' in html, "the other theme shows what it would add"
    both = client.get("/en/projects/", {"theme": ["events", "culture"]}).text
    assert "Allt som sker" in both and "Bara svenska" in both and "Kultur i Storstrøm" in both
    country = client.get("/en/projects/", {"theme": "culture", "country": "SE"}).text
    assert 'value="SE" checked> Sweden (1)' in country
    assert 'value="DK"> Denmark (1)' in country


def test_zero_results_keep_the_facets_an_undo_link_and_clear_all(client, projects):
    response = client.get("/en/projects/", {"theme": "culture", "organisation": "hembygd"})
    html = response.text
    assert response.status_code == 200
    assert "0 projects" in html
    assert "No project matches all these filters" in html
    assert 'value="culture" checked> Culture (0)' in html, "a chosen value can be unchosen"
    assert 'value="hembygd" checked> Hembygdsföreningen (0)' in html
    assert 'value="events"> Events (1)' in html
    assert link(html, "Undo last filter") == [("theme", "culture")]
    assert link(html, "Clear all filters") == []
    assert link(html, "Remove Theme: Culture") == [("organisation", "hembygd")]


def test_undo_removes_the_value_added_last_not_the_last_in_the_form(client, projects):
    """The form sends theme before organisation, whatever was chosen first; the hidden
    `applied` field says theme came last."""
    first = client.get("/en/projects/", {"organisation": "hembygd"}).text
    applied = re.search(r'name="applied" value="([^"]*)"', first).group(1)
    html = client.get(
        "/en/projects/",
        {"theme": "culture", "organisation": "hembygd", "applied": unescape(applied)},
    ).text
    assert link(html, "Undo last filter") == [("organisation", "hembygd")]
    without_history = client.get("/en/projects/?organisation=hembygd&theme=culture").text
    assert link(without_history, "Undo last filter") == [("organisation", "hembygd")]
    reversed_link = client.get("/en/projects/?theme=culture&organisation=hembygd").text
    assert link(reversed_link, "Undo last filter") == [("theme", "culture")]


def test_amount_needs_a_currency_with_a_clear_message(client, projects):
    response = client.get("/en/projects/", {"ordering": "amount", "theme": "culture"})
    assert response.status_code == 400
    assert "Choose a currency to sort or filter by amount" in response.text
    assert 'value="culture" checked> Culture (2)' in response.text, "the facets stay"
    sorted_sek = client.get("/en/projects/", {"ordering": "amount", "currency": "SEK"}).text
    assert sorted_sek.index("Bara svenska") < sorted_sek.index("Allt som sker")
    assert "Kultur i Storstrøm" not in sorted_sek
    assert '<option value="DKK">DKK (1)</option>' in sorted_sek


@pytest.mark.parametrize(
    "params",
    [
        {"amount_min": "many", "currency": "SEK"},
        {"country": "XX"},
    ],
)
def test_bad_values_are_a_400_page_never_a_500(client, projects, params):
    response = client.get("/en/projects/", params)
    assert response.status_code == 400
    assert "Please check the filters" in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"theme": "culture\x00"},
        {"q": "kultur\x00"},
        {"currency": "SEK", "amount_min": "1\x00"},
    ],
)
def test_null_characters_are_a_400_page_never_a_500(client, projects, params):
    response = client.get("/en/projects/", params)
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.text


@pytest.mark.parametrize("words", ["\ufffd\ufffd", "!!", "%ff"])
def test_a_search_without_searchable_words_counts_no_facets_instead_of_failing(
    client, projects, words
):
    response = client.get("/en/projects/", {"q": words})
    assert response.status_code == 200
    assert "Allt som sker" not in response.text


def test_page_query_count_stays_flat(client, project_index, themes):
    def queries():
        cache.clear()  # the uncached path: what is kept per content version is counted every time
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/en/projects/", {"theme": "culture", "country": "SE"})
        assert response.status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        make_project(
            project_index,
            title=f"P{i}",
            themes=[themes["culture"]],
            places=["SE-0880"],
            publish=False,
        )
    queries()  # the first request fills per-process caches (site root paths, locales)
    few = queries()
    for i in range(3, 30):
        make_project(
            project_index,
            title=f"P{i}",
            themes=[themes["culture"], themes["events"]],
            places=["SE-0880"],
            publish=False,
        )
    assert queries() == few


def test_long_groups_show_the_first_values_and_the_rest_behind_a_disclosure(client, project_index):
    for i in range(12):
        make_project(
            project_index,
            title=f"P{i}",
            owner=OrganisationFactory(slug=f"org-{i:02}", name=f"Förening {i:02}"),
            publish=False,
        )
    html = client.get("/en/projects/", {"organisation": "org-11"}).text
    group = html[html.index("<legend>Organisation</legend>") :]
    group = group[: group.index("</fieldset>")]
    shown, hidden = group.split("<details>")
    assert 'value="org-11" checked' in shown, "a chosen value is never hidden"
    assert shown.count('type="checkbox"') == 11
    assert "<summary>1 more</summary>" in hidden
    assert hidden.count('type="checkbox"') == 1
