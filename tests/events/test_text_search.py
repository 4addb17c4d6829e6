"""Text search in the calendar and /api/events/?q= folds Nordic letters on every database."""

import pytest

from tests.clock import days

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(publish):
    publish(title="Årsmöte i Hembygdsföreningen", start_date=days(2))
    publish(title="Fika", start_date=days(3), summary="Efter ÖPPET HUS bjuder vi på kaffe.")
    publish(title="Stickcafé", start_date=days(4))


def titles(client, q):
    window = {"start": days(0).isoformat(), "end": days(30).isoformat()}
    response = client.get("/api/events/", {"q": q, **window})
    assert response.status_code == 200, response.content
    return [row["event"]["title"] for row in response.json()["results"]]


def test_small_letters_find_nordic_capitals(client, events):
    assert titles(client, "årsmöte") == ["Årsmöte i Hembygdsföreningen"]
    assert titles(client, "öppet hus") == ["Fika"], "in the summary"


def test_nordic_capitals_find_small_letters(client, events):
    assert titles(client, "HEMBYGDSFÖRENINGEN") == ["Årsmöte i Hembygdsföreningen"]
    assert titles(client, "STICKCAFÉ") == ["Stickcafé"]


def test_calendar_page_search_folds_nordic_letters(client, events):
    html = client.get("/sv/kalender/", {"q": "ÅRSMÖTE"}).content.decode()
    assert "Årsmöte i Hembygdsföreningen" in html
    assert "Stickcafé" not in html
