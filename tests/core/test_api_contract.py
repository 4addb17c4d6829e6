"""The OpenAPI document is the contract external frontends build on: every domain URL is in it,
with its parameters, and every operation documents the JSON error responses."""

import re

import pytest
import yaml
from django.contrib.admindocs.views import simplify_regex
from django.urls import URLPattern, URLResolver, get_resolver

from apps.core.urls import api_not_found

pytestmark = pytest.mark.django_db

# The document and its rendering describe the API rather than being part of it; Wagtail's
# content API v2 has its own conventions and is documented by Wagtail. The catch-all that answers
# unknown /api/ paths with the JSON 404 serves no resource.
NOT_DOMAIN = re.compile(r"^/api/(v2/|schema/|docs/)")


def _api_paths(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _api_paths(entry, pattern)
        elif isinstance(entry, URLPattern) and entry.callback is not api_not_found:
            path = simplify_regex(pattern)
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path)
            if path.startswith("/api/") and not NOT_DOMAIN.match(path):
                yield path


@pytest.fixture(scope="module")
def document(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return yaml.safe_load(Client().get("/api/schema/").content)


def test_every_domain_url_is_in_the_openapi_document(document):
    served = set(_api_paths())
    assert {"/api/projects/", "/api/events/", "/api/themes/"} <= served
    missing = served - set(document["paths"])
    assert not missing, f"undocumented API URLs: {sorted(missing)}"


def test_the_document_describes_only_served_urls(document):
    assert set(document["paths"]) <= set(_api_paths())


def test_every_operation_documents_errors_throttling_and_validators(document):
    error = "#/components/schemas/Error"
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "Retry-After" in responses["429"]["headers"], path
            if operation.get("parameters") or method == "post":
                assert responses["400"]["content"]["application/json"]["schema"]["$ref"] == error
            if method == "get":
                assert "304" in responses and "ETag" in responses["200"]["headers"], path


def test_list_operations_take_locale_and_paginate(document):
    for path in (
        "/api/projects/",
        "/api/news/",
        "/api/organisations/",
        "/api/calls/",
        "/api/themes/",
    ):
        get = document["paths"][path]["get"]
        names = {parameter["name"] for parameter in get["parameters"]}
        assert {"locale", "page", "page_size"} <= names, path
        ref = get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
        assert {"count", "next", "previous", "results"} <= set(schema["required"]), path
        results = schema["properties"]["results"]
        assert results["type"] == "array" and "$ref" in results["items"], path


def test_locale_and_page_size_are_bounded_in_the_document(document):
    parameters = {p["name"]: p for p in document["paths"]["/api/events/"]["get"]["parameters"]}
    assert sorted(parameters["locale"]["schema"]["enum"]) == ["en", "sv"]
    assert parameters["page_size"]["schema"]["maximum"] == 100
    assert parameters["page"]["schema"]["minimum"] == 1


def test_found_by_fuzzing_malformed_ids_and_bodies_are_4xx(client, db):
    assert client.get("/api/news/000000000000000000000000000000000000/").status_code == 404
    response = client.post(
        "/api/newsletter/subscriptions/",
        {"email": "a@example.org", "lists": ["x"], "consent": True, "website": [None]},
        content_type="application/json",
    )
    assert response.status_code == 400 and "website" in response.json()["error"]["fields"]


def test_the_api_catch_all_keeps_the_trailing_slash_redirect(client):
    response = client.get("/api/site", {"x": "1"})
    assert response.status_code == 301 and response["Location"] == "/api/site/?x=1"
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
