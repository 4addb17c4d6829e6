import pytest
import yaml
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_schema_is_valid_openapi_3(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    assert document["openapi"].startswith("3.")
    validate(document)
    assert "/api/site/" in document["paths"]


def test_schema_is_also_served_as_json(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    validate(response.json())


def test_api_docs_render_without_external_assets(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert "cdn." not in response.text


def test_site_info_lists_the_configured_languages(client):
    body = client.get("/api/site/").json()
    assert [lang["code"] for lang in body["languages"]] == ["sv", "en"]
    assert body["languages"][0]["default"] is True
    assert body["time_zone"] == "Europe/Stockholm"


def test_unknown_api_path_is_a_json_404_in_the_clients_language(client):
    response = client.get("/api/nothing-here/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "error": {"code": "not_found", "message": "Not found.", "fields": {}}
    }
    swedish = client.get("/api/nothing-here/")
    assert swedish.json()["error"]["message"] == "Hittades inte."


def test_wagtail_content_api_lists_pages_outside_language_prefixes(client, home_en):
    response = client.get("/api/v2/pages/", {"type": "cms.HomePage", "fields": "intro"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["meta"]["locale"] for item in items} == {"sv", "en"}
    assert {item["intro"] for item in items} == {
        "Välkommen till bygden.",
        "Welcome to the countryside.",
    }


def test_cors_allows_listed_origins_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://kommun.example"]
    allowed = client.get("/api/site/", HTTP_ORIGIN="https://kommun.example")
    other = client.get("/api/site/", HTTP_ORIGIN="https://evil.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://kommun.example"
    assert "Access-Control-Allow-Origin" not in other
