"""The issue's security list, one test each."""

import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections  # noqa: F401 - connection is used by skipif
from django.test import Client, override_settings
from PIL import Image

from apps.events.models import EventPage
from apps.portal import services
from apps.portal.factories import PASSWORD
from apps.portal.models import OrganiserAccount
from tests.portal.conftest import event_data, login

pytestmark = pytest.mark.django_db


def make_event(account, venue, **overrides):
    client = login(Client(), account)
    response = client.post("/sv/arrangor/events/new/", event_data(venue, **overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return EventPage.objects.filter(portal__organisation=account.organisation).latest("pk")


def test_organiser_cannot_reach_another_organisations_event_through_any_url(
    client, organiser, other_organiser, venue
):
    theirs = make_event(other_organiser, venue, title_sv="Hemligt utkast")
    services.submit(other_organiser, theirs)
    login(client, organiser)
    base = f"/sv/arrangor/events/{theirs.pk}"
    for url in (f"{base}/", f"{base}/edit/", f"{base}/preview/", f"{base}/cancel/"):
        assert client.get(url).status_code == 404, url
    for url in (f"{base}/edit/", f"{base}/submit/", f"{base}/cancel/", f"{base}/cancel-date/"):
        assert client.post(url, event_data(venue, confirm="on")).status_code == 404, url
    assert client.get(f"/sv/arrangor/events/new/?copy={theirs.pk}").status_code == 404
    assert "Hemligt utkast" not in client.get("/sv/arrangor/").content.decode()
    theirs.refresh_from_db()
    assert theirs.get_latest_revision_as_object().title == "Hemligt utkast"


def test_organiser_cannot_remove_another_organisations_member(client, organiser, other_organiser):
    login(client, organiser)
    assert client.post(f"/sv/arrangor/team/{other_organiser.pk}/remove/").status_code == 404
    other_organiser.refresh_from_db()
    assert other_organiser.organisation is not None


def test_organisers_have_no_admin_access(client, organiser):
    login(client, organiser)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    fresh = Client()
    fresh.post("/admin/login/", {"username": organiser.user.username, "password": PASSWORD})
    assert fresh.get("/admin/pages/").status_code == 302


def test_unverified_account_cannot_submit(client, organiser, venue):
    page = make_event(organiser, venue)
    organiser.email_verified_at = None
    organiser.save()
    login(client, organiser)
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    page.portal.refresh_from_db()
    assert page.portal.moderation == "draft"
    assert not page.workflow_in_progress


def signup(client, email, **extra):
    return client.post(
        "/sv/arrangor/signup/",
        {
            "name": "Test",
            "email": email,
            "password1": "lingon-och-blabar",
            "password2": "lingon-och-blabar",
            "new_organisation": "Ny förening",
            **extra,
        },
    )


def test_signup_does_not_reveal_a_registered_address(client, organiser):
    new = signup(client, "new@example.org")
    known = signup(client, organiser.user.email)
    assert new.status_code == known.status_code == 302
    assert new["Location"] == known["Location"]
    assert [m.to for m in mail.outbox] == [["new@example.org"], [organiser.user.email]]
    assert OrganiserAccount.objects.filter(user__email=organiser.user.email).count() == 1


def test_login_does_not_reveal_a_registered_address(client, organiser):
    unknown = client.post("/sv/arrangor/login/", {"username": "x@example.org", "password": "nope"})
    wrong = client.post(
        "/sv/arrangor/login/", {"username": organiser.user.email, "password": "nope"}
    )
    assert unknown.status_code == wrong.status_code == 200
    assert unknown.context["form"].errors == wrong.context["form"].errors


def test_password_reset_does_not_reveal_a_registered_address(client, organiser):
    unknown = client.post("/sv/arrangor/password/", {"email": "x@example.org"})
    known = client.post("/sv/arrangor/password/", {"email": organiser.user.email})
    assert unknown["Location"] == known["Location"]
    assert [m.to for m in mail.outbox] == [["x@example.org"], [organiser.user.email]]


@override_settings(BYGD_LOGIN_FAILURES_PER_ADDRESS=3, BYGD_LOGIN_FAILURES_PER_ACCOUNT=100)
def test_login_is_rate_limited_per_client_address(client):
    for number in range(3):
        client.post("/sv/arrangor/login/", {"username": f"a{number}@x.org", "password": "x"})
    response = client.post("/sv/arrangor/login/", {"username": "b@x.org", "password": "x"})
    assert response.status_code == 429 and response["Retry-After"]


@override_settings(BYGD_LOGIN_FAILURES_PER_ADDRESS=100, BYGD_LOGIN_FAILURES_PER_ACCOUNT=2)
def test_login_is_rate_limited_per_account_from_addresses_that_failed(organiser):
    for number in range(2):
        Client(REMOTE_ADDR=f"10.0.0.{number}").post(
            "/sv/arrangor/login/", {"username": organiser.user.email, "password": "x"}
        )
    response = Client(REMOTE_ADDR="10.0.0.1").post(
        "/sv/arrangor/login/", {"username": organiser.user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert SESSION_KEY not in response.wsgi_request.session


@override_settings(BYGD_PORTAL_ATTEMPTS_PER_IP=2)
def test_signup_is_rate_limited(client):
    signup(client, "one@example.org")
    signup(client, "two@example.org")
    assert signup(client, "three@example.org").status_code == 429
    assert not OrganiserAccount.objects.filter(user__email="three@example.org").exists()


def test_html_in_titles_and_descriptions_is_stored_and_shown_escaped(client, organiser, venue):
    page = make_event(
        organiser,
        venue,
        title_sv="<script>alert(1)</script>Fest",
        description_sv='<img src=x onerror="alert(2)">\n<b>fet</b>',
    )
    services.submit(organiser, page)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.title == "<script>alert(1)</script>Fest"
    assert "<img" not in page.body.raw_data[0]["value"]
    assert "&lt;img" in page.body.raw_data[0]["value"]
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert '<img src="x"' not in html and "<b>fet</b>" not in html
    login(client, organiser)
    listing = client.get("/sv/arrangor/").content.decode()
    assert "<script>alert(1)" not in listing and "&lt;script&gt;" in listing


def png(size=(20, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "PNG")
    return buffer.getvalue()


def test_uploads_that_are_not_images_are_refused(organiser_client, venue):
    data = event_data(venue, image_description="En bild")
    data["image"] = SimpleUploadedFile("evil.png", b"<?php echo 1; ?>", "image/png")
    response = organiser_client.post("/sv/arrangor/events/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors["image"]
    assert not EventPage.objects.exists()


@override_settings(BYGD_PORTAL_IMAGE_MAX_BYTES=100)
def test_oversize_uploads_are_refused(organiser_client, venue):
    data = event_data(venue, image_description="En bild")
    data["image"] = SimpleUploadedFile("big.png", png((200, 200)), "image/png")
    response = organiser_client.post("/sv/arrangor/events/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors["image"]
    assert not EventPage.objects.exists()


def test_an_image_within_the_limits_is_stored(organiser_client, venue):
    data = event_data(venue, image_description="Gröna ängar")
    data["image"] = SimpleUploadedFile("ang.png", png(), "image/png")
    assert organiser_client.post("/sv/arrangor/events/new/", data).status_code == 302
    page = EventPage.objects.get()
    assert page.get_latest_revision_as_object().image.description == "Gröna ängar"


@pytest.mark.parametrize(
    "url",
    [
        "/sv/arrangor/signup/",
        "/sv/arrangor/login/",
        "/sv/arrangor/password/",
        "/sv/arrangor/events/new/",
        "/sv/arrangor/team/",
    ],
)
def test_every_form_refuses_a_post_without_csrf_token(url, organiser, venue):
    client = Client(enforce_csrf_checks=True)
    if "events" in url or "team" in url:
        client.force_login(organiser.user)
    response = client.post(url, event_data(venue, email="a@example.org"))
    assert response.status_code == 403


def test_the_session_key_changes_on_login(client, organiser):
    client.get("/sv/arrangor/login/")
    session = client.session
    session["probe"] = 1
    session.save()
    before = client.session.session_key
    response = client.post(
        "/sv/arrangor/login/", {"username": organiser.user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session.session_key != before
    assert client.session[SESSION_KEY] == str(organiser.user.pk)


def test_an_expired_verification_link_is_refused(client, settings):
    signup(client, "late@example.org")
    link = mail.outbox[-1].body.split("http://testserver")[1].split()[0]
    settings.BYGD_PORTAL_VERIFY_DAYS = -1
    assert client.post(link).status_code == 400
    assert not OrganiserAccount.objects.get(user__email="late@example.org").is_verified


def test_a_used_invitation_link_cannot_be_used_again(client, organiser):
    login(client, organiser)
    client.post("/sv/arrangor/team/", {"email": "kollega@example.org"})
    link = mail.outbox[-1].body.split("http://testserver")[1].split()[0]
    client.logout()
    form = {"name": "Kollega", "password1": "smultron-123", "password2": "smultron-123"}
    assert client.post(link, form).status_code == 302
    joined = OrganiserAccount.objects.get(user__email="kollega@example.org")
    assert joined.organisation == organiser.organisation and joined.is_verified
    client.logout()
    assert Client().post(link, form).status_code == 400


@pytest.mark.postgres
@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_identical_signups_at_once_make_one_account_and_answer_alike(calendar, settings):
    """A double-clicked sign-up button: the requests race to create the same user, and the
    loser must get the same answer as the winner instead of a 500."""
    settings.BYGD_PORTAL_ATTEMPTS_PER_ACCOUNT = 1000
    settings.BYGD_PORTAL_ATTEMPTS_PER_IP = 1000
    start = threading.Barrier(10)

    def sign_up_once(_):
        try:
            start.wait()
            response = signup(Client(), "samtidig@example.org")
            return response.status_code, response.get("Location")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = set(pool.map(sign_up_once, range(10)))
    assert len(answers) == 1
    assert next(iter(answers))[0] == 302
    assert OrganiserAccount.objects.filter(user__email="samtidig@example.org").count() == 1


@pytest.mark.postgres
@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_invitation_accepted_twice_at_once_makes_one_account_and_no_error(
    organiser, settings
):
    client = login(Client(), organiser)
    client.post("/sv/arrangor/team/", {"email": "kollega@example.org"})
    link = mail.outbox[-1].body.split("http://testserver")[1].split()[0]
    form = {"name": "Kollega", "password1": "smultron-123", "password2": "smultron-123"}
    start = threading.Barrier(6)

    def accept(_):
        try:
            start.wait()
            return Client().post(link, form).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(accept, range(6)))
    assert 302 in statuses and set(statuses) <= {200, 302, 400}, statuses
    assert OrganiserAccount.objects.filter(user__email="kollega@example.org").count() == 1
