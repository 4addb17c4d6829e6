"""Applying through a call's form: stored with a receipt and a notice while the call is open,
refused with nothing stored outside it, attachments checked, and the applications visible and
exportable only by the call's moderators."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections  # noqa: F401 - connection is used by skipif
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission

from apps.core.localize import translate
from apps.network.factories import PersonFactory
from apps.projects.models import CallSubmission
from tests.projects.conftest import make_call

UTC = datetime.UTC
CLOSES = datetime.datetime(2026, 10, 25, 22, 59, tzinfo=UTC)  # 23:59 in Stockholm
FORM = [
    ("Förening", "singleline", True),
    ("E-post", "email", True),
    ("Budget", "file", False),
]
ANSWERS = {"forening": "Byalaget", "e_post": "sokande@example.org"}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    def set_now(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return set_now


@pytest.fixture
def call(call_index, settings, tmp_path):
    settings.BYGD_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    contact = PersonFactory(name="Daniel Granello", email="daniel@example.org")
    return make_call(
        call_index,
        title="Idéslanten",
        opens_date=datetime.date(2026, 9, 1),
        closes_date=datetime.date(2026, 10, 25),
        contact=contact,
        form_fields=FORM,
    )


def post(client, call, data=None, **files):
    return client.post(call.url, {**ANSWERS, **(data or {}), **files})


def test_an_application_in_time_is_stored_with_a_receipt_and_a_notice(client, call, clock):
    clock(CLOSES - datetime.timedelta(seconds=1))
    response = post(client, call)
    assert response.status_code == 200
    assert "Tack" in response.text
    (submission,) = CallSubmission.objects.all()
    assert submission.form_data["forening"] == "Byalaget"
    assert submission.language == "sv"
    receipt, notice = mail.outbox
    assert receipt.to == ["sokande@example.org"]
    assert "Idéslanten" in receipt.subject
    assert "Byalaget" in receipt.body
    assert receipt.reply_to == ["daniel@example.org"]
    assert notice.to == ["daniel@example.org"]
    assert f"/admin/forms/submissions/{call.pk}/" in notice.body


@pytest.mark.parametrize(
    "moment",
    [CLOSES + datetime.timedelta(seconds=1), datetime.datetime(2026, 8, 31, 21, 59, tzinfo=UTC)],
    ids=["one-second-late", "before-opening"],
)
def test_an_application_outside_the_period_is_refused_and_nothing_is_stored(
    client, call, clock, moment
):
    clock(moment)
    response = post(client, call)
    assert response.status_code == 409
    assert "inte öppen för ansökningar" in response.text
    assert CallSubmission.objects.count() == 0
    assert mail.outbox == []
    assert 'name="forening"' not in client.get(call.url).text


def test_each_application_gets_a_reference_number_in_the_receipt_and_on_the_thank_you_page(
    client, call, clock, en
):
    clock(CLOSES - datetime.timedelta(days=3))
    prefix = f"{call.identifier.upper()}-2026-"
    first = post(client, call)
    assert f"{prefix}0001" in first.text
    english = translate(call, en, {"Förening": "Association", "E-post": "E-mail"})
    with translation.override("en"):
        second = client.post(english.url, ANSWERS)
    assert f"{prefix}0002" in second.text
    assert sorted(CallSubmission.objects.values_list("reference", flat=True)) == [
        f"{prefix}0001",
        f"{prefix}0002",
    ]
    receipts = [message for message in mail.outbox if message.to == ["sokande@example.org"]]
    notices = [message for message in mail.outbox if message.to == ["daniel@example.org"]]
    assert [f"{prefix}0001" in r.body for r in receipts] == [True, False]
    assert f"{prefix}0002" in receipts[1].body
    assert f"{prefix}0001" in notices[0].body
    clock(datetime.datetime(2027, 1, 5, tzinfo=UTC))
    other = make_call(
        call.get_parent(),
        title="Nästa år",
        opens_date=datetime.date(2027, 1, 1),
        closes_date=datetime.date(2027, 2, 1),
        form_fields=FORM,
    )
    assert f"{other.identifier.upper()}-2027-0001" in post(client, other).text


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reference_numbers_stay_unique_when_applications_arrive_at_once(call):
    from concurrent.futures import ThreadPoolExecutor

    from apps.projects.models.call_submission import next_reference

    def allocate(_):
        try:
            return next_reference(call)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        references = list(pool.map(allocate, range(40)))
    assert len(set(references)) == 40
    assert sorted(int(reference.rsplit("-", 1)[1]) for reference in references) == list(
        range(1, 41)
    )


def test_a_late_application_keeps_the_typed_answers_on_the_refused_form(client, call, clock):
    clock(CLOSES - datetime.timedelta(minutes=30))
    assert 'name="forening"' in client.get(call.url).text
    clock(CLOSES + datetime.timedelta(seconds=1))
    response = post(client, call, {"forening": "Byalaget i Rumskulla"})
    assert response.status_code == 409
    assert "inte öppen för ansökningar" in response.text
    assert 'value="Byalaget i Rumskulla"' in response.text
    assert 'value="sokande@example.org"' in response.text
    assert "Skicka ansökan" not in response.text
    assert CallSubmission.objects.count() == 0
    assert mail.outbox == []


def test_a_paused_call_refuses_applications(client, call, clock):
    clock(CLOSES - datetime.timedelta(days=3))
    call.paused = True
    call.save_revision().publish()
    response = post(client, call)
    assert response.status_code == 409
    assert CallSubmission.objects.count() == 0


def test_missing_answers_are_shown_and_nothing_is_stored(client, call, clock):
    clock(CLOSES - datetime.timedelta(days=3))
    response = post(client, call, {"e_post": ""})
    assert response.status_code == 400
    assert CallSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("budget.exe", b"x" * 100, "budget.exe"),
        ("budget.pdf", b"%PDF-1.4" + b"x" * 3 * 1024 * 1024, "för stor"),
        ("budget.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "Innehållet i budget.pdf"),
        ("budget.png", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "inte en .png-fil"),
    ],
    ids=["wrong-type", "too-large", "program-named-pdf", "svg-named-png"],
)
def test_attachments_of_the_wrong_type_size_or_content_are_refused(
    client, call, clock, settings, name, content, message
):
    settings.BYGD_CALL_ATTACHMENT_MAX_MB = 2
    clock(CLOSES - datetime.timedelta(days=3))
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    response = post(client, call, budget=upload)
    assert response.status_code == 400
    assert CallSubmission.objects.count() == 0
    if message != name:
        assert message in response.text
    assert not list(settings.BYGD_PRIVATE_MEDIA_ROOT.glob("**/*.*"))


def _user(django_user_model, name, call_index, actions):
    user = django_user_model.objects.create_user(name, password="pw")
    group = Group.objects.create(name=f"group-{name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for action in actions:
        GroupPagePermission.objects.create(group=group, page=call_index, permission_type=action)
    user.groups.add(group)
    return user


def test_only_the_calls_moderators_see_applications_export_them_and_open_attachments(
    client, call, call_index, clock, django_user_model, en
):
    clock(CLOSES - datetime.timedelta(days=3))
    upload = SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget", content_type="application/pdf")
    assert post(client, call, budget=upload).status_code == 200
    english = translate(call, en, {"Förening": "Association", "E-post": "E-mail"})
    with translation.override("en"):
        page = client.get(english.url)
        assert 'for="id_forening">Association' in page.text
        assert client.post(english.url, ANSWERS).status_code == 200
    submission = CallSubmission.objects.get(page=call)
    assert CallSubmission.objects.filter(language="en", page=english).count() == 1

    moderator = _user(django_user_model, "moderator", call_index, ["add", "change", "publish"])
    editor = _user(django_user_model, "editor", call_index, ["add", "change"])
    listing = f"/admin/forms/submissions/{call.pk}/"
    attachment = f"/admin/calls/attachments/{submission.pk}/budget/"

    client.force_login(editor)
    refused = client.get(listing)
    assert refused.status_code in (302, 403)
    assert "Byalaget" not in refused.content.decode()
    assert client.get(listing, {"export": "csv"}).status_code in (302, 403)
    assert client.get(attachment).status_code in (302, 403)
    assert call.title not in client.get("/admin/forms/").text

    client.force_login(moderator)
    assert client.get(listing).status_code == 200
    export = client.get(listing, {"export": "csv"})
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0] == "Inlämningsdatum,Förening,E-post,Budget,Språk,Referensnummer"
    assert len(rows) == 3
    assert any("Byalaget" in row and "sv" in row for row in rows[1:])
    assert any(attachment in row for row in rows[1:])
    page = client.get(listing).text
    assert f'<a href="{attachment}">budget.pdf</a>' in page
    download = client.get(attachment)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 budget"


def test_applications_are_rate_limited_per_client(client, call, clock, settings):
    settings.BYGD_CALL_APPLICATIONS_PER_HOUR = 1
    clock(CLOSES - datetime.timedelta(days=3))
    assert post(client, call).status_code == 200
    refused = post(client, call)
    assert refused.status_code == 429
    assert CallSubmission.objects.count() == 1


def test_deleting_an_application_deletes_its_attachment(client, call, clock, settings):
    clock(CLOSES - datetime.timedelta(days=3))
    upload = SimpleUploadedFile("budget.pdf", b"%PDF-1.4", content_type="application/pdf")
    assert post(client, call, budget=upload).status_code == 200
    submission = CallSubmission.objects.get()
    stored = settings.BYGD_PRIVATE_MEDIA_ROOT / submission.attachments["budget"]
    assert stored.exists()
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    submission.delete()
    assert not stored.exists()


# The form strips leading tabs and line breaks; tests/core/test_spreadsheet.py covers those.
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_the_applications_export_never_hands_a_spreadsheet_a_formula(
    client, call, call_index, clock, django_user_model, start
):
    clock(CLOSES - datetime.timedelta(days=3))
    formula = f'{start}HYPERLINK("https://evil.example","Klicka")'
    assert post(client, call, {"forening": formula}).status_code == 200
    client.force_login(
        _user(django_user_model, "moderator", call_index, ["add", "change", "publish"])
    )
    export = client.get(f"/admin/forms/submissions/{call.pk}/", {"export": "csv"})
    (row,) = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert row["Förening"] == "'" + formula
    assert row["E-post"] == ANSWERS["e_post"]
