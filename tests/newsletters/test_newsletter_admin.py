import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from apps.newsletters.digest import draft_digest
from apps.newsletters.factories import DeliveryFactory, SendingFactory, SubscriptionFactory
from apps.newsletters.models import (
    DeliveryStatus,
    NewsletterPage,
    Sending,
    SendingStatus,
    Subscription,
    SubscriptionStatus,
)
from apps.newsletters.registry import NEWSLETTER_CONTENT, register_newsletter_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model, home):
    """A moderator who may edit pages but not send newsletters."""
    user = django_user_model.objects.create_user("redaktor", "redaktor@example.org", "pw")
    group = Group.objects.create(name="Redaktörer")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("view_subscription", "add_subscription"):
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=home, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


def test_only_users_with_the_send_permission_can_send(client, editor, issue, newsletter_list):
    SubscriptionFactory(newsletter_list=newsletter_list)
    client.force_login(editor)
    url = f"/admin/newsletters/send/{issue.pk}/"
    denied = client.post(url, {"action": "send"})
    assert denied.url == "/admin/"  # Wagtail's answer to PermissionDenied in the admin
    assert not Sending.objects.exists() and mail.outbox == []
    editor.user_permissions.add(Permission.objects.get(codename="send_newsletter"))
    assert client.post(url, {"action": "send", "confirmed": "yes"}).url == url
    assert Sending.objects.get().requested_by == editor
    assert len(mail.outbox) == 1


def test_send_a_test_to_myself(client, editor, issue, newsletter_list):
    SubscriptionFactory(newsletter_list=newsletter_list)
    client.force_login(editor)
    client.post(f"/admin/newsletters/send/{issue.pk}/", {"action": "test"})
    [message] = mail.outbox
    assert message.to == ["redaktor@example.org"]
    assert "Frukostträff i mars" in message.subject
    assert not Sending.objects.exists()


def test_email_preview_mode_shows_the_issue_as_mailed(client, admin_user, issue):
    client.force_login(admin_user)
    assert "email" in [mode for mode, _label in issue.preview_modes]
    response = issue.serve_preview(client.get("/").wsgi_request, "email")
    html = response.content.decode()
    assert "Frukostträff i mars" in html and "Välkommen till frukostträffen." in html
    assert 'href="#unsubscribe"' in html


def test_scheduling_for_later_sends_nothing_yet(client, admin_user, issue, newsletter_list):
    SubscriptionFactory(newsletter_list=newsletter_list)
    client.force_login(admin_user)
    url = f"/admin/newsletters/send/{issue.pk}/"
    confirm = client.post(url, {"action": "send", "when": "2099-01-01T08:00"})
    assert not Sending.objects.exists()
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', confirm.text))
    client.post(url, {**hidden, "action": "send"})
    sending = Sending.objects.get()
    assert sending.scheduled_for.year == 2099
    assert mail.outbox == []


def test_send_button_shows_the_recipient_count_and_sends_only_when_confirmed(
    client, admin_user, issue, newsletter_list, en
):
    SubscriptionFactory.create_batch(2, newsletter_list=newsletter_list)
    SubscriptionFactory(newsletter_list=newsletter_list.get_translation(en), language="en")
    SubscriptionFactory(newsletter_list=newsletter_list, status=SubscriptionStatus.UNCONFIRMED)
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    url = f"/admin/newsletters/send/{issue.pk}/"
    assert "3 confirmed subscribers" in client.get(url).text

    confirm = client.post(url, {"action": "send"})
    assert confirm.status_code == 200
    assert "will be sent to 3 subscribers" in confirm.text
    assert 'name="confirmed" value="yes"' in confirm.text
    assert not Sending.objects.exists() and mail.outbox == []

    client.post(url, {"action": "send", "confirmed": "no"})
    assert not Sending.objects.exists() and mail.outbox == []
    past = {"action": "send", "when": "2000-01-01T08:00", "confirmed": "yes"}
    assert client.post(url, past).status_code == 400
    assert not Sending.objects.exists() and mail.outbox == []

    assert client.post(url, {"action": "send", "confirmed": "yes"}).url == url
    assert Sending.objects.get().requested_by == admin_user
    assert len(mail.outbox) == 3


def test_csv_export_lists_only_confirmed_subscribers(client, editor, newsletter_list):
    SubscriptionFactory(newsletter_list=newsletter_list, email="in@example.org")
    SubscriptionFactory(
        newsletter_list=newsletter_list,
        email="left@example.org",
        status=SubscriptionStatus.UNSUBSCRIBED,
    )
    client.force_login(editor)
    response = client.get(f"/admin/newsletters/lists/{newsletter_list.pk}/export/")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("email,language")
    assert [line.split(",")[0] for line in lines[1:]] == ["in@example.org"]


def test_csv_import_without_consent_evidence_asks_for_reconfirmation(
    client, editor, newsletter_list
):
    client.force_login(editor)
    upload = SimpleUploadedFile(
        "lista.csv",
        b"email,language,confirmed_at,consent_version\n"
        b"proof@example.org,sv,2024-03-01T10:00:00+01:00,1\n"
        b"noproof@example.org,en,,\n",
    )
    client.post(f"/admin/newsletters/lists/{newsletter_list.pk}/import/", {"file": upload})
    rows = {row.email: row for row in Subscription.objects.all()}
    assert rows["proof@example.org"].status == SubscriptionStatus.CONFIRMED
    assert rows["proof@example.org"].consent_text.version == 1
    assert rows["noproof@example.org"].status == SubscriptionStatus.UNCONFIRMED
    assert [message.to for message in mail.outbox] == [["noproof@example.org"]]


