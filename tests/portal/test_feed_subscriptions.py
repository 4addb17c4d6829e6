"""Organisers subscribe their own calendar's address; the daily command imports it into the
same moderation as portal submissions, safely and idempotently."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import WorkflowState

from apps.events.factories import VenueFactory
from apps.events.models import EventPage
from apps.portal.factories import FeedSubscriptionFactory, TrustedOrganisationFactory
from apps.portal.models import FeedSubscription, Moderation
from tests.portal.conftest import login

pytestmark = pytest.mark.django_db

FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Test//EN
BEGIN:VEVENT
UID:dans@hembygd.example
DTSTAMP:20261101T120000Z
DTSTART;TZID=Europe/Stockholm:20270306T190000
DTEND;TZID=Europe/Stockholm:20270306T230000
SUMMARY:Logdans
DESCRIPTION:Dans till levande musik.
LOCATION:Bygdegården Frödinge
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def served():
    """A tiny local web server: ``served.files`` maps paths to calendar text."""
    files = {"/calendar.ics": FEED}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = files.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.end_headers()
            if body is not None:
                self.wfile.write(body.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.files = files
    server.base = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def subscription(organiser, served, settings):
    settings.BYGD_PORTAL_FEED_ALLOW_PRIVATE = True
    VenueFactory(name="Bygdegården Frödinge")
    return FeedSubscriptionFactory(
        organisation=organiser.organisation,
        url=f"{served.base}/calendar.ics",
        created_by=organiser.user,
    )


def fetch_all():
    out = StringIO()
    with translation.override("en"):
        call_command("fetch_feed_subscriptions", stdout=out)
    return out.getvalue()


def test_the_feeds_page_shows_only_the_organisations_own_and_lists_errors(
    client, organiser, other_organiser
):
    FeedSubscriptionFactory(organisation=organiser.organisation, url="https://a.example/our.ics")
    FeedSubscriptionFactory(
        organisation=other_organiser.organisation, url="https://b.example/theirs.ics"
    )
    login(client, organiser)
    page = client.get("/en/organisers/feeds/").content.decode()
    assert "https://a.example/our.ics" in page and "theirs.ics" not in page
    assert "<label" in page

    for bad in ("file:///etc/passwd", "ftp://a.example/x.ics", "https://a.example/our.ics"):
        response = client.post("/en/organisers/feeds/", {"url": bad})
        assert response.status_code == 400
        assert "Please correct the marked fields." in response.content.decode()
    response = client.post("/sv/arrangor/feeds/", {"url": "https://a.example/ny.ics"})
    assert response.status_code == 302
    added = FeedSubscription.objects.get(url="https://a.example/ny.ics")
    assert (added.organisation, added.created_by) == (organiser.organisation, organiser.user)
    assert "Kalenderflöden" in client.get("/sv/arrangor/feeds/").content.decode()


def test_another_organisations_subscription_cannot_be_removed(client, organiser, other_organiser):
    ours = FeedSubscriptionFactory(organisation=organiser.organisation)
    theirs = FeedSubscriptionFactory(organisation=other_organiser.organisation)
    assert client.get("/en/organisers/feeds/").status_code == 302  # to the login page
    login(client, organiser)
    assert client.post(f"/en/organisers/feeds/{theirs.pk}/remove/").status_code == 404
    assert client.post(f"/en/organisers/feeds/{ours.pk}/remove/").status_code == 302
    assert list(FeedSubscription.objects.all()) == [theirs]
    organiser.organisation = None
    organiser.save()
    assert client.get("/en/organisers/feeds/").status_code == 404


def test_the_feeds_page_makes_the_same_queries_for_more_subscriptions(client, organiser):
    login(client, organiser)
    FeedSubscriptionFactory(organisation=organiser.organisation, last_errors=["x"])
    client.get("/en/organisers/feeds/")  # caches the site, its settings and the menu
    with CaptureQueriesContext(connection) as one:
        client.get("/en/organisers/feeds/")
    for _number in range(5):
        FeedSubscriptionFactory(organisation=organiser.organisation, last_errors=["x"])
    with CaptureQueriesContext(connection) as six:
        client.get("/en/organisers/feeds/")
    assert len(six) == len(one)


def test_a_feed_is_imported_into_moderation_and_a_second_run_changes_nothing(subscription, served):
    assert "1 created" in fetch_all()
    page = EventPage.objects.get(ical_uid="dans@hembygd.example")
    assert not page.live and page.portal.moderation == Moderation.SUBMITTED
    assert page.portal.organisation == subscription.organisation
    assert WorkflowState.objects.filter(status="in_progress").count() == 1
    subscription.refresh_from_db()
    assert subscription.last_ok and subscription.last_fetched is not None

    revisions = page.revisions.count()
    assert "1 unchanged" in fetch_all()
    assert page.revisions.count() == revisions
    assert WorkflowState.objects.count() == 1

    served.files["/calendar.ics"] = FEED.replace("SUMMARY:Logdans", "SUMMARY:Logdansen")
    assert "1 updated" in fetch_all()
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Logdansen"
    assert WorkflowState.objects.filter(status="in_progress").count() == 1


def test_a_trusted_organisations_feed_is_published(subscription):
    TrustedOrganisationFactory(organisation=subscription.organisation)
    fetch_all()
    page = EventPage.objects.get(ical_uid="dans@hembygd.example")
    assert page.live and page.portal.moderation == Moderation.APPROVED


def test_broken_addresses_are_recorded_and_reported_without_a_traceback(
    subscription, served, settings, organiser
):
    missing = FeedSubscriptionFactory(
        organisation=organiser.organisation, url=f"{served.base}/missing.ics"
    )
    local_file = FeedSubscriptionFactory(
        organisation=organiser.organisation, url="file:///etc/passwd"
    )
    garbage = FeedSubscriptionFactory(organisation=organiser.organisation, url=f"{served.base}/x")
    served.files["/x"] = "<html>not a calendar</html>"
    output = fetch_all()
    assert "The server answered 404." in output
    assert "Only http and https addresses can be fetched." in output
    assert "not a valid iCalendar file" in output
    assert "3 feed(s) could not be imported." in output
    for row in (missing, local_file, garbage):
        row.refresh_from_db()
        assert not row.last_ok and row.last_fetched is not None

    settings.BYGD_PORTAL_FEED_ALLOW_PRIVATE = False
    assert "private or local network" in fetch_all()
    subscription.refresh_from_db()
    assert not subscription.last_ok
    assert "private or local network" in subscription.last_result


def test_a_feed_cannot_overwrite_another_organisations_event(subscription, other_organiser):
    fetch_all()
    FeedSubscriptionFactory(
        organisation=other_organiser.organisation, url=subscription.url, created_by=None
    )
    output = fetch_all()
    assert "Another organiser's event already has this UID." in output
    page = EventPage.objects.get(ical_uid="dans@hembygd.example")
    assert page.organiser == subscription.organisation
