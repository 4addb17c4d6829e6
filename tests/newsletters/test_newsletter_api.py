import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.localize import translate
from apps.newsletters.factories import NewsletterListFactory

pytestmark = pytest.mark.django_db

LISTS = "/api/newsletter/lists/"


def test_lists_are_named_in_the_requested_locale_with_a_stable_id(client, newsletter_list):
    NewsletterListFactory(name="Dold lista", slug="dold", is_public=False)
    sv = client.get(LISTS, {"locale": "sv"}).json()["results"]
    en = client.get(LISTS, {"locale": "en"}).json()["results"]
    assert [(row["slug"], row["name"]) for row in sv] == [
        ("kulturtillgangar", "Sörmländska kulturtillgångar")
    ]
    assert [(row["slug"], row["name"], row["is_fallback"]) for row in en] == [
        ("kulturtillgangar", "Sörmland cultural assets", False)
    ]
    assert sv[0]["id"] == en[0]["id"] == newsletter_list.pk


def test_untranslated_list_falls_back_to_its_original(client, newsletter_list):
    NewsletterListFactory(name="Lokal finansiering", slug="lokal-finansiering")
    en = client.get(LISTS, {"locale": "en"}).json()["results"]
    assert ("lokal-finansiering", True) in [(row["slug"], row["is_fallback"]) for row in en]


def test_unknown_locale_is_a_400_in_the_error_format(client):
    response = client.get(LISTS, {"locale": "xx"})
    assert response.status_code == 400
    assert "locale" in response.json()["error"]["fields"]


def test_lists_query_count_does_not_grow_with_rows(client, newsletter_list, en):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LISTS, {"locale": "en"}).status_code == 200
        return len(queries)

    few = count()
    for n in range(8):
        item = NewsletterListFactory(name=f"Lista {n}", slug=f"lista-{n}")
        if n % 2:
            translate(item, en, {f"Lista {n}": f"List {n}"})
    assert count() == few
