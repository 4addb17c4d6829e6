import pytest
from django.db import connection  # noqa: F401 - used by skipif
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from apps.core.localize import translate
from apps.projects.signals import record_translation_origin
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(project_index, themes, en):
    translated = make_project(
        project_index,
        title="Allt som sker",
        identifier="ALH-1",
        themes=[themes["events"]],
        places=["SE-0884"],
        amount="15000",
    )
    translate(translated, en, {"Allt som sker": "Everything that happens"})
    make_project(
        project_index,
        title="Bara svenska",
        identifier="SV-1",
        themes=[themes["culture"]],
        places=["SE-0480"],
    )
    return translated


def test_database_lists_projects_with_facet_counts(client, projects):
    response = client.get("/sv/projekt/")
    assert response.status_code == 200
    assert "Allt som sker" in response.text and "Bara svenska" in response.text
    assert "Evenemang (1)" in response.text
    assert "Kultur (1)" in response.text
    assert 'href="/api/projects.csv?locale=sv"' in response.text


def test_filters_live_in_the_url_and_work_without_javascript(client, projects):
    response = client.get("/sv/projekt/", {"theme": "culture"})
    assert "Bara svenska" in response.text
    assert "Allt som sker" not in response.text
    assert 'value="culture" checked' in response.text
    assert "/api/projects.csv?theme=culture&amp;locale=sv" in response.text


def test_english_database_shows_swedish_only_projects_marked(client, projects):
    response = client.get("/en/projects/")
    assert "Everything that happens" in response.text
    assert "Bara svenska" in response.text
    assert "In Swedish" in response.text
    assert 'lang="sv"' in response.text


def test_machine_translations_are_marked(client, projects, en):
    source = TranslationSource.objects.get(object_id=projects.translation_key)
    segment = StringSegment.objects.filter(source=source).first()
    StringTranslation.objects.filter(translation_of=segment.string, locale=en).update(
        translation_type="machine"
    )
    english = projects.get_translation(en)
    record_translation_origin(None, english)
    assert "Machine-translated" in client.get("/en/projects/").text
    assert "Machine-translated" in client.get(english.url).text


def test_bad_filter_gives_a_clear_400_page(client, projects):
    response = client.get("/en/projects/", {"theme": "no-such-theme", "amount_min": "lots"})
    assert response.status_code == 400
    assert "Please check the filters" in response.text
    assert "amount_min" in response.text


def test_project_page_shows_facts_in_the_visitors_language(client, projects):
    response = client.get("/en/projects/allt-som-sker/")
    assert response.status_code == 200
    assert "Everything that happens" in response.text
    assert "Vimmerby" in response.text
    assert "Events" in response.text
    assert "15,000 SEK" in response.text
    swedish = client.get("/sv/projekt/allt-som-sker/")
    assert "15\xa0000 SEK" in swedish.text


def test_organisation_page_lists_its_projects(client, projects, network_index):
    owner = projects.owner_organisation
    response = client.get(f"/sv/natverk/organisationer/{owner.slug}/")
    assert response.status_code == 200
    assert "Allt som sker" in response.text


def test_home_page_features_projects_in_the_visitors_language(client, projects):
    projects.is_featured = True
    projects.save_revision().publish()
    response = client.get("/en/")
    assert "Everything that happens" in response.text
    assert "/en/projects/" in response.text


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_search_uses_each_languages_stemming_on_postgresql(client, projects):
    swedish = client.get("/api/projects/", {"q": "svenskarna", "locale": "sv"}).json()
    assert [p["identifier"] for p in swedish["results"]] == ["SV-1"], (
        "'svenskarna' stems like 'svenska'"
    )
    english = client.get(
        "/api/projects/", {"q": "happening", "locale": "en", "fallback": "false"}
    ).json()
    assert [p["identifier"] for p in english["results"]] == ["ALH-1"], (
        "'happening' stems like 'happens'"
    )
