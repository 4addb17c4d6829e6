import re

import pytest

from apps.core.localize import translate
from cms.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


def test_root_redirects_to_swedish_by_default(client, home_en):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_root_follows_accept_language(client, home_en):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response["Location"] == "/en/"


def test_swedish_and_english_home_pages_render_in_their_language(client, home_en):
    sv = client.get("/sv/")
    en = client.get("/en/")
    assert sv.status_code == en.status_code == 200
    assert '<html lang="sv">' in sv.text
    assert '<html lang="en">' in en.text
    assert "Välkommen till bygden." in sv.text
    assert "Welcome to the countryside." in en.text
    for response in (sv, en):
        links = alternates(response.text)
        assert links["sv"] == "http://testserver/sv/"
        assert links["en"] == "http://testserver/en/"
        assert links["x-default"] == "http://testserver/sv/"


def test_language_switcher_links_to_the_translation_of_the_current_page(client, home, en):
    page = StandardPageFactory(
        parent=home, title="Om oss", slug="om-oss", listing_summary="Om oss."
    )
    page.save_revision().publish()
    translate(home, en, {"hem": "home"})
    translate(page, en, {"Om oss": "About us", "om-oss": "about-us", "Om oss.": "About us."})
    response = client.get("/sv/om-oss/")
    assert switcher_links(response.text) == {"sv": "/sv/om-oss/", "en": "/en/about-us/"}
    english = client.get("/en/about-us/")
    assert english.status_code == 200
    assert "About us" in english.text
    assert alternates(english.text)["sv"] == "http://testserver/sv/om-oss/"


def test_untranslated_page_switches_to_the_other_languages_home(client, home_en):
    home = home_en.get_translations().get()
    page = StandardPageFactory(parent=home, slug="bara-svenska", title="Bara på svenska")
    page.save_revision().publish()
    response = client.get("/sv/bara-svenska/")
    links = switcher_links(response.text)
    assert links["en"] == "/en/"
    assert "en" not in alternates(response.text)


def test_api_and_unknown_api_paths_are_not_language_prefixed(client, home_en):
    response = client.get("/api/does-not-exist/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_search_page_has_a_translated_address_in_each_language(client, home_en):
    assert client.get("/sv/sok/", {"q": "bygden"}).status_code == 200
    response = client.get("/en/search/", {"q": "countryside"})
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
