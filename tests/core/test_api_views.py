"""The domain API's conventions live on its views, not in the host's REST_FRAMEWORK, so a host's
DRF defaults (form parsers and session authentication, which wagtail-localize's translation editor
relies on) and the API's JSON-only, keyless conventions both hold."""

import re

import pytest
from django.contrib.admindocs.views import simplify_regex
from django.urls import URLPattern, URLResolver, get_resolver

from apps.core.api.views import AnonymousAPIMixin, BygdAPIMixin
from apps.core.urls import api_not_found

pytestmark = pytest.mark.django_db

NOT_DOMAIN = re.compile(r"^/api/(v2/|schema/|docs/)")


def _api_views(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _api_views(entry, pattern)
        elif isinstance(entry, URLPattern) and entry.callback is not api_not_found:
            path = simplify_regex(pattern)
            if path.startswith("/api/"):
                yield path, getattr(entry.callback, "cls", None)


def test_every_domain_api_view_carries_the_api_conventions():
    views = {path: cls for path, cls in _api_views() if not NOT_DOMAIN.match(path)}
    assert "/api/projects/" in views
    without = sorted(path for path, cls in views.items() if not issubclass(cls, BygdAPIMixin))
    assert not without, f"API views without BygdAPIMixin: {without}"


def test_wagtails_content_api_is_anonymous_too():
    views = [cls for path, cls in _api_views() if path.startswith("/api/v2/")]
    assert views and all(issubclass(cls, AnonymousAPIMixin) for cls in views)


def test_the_api_refuses_form_posts(client):
    response = client.post("/api/newsletter/subscriptions/", {"email": "a@example.org"})

    assert response.status_code == 415
    assert response.json()["error"]["code"]


def test_the_api_ignores_an_admin_session(client, admin_user):
    """A logged-in editor gets the same public answer as anyone (nothing per user is cached),
    and a JSON post needs no CSRF token."""
    client.force_login(admin_user)

    response = client.get("/api/projects/")

    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
