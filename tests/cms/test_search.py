import pytest
from django.db import connection

from apps.core.localize import translate
from cms.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_en, home, en):
    translated = StandardPageFactory(
        parent=home,
        title="Idéslanten",
        slug="ideslanten",
        listing_summary="Bidrag till föreningar i Kalmar län.",
    )
    translated.save_revision().publish()
    translate(
        translated,
        en,
        {
            "Idéslanten": "The idea grant",
            "Bidrag till föreningar i Kalmar län.": "Grants for associations in Kalmar County.",
        },
    )
    only_sv = StandardPageFactory(
        parent=home,
        title="Frukostträffar i Sörmland",
        slug="frukost",
        listing_summary="Digitala träffar för kulturaktörer.",
    )
    only_sv.save_revision().publish()
    return translated, only_sv


def test_search_shows_the_translation_when_there_is_one(client, pages):
    response = client.get("/en/search/", {"q": "Idéslanten"})
    assert "The idea grant" in response.text
    assert "Idéslanten</a>" not in response.text


def test_search_shows_untranslated_hits_marked_with_their_language(client, pages):
    response = client.get("/en/search/", {"q": "Sörmland"})
    assert "Frukostträffar i Sörmland" in response.text
    assert 'lang="sv"' in response.text
    assert "In Swedish" in response.text


def test_overlong_query_is_refused_clearly(client, pages):
    response = client.get("/en/search/", {"q": "x" * 500})
    assert response.status_code == 400
    assert "at most 200 characters" in response.text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_swedish_search_uses_swedish_stemming(client, home):
    page = StandardPageFactory(
        parent=home,
        title="Lokal finansiering",
        slug="lokal",
        listing_summary="Inspiratörsträffar om lokalt kapital för bygderna.",
    )
    page.save_revision().publish()
    response = client.get("/sv/sok/", {"q": "bygd"})
    assert "Lokal finansiering" in response.text
