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


DATE_FILTERS = {
    "modified_since",
    "start",
    "end",
    "closes_before",
    "closes_after",
    "active_on",
    "published_after",
}


def _document(client):
    return yaml.safe_load(client.get("/api/schema/").content)


def test_every_date_filter_is_typed_as_a_date(client):
    seen = set()
    for path, operations in _document(client)["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] in DATE_FILTERS:
                    assert parameter["schema"].get("format") in {"date", "date-time"}, (
                        path,
                        parameter["name"],
                    )
                    seen.add(parameter["name"])
    assert seen == DATE_FILTERS


LINKS = {
    "Project": ["owner", "funders", "programme", "themes", "places", "funding_call"],
    "ProjectDetail": ["partners"],
    "Call": ["funder", "programme", "themes", "area"],
    "FundedProject": ["owner"],
    "Post": ["project"],
    "Event": ["organiser", "project", "categories"],
    "Venue": ["municipality", "region"],
    "Organisation": ["municipality", "region"],
    "Place": ["parent", "parents", "covers"],
    "Programme": ["funder"],
}


def _referenced(schema):
    schema = schema.get("items", schema)
    refs = [schema.get("$ref")] + [part.get("$ref") for part in schema.get("allOf", [])]
    return {ref.rsplit("/", 1)[1] for ref in refs if ref}


def test_linked_objects_share_one_reference_shape(client):
    components = _document(client)["components"]["schemas"]
    for component, fields in LINKS.items():
        for field in fields:
            (name,) = _referenced(components[component]["properties"][field])
            shape = components[name]
            assert {"value", "name"} <= set(shape["required"]), (component, field)
            assert name == "Reference" or name.endswith("Reference"), (component, field)


def test_project_listing_is_a_paginated_list_with_facets(client):
    document = _document(client)
    get = document["paths"]["/api/projects/"]["get"]
    ref = get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    listing = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert {"count", "next", "previous", "results", "facets"} <= set(listing["required"])
    assert listing["properties"]["results"]["items"]["$ref"].endswith("/Project")
    names = {parameter["name"] for parameter in get["parameters"]}
    assert {"theme", "status", "q", "active_on", "modified_since", "ordering"} <= names
