"""Shared caching of API and feed answers: pollers get 304s, and nothing stale survives a write."""

import pytest

from apps.core import content_version
from apps.network.factories import OrganisationFactory
from apps.newsletters.factories import SuppressionFactory


def _names(response):
    return [row["name"] for row in response.json()["results"]]


def test_api_answers_carry_public_cache_headers_and_validators(client, http_cache, sv):
    OrganisationFactory(name="Bygdegårdarnas Riksförbund")
    response = client.get("/api/organisations/")
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert "public" in control and "max-age=60" in control
    assert "stale-while-revalidate=300" in control
    assert response["ETag"] and response["Last-Modified"]
    assert "Accept-Language" in response["Vary"]


def test_unchanged_answer_is_a_304_and_served_without_the_database(
    client, http_cache, sv, django_assert_num_queries
):
    OrganisationFactory(name="Vimmerby Hembygdsförening")
    first = client.get("/api/organisations/")
    with django_assert_num_queries(0):
        again = client.get("/api/organisations/")
    assert again.content == first.content
    assert client.get("/api/organisations/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = client.get("/api/organisations/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_write_makes_every_cached_answer_stale(client, http_cache, sv):
    organisation = OrganisationFactory(name="Kulturföreningen Gnistan")
    first = client.get("/api/organisations/")
    organisation.name = "Kulturföreningen Lågan"
    organisation.save()
    second = client.get("/api/organisations/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert _names(second) == ["Kulturföreningen Lågan"]


def test_the_cache_keys_on_the_requested_language(client, http_cache, sv, en):
    path = "/api/places/?kind=country&q=SE"
    swedish = client.get(path, HTTP_ACCEPT_LANGUAGE="sv").json()["results"]
    english = client.get(path, HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    assert {row["identifier"]: row["name"] for row in swedish}["SE"] == "Sverige"
    assert {row["identifier"]: row["name"] for row in english}["SE"] == "Sweden"


def test_private_writes_keep_cached_answers(client, http_cache, sv):
    before = content_version.current()
    SuppressionFactory(digest="0" * 64)
    assert content_version.current() == before


def test_errors_and_writes_are_never_stored(client, http_cache, sv):
    bad = client.get("/api/organisations/?page_size=500")
    assert bad.status_code == 400 and "public" not in bad.get("Cache-Control", "")
    response = client.post(
        "/api/newsletter/subscriptions/", {"email": "x"}, content_type="application/json"
    )
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "path", ["/feeds/news.xml", "/calendar.ics", "/calls/deadlines.ics", "/api/calls/"]
)
def test_feeds_are_cached_and_revalidated(client, http_cache, home, path):
    first = client.get(path)
    assert first.status_code == 200 and "public" in first["Cache-Control"]
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_commit_purges_listings_and_feeds_from_the_cdn_once(
    settings, sv, django_capture_on_commit_callbacks, monkeypatch
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    purged = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge",
        lambda backend, url: purged.append(url),
    )
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Bygdegårdarnas Riksförbund")
        OrganisationFactory(name="Vimmerby Hembygdsförening")
    assert "http://testserver/api/projects/" in purged
    assert "http://testserver/calendar.ics" in purged
    # What the maps and the statistics page read, too.
    assert "http://testserver/api/projects.geojson" in purged
    assert "http://testserver/api/events.geojson" in purged
    assert "http://testserver/api/projects/stats/" in purged
    assert len(purged) == len(set(purged))


def test_many_writes_in_one_transaction_refresh_once(
    settings, sv, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        OrganisationFactory(name="Kulturföreningen Gnistan")
    assert len(callbacks) == 1


def test_private_rows_leave_cached_answers_valid(client, http_cache, sv):
    """Subscriptions and organiser accounts are registered as private by their apps: writing
    one must not throw away every cached answer."""
    from apps.core import content_version
    from apps.newsletters.factories import NewsletterListFactory, SubscriptionFactory
    from apps.portal.factories import OrganiserAccountFactory

    newsletter_list = NewsletterListFactory()
    account = OrganiserAccountFactory()
    before = content_version.current()
    SubscriptionFactory(newsletter_list=newsletter_list)
    account.language = "en"
    account.save()
    assert content_version.current() == before
    newsletter_list.name = "Nytt namn"
    newsletter_list.save()
    assert content_version.current() != before


def test_restricted_pages_stay_out_of_the_api_and_personal_answers_are_not_shared(
    client, http_cache, home, django_user_model
):
    """The API is anonymous: pages behind a login or password are left out for everybody (and
    used to crash the listing), and answers to a session are never marked public or stored."""
    from wagtail.models import PageViewRestriction

    from cms.factories import StandardPageFactory

    members = StandardPageFactory(parent=home, title="Bara för medlemmar", slug="medlemmar")
    members.save_revision().publish()
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    anonymous = client.get("/api/v2/pages/")
    assert anonymous.status_code == 200 and "public" in anonymous["Cache-Control"]
    assert "Bara för medlemmar" not in [item["title"] for item in anonymous.json()["items"]]
    client.force_login(django_user_model.objects.create_user("medlem", password="x"))
    signed_in = client.get("/api/v2/pages/")
    assert "Bara för medlemmar" not in [item["title"] for item in signed_in.json()["items"]]
    assert "public" not in signed_in.get("Cache-Control", "")