def test_csv_import_with_a_bad_row_changes_nothing(client, editor, newsletter_list):
    client.force_login(editor)
    upload = SimpleUploadedFile("lista.csv", b"email\nok@example.org\nnot-an-address\n")
    response = client.post(
        f"/admin/newsletters/lists/{newsletter_list.pk}/import/", {"file": upload}
    )
    assert response.status_code == 400
    assert "not-an-address" in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.fixture
def registered_posts():
    def items(locale, parameter, limit, since):
        return [
            {"title": f"Inlägg om {parameter or 'allt'}", "url": "https://bygd.example/p/1/"},
        ]

    register_newsletter_content("test-posts", "Senaste inläggen", items)
    yield
    NEWSLETTER_CONTENT.pop("test-posts")


def test_content_block_renders_what_a_registered_provider_returns(client, issue, registered_posts):
    issue.body.append(
        (
            "site_content",
            {"heading": "Nytt", "source": "test-posts", "parameter": "kultur", "limit": 3},
        )
    )
    issue.save_revision().publish()
    response = client.get(issue.url)
    assert "Inlägg om kultur" in response.text


def test_digest_drafts_a_newsletter_from_registered_content(issue, registered_posts):
    page = draft_digest(issue.newsletter_list, days=14)
    page = NewsletterPage.objects.get(pk=page.pk)
    assert not page.live
    sources = [block.value["source"] for block in page.body]
    assert "test-posts" in sources, "one block per registered content provider"
    assert sources == list(NEWSLETTER_CONTENT)
    [posts] = [block.value for block in page.body if block.value["source"] == "test-posts"]
    no_earlier_issue = timezone.now() - datetime.timedelta(days=14)
    assert abs(posts["since"] - no_earlier_issue) < datetime.timedelta(minutes=5)


def test_newsletter_admin_screens_open(client, admin_user, issue, newsletter_list):
    client.force_login(admin_user)
    archive = issue.get_parent()
    urls = [
        "/admin/snippets/newsletters/newsletterlist/",
        "/admin/snippets/newsletters/subscription/?q=example",
        "/admin/snippets/newsletters/consenttext/",
        f"/admin/newsletters/send/{issue.pk}/",
        f"/admin/newsletters/digest/{archive.pk}/",
        f"/admin/newsletters/lists/{newsletter_list.pk}/import/",
        f"/admin/pages/{archive.pk}/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    edit = client.get(f"/admin/pages/{issue.pk}/edit/")
    assert f"/admin/newsletters/send/{issue.pk}/" in edit.text


@pytest.fixture
def sent_with_a_failure(issue):
    sending = SendingFactory(page=issue, status=SendingStatus.DONE, snapshots={})
    for _ in range(2):
        DeliveryFactory(sending=sending, status=DeliveryStatus.SENT, attempts=1)
    DeliveryFactory(
        sending=sending,
        status=DeliveryStatus.DEFERRED,
        attempts=2,
        next_attempt_at=timezone.now() + datetime.timedelta(hours=1),
    )
    failed = DeliveryFactory(
        sending=sending,
        status=DeliveryStatus.FAILED,
        attempts=1,
        error="550 5.1.1 No such mailbox here",
        subscription__email="gone@example.org",
    )
    return sending, failed


def test_send_screen_counts_deliveries_per_state_and_shows_why_they_failed(
    client, admin_user, issue, sent_with_a_failure
):
    sending, _failed = sent_with_a_failure
    client.force_login(admin_user)
    response = client.get(f"/admin/newsletters/send/{issue.pk}/")
    html = response.content.decode()
    row = re.search(r"<tbody><tr>(.*?)</tr>", html, re.DOTALL).group(1)
    # Waiting, being sent, sent, deferred, failed
    assert re.findall(r"<td>(\d+)</td>", row) == ["0", "0", "2", "1", "1"]
    assert "gone@example.org" in html and "550 5.1.1 No such mailbox here" in html
    assert f'action="/admin/newsletters/sendings/{sending.pk}/retry-failed/"' in html


def test_retrying_failed_deliveries_needs_the_send_permission(
    client, editor, issue, sent_with_a_failure
):
    sending, failed = sent_with_a_failure
    url = f"/admin/newsletters/sendings/{sending.pk}/retry-failed/"
    client.force_login(editor)
    assert client.post(url).url == "/admin/"  # PermissionDenied, in Wagtail's admin
    failed.refresh_from_db()
    assert failed.status == DeliveryStatus.FAILED and mail.outbox == []
    editor.user_permissions.add(Permission.objects.get(codename="send_newsletter"))
    assert client.get(url).status_code == 405
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(editor)
    assert forged.post(url).status_code == 403
    assert client.post(url).url == f"/admin/newsletters/send/{issue.pk}/"
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (DeliveryStatus.SENT, 1)
    assert [message.to for message in mail.outbox] == [["gone@example.org"]]
    sending.refresh_from_db()  # reopened; the deferred delivery is not due yet
    assert (sending.status, sending.sent_count, sending.failed_count) == ("sending", 3, 0)
