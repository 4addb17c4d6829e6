"""The OpenAPI document is the contract external frontends build on: every domain URL is in it,
with its parameters, and every operation documents the JSON error responses."""

import re

import pytest
import yaml
from django.contrib.admindocs.views import simplify_regex
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# The document and its rendering describe the API rather than being part of it; Wagtail's
# content API v2 has its own conventions and is documented by Wagtail.
NOT_DOMAIN = re.compile(r"^/api/(v2/|schema/|docs/)")


def _api_paths(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _api_paths(entry, pattern)
        elif isinstance(entry, URLPattern):
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
    for path in ("/api/projects/", "/api/news/", "/api/organisations/", "/api/themes/"):
        get = document["paths"][path]["get"]
        names = {parameter["name"] for parameter in get["parameters"]}
        assert {"locale", "page", "page_size"} <= names, path
        schema = get["responses"]["200"]["content"]["application/json"]["schema"]
        assert "Paginated" in schema["$ref"], path
