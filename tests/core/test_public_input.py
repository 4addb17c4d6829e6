"""Public input never gives a 500: malformed query strings sent to every public page type (the
samples of tests/a11y/samples.py, which fail when a page type has none) and to every GET operation
of the OpenAPI document and of Wagtail's content API v2. Runs on SQLite and PostgreSQL alike (CI
runs the suite on both); NUL bytes and out-of-range dates are what the databases refuse."""

import json
from urllib.parse import quote

import pytest
import yaml
from django.test import Client

from tests.a11y.samples import SIGNED_IN, build, public_page_types

NUL = "%00"
# Each a raw, already-encoded query-string value.
BAD_DATES = ("9999-12-31", "0001-01-01", "9999-12-31T23%3A59%3A59Z", "2027-02-30")
BAD_VALUES = (NUL, "a%00b", "x" * 3000, *BAD_DATES, "%ff%fe", "-1", "0", "99999", "1e400")
# The parameters the public HTML pages read: the calendar's and listings' filters, search, paging.
# The API's come from the OpenAPI document.
PAGE_PARAMS = {
    "q",
    "page",
    "category",
    "municipality",
    "organiser",
    "audience",
    "place",
    "project",
    "start",
    "end",
    "active_on",
    "modified_since",
    "free",
    "view",
    "theme",
    "status",
    "search",
    "locale",
}
PAGE_DATES = {"start", "end", "active_on", "modified_since"}
V2_ENDPOINTS = ("/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/")
V2_PARAMS = ("search", "type", "fields", "order", "limit", "offset", "child_of", "locale", "slug")


def _api_operations(client):
    """({path: {parameter names}} for every GET operation without path parameters, {names of
    the date and date-time parameters})."""
    document = yaml.safe_load(client.get("/api/schema/").content)
    operations, dates = {}, []
    for path, methods in document["paths"].items():
        if "{" in path or "get" not in methods:
            continue
        params = [param for param in methods["get"].get("parameters", ()) if param["in"] == "query"]
        operations[path] = {param["name"] for param in params}
        dates += [
            param["name"]
            for param in params
            if param["schema"].get("format") in {"date", "date-time"}
        ]
    return operations, set(dates)


def _query_strings(params, dates):
    """A NUL in each parameter, out-of-range dates in each date parameter, then each bad value in
    every parameter at once, and every parameter repeated. Sent together, a value one parameter
    refuses could hide another's 500, so the values databases refuse go one by one."""
    for name in sorted(params):
        yield f"{name}={NUL}"
        if name in dates:
            yield from (f"{name}={value}" for value in BAD_DATES)
    for value in BAD_VALUES:
        yield "&".join(f"{name}={value}" for name in sorted(params))
    yield "&".join(f"{name}=1&{name}=2" for name in sorted(params))


def _crawl(client, path, params, problems, dates=PAGE_DATES):
    for query in _query_strings(params, dates):
        response = client.get(f"{path}{'&' if '?' in path else '?'}{query}")
        if response.status_code >= 500:
            problems.append(f"{path} {query[:80]}: HTTP {response.status_code}")


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def test_no_public_page_type_answers_bad_query_strings_with_a_5xx(
    client, settings, tmp_path, home, home_en, en, network_index, calendar, publish
):
    settings.MEDIA_ROOT = tmp_path / "media"
    samples, organiser = build(home, home_en, en, network_index, calendar, publish)
    assert public_page_types() - {kind.split("?")[0] for kind in samples} == set()
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(organiser)
    problems = []
    crawled = set()
    for kind, urls in samples.items():
        path = urls["sv"]
        if path in crawled:
            continue
        crawled.add(path)
        _crawl(signed_in if kind in SIGNED_IN else client, path, PAGE_PARAMS, problems)
    assert problems == [], "\n".join(problems)


def test_no_api_operation_answers_bad_query_strings_with_a_5xx(client, home, publish):
    problems = []
    operations, dates = _api_operations(client)
    assert "/api/events/" in operations and "start" in dates
    for path, params in operations.items():
        _crawl(client, path, params | {"page", "q"}, problems, dates)
    for path in V2_ENDPOINTS:
        _crawl(client, path, V2_PARAMS, problems)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/?category=%00",
        "/api/events/?municipality=%00",
        "/api/events/?organiser=%00",
        "/api/events/?q=%00",
        "/api/events/?start=9999-12-31",
        "/api/events/?end=0001-01-01",
        "/api/projects/?active_on=9999-12-31",
        "/api/events/?modified_since=9999-12-31T23:59:59Z",
        "/api/v2/pages/?search=%00",
        "/api/v2/pages/?type=%00",
        "/api/v2/pages/?slug=%00",
    ],
)
def test_bad_api_parameters_are_a_400_with_the_json_error(client, home, url):
    response = client.get(url)
    assert response.status_code == 400, response.content[:300]
    body = json.loads(response.content)
    assert body["error"]["code"] in {"invalid", "bad_request"} or "message" in body.get(
        "error", body
    )


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "page=%00"])
def test_a_nul_byte_on_the_search_page_is_a_400_page(client, home, query):
    response = client.get(f"/sv/sok/?{query}")
    assert response.status_code == 400
    assert b"<html" in response.content.lower()


def test_the_calendar_refuses_nul_bytes_with_a_400_page(client, calendar):
    for name in ("category", "municipality", "organiser", "q"):
        response = client.get(f"{calendar.url}?{name}={quote(chr(0))}")
        assert response.status_code == 400, name
        assert b"<html" in response.content.lower()
