"""`modified_since` reports an event whenever anything a client shows of it changes, not only its
dates: an edited title, summary, body, price, image, category, status, or a venue or category
edited in the snippets."""

import datetime
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models.signals import post_delete
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from apps.events.factories import EventCategoryFactory
from apps.events.models import EventCategoryLink, EventPage, EventSeries
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

SOON = TODAY + datetime.timedelta(days=5)


def changed_ids(client, since):
    response = client.get("/api/events/", {"modified_since": since.isoformat()})
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def edit_and_publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def new_image():
    return Image.objects.create(title="Affisch", file=get_test_image_file())


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "Ny titel"},
        {"summary": "En ny sammanfattning."},
        {"body": [("paragraph", "<p>Ny text</p>")]},
        {"is_free": False, "price_amount": 150},
        {"status": "postponed"},
        {"image": new_image},
    ],
    ids=["title", "summary", "body", "price", "status", "image"],
)
def test_publishing_any_shown_change_reports_the_event(client, publish, fields):
    page = publish(title="Vårkonsert", start_date=SOON)
    other = publish(title="Orört", start_date=SOON)
    since = datetime.datetime.now(datetime.UTC)
    assert changed_ids(client, since) == set()
    edit_and_publish(page, **{k: v() if callable(v) else v for k, v in fields.items()})
    assert changed_ids(client, since) == {str(page.translation_key)}
    assert str(other.translation_key) not in changed_ids(client, since)


def test_a_new_category_reports_the_event(client, publish):
    page = publish(title="Vårkonsert", start_date=SOON)
    since = datetime.datetime.now(datetime.UTC)
    page.categories.add(EventCategoryLink(category=EventCategoryFactory()))
    page.save_revision().publish()
    assert changed_ids(client, since) == {str(page.translation_key)}


def test_editing_a_venue_or_category_snippet_reports_the_events_using_it(client, publish):
    category = EventCategoryFactory(name="Musik")
    page = publish(title="Vårkonsert", start_date=SOON)
    page.categories.add(EventCategoryLink(category=category))
    page.save_revision().publish()
    elsewhere = publish(title="Annanstans", start_date=SOON)

    since = datetime.datetime.now(datetime.UTC)
    page.venue.accessibility = "Hörslinga i stora salen."
    page.venue.save()
    assert changed_ids(client, since) == {str(page.translation_key)}

    since = datetime.datetime.now(datetime.UTC)
    category.name = "Musik och sång"
    category.save()
    assert changed_ids(client, since) == {str(page.translation_key)}
    assert str(elsewhere.translation_key) not in changed_ids(client, since)


def test_the_detail_modified_moves_with_a_content_edit(client, publish):
    page = publish(title="Vårkonsert", start_date=SOON)
    before = client.get(f"/api/events/{page.translation_key}/").json()["modified"]
    edit_and_publish(page, summary="Ändrad.")
    after = client.get(f"/api/events/{page.translation_key}/").json()["modified"]
    assert after > before


def extend():
    out = StringIO()
    call_command("extend_occurrences", stdout=out)
    return out.getvalue()


@contextmanager
def post_delete_muted():
    """Deletes that skip the calendar's signal, as a raw SQL clean-up or a restore would."""
    receivers = post_delete.receivers
    post_delete.receivers = []
    post_delete.sender_receivers_cache.clear()
    try:
        yield
    finally:
        post_delete.receivers = receivers
        post_delete.sender_receivers_cache.clear()


def test_extend_occurrences_repairs_occurrences_of_pages_gone_without_signals(client, publish):
    kept = publish(title="Kvar", start_date=SOON)
    unpublished = publish(title="Avpublicerad", start_date=SOON)
    deleted = publish(title="Borttagen", start_date=SOON)
    EventPage.objects.filter(pk=unpublished.pk).update(live=False)
    with post_delete_muted():
        EventPage.objects.filter(pk=deleted.pk).delete()
    rows = client.get("/api/events/").json()["results"]
    assert any(row["event"] is None for row in rows), "the drift is visible before the repair"

    output = extend()
    assert "2 event(s) had occurrences out of step" in output
    assert f"repaired {unpublished.translation_key}" in output
    assert f"repaired {deleted.translation_key}" in output
    rows = client.get("/api/events/").json()["results"]
    assert [row["event"]["title"] for row in rows] == ["Kvar"]
    assert str(kept.translation_key) not in output
    assert "no drift" in extend()


def test_extend_occurrences_restores_missing_occurrences_of_a_live_event(client, publish):
    page = publish(title="Saknad", start_date=SOON)
    EventSeries.objects.filter(key=page.translation_key).delete()
    assert client.get("/api/events/").json()["results"] == []
    output = extend()
    assert f"repaired {page.translation_key}: +1 new" in output
    rows = client.get("/api/events/").json()["results"]
    assert [row["event"]["title"] for row in rows] == ["Saknad"]


def test_events_behind_a_view_restriction_leave_the_api_and_come_back(client, publish, calendar):
    page = publish(title="Medlemsmöte", start_date=SOON)
    restriction = PageViewRestriction.objects.create(
        page=calendar, restriction_type=PageViewRestriction.LOGIN
    )
    rows = client.get("/api/events/").json()["results"]
    assert rows == []
    since = datetime.datetime.now(datetime.UTC)
    restriction.delete()
    assert changed_ids(client, since) == {str(page.translation_key)}
    rows = client.get("/api/events/").json()["results"]
    assert [row["event"]["title"] for row in rows] == ["Medlemsmöte"]
