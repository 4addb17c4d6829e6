import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from apps.events.models import EventOccurrence, EventPage

pytestmark = pytest.mark.django_db


def test_demo_calendar_has_the_promised_kinds_of_events(client):
    call_command("load_demo", stdout=io.StringIO())
    swedish = EventPage.objects.live().filter(locale__language_code="sv")
    english = EventPage.objects.live().filter(locale__language_code="en")
    assert swedish.count() >= 12
    assert english.count() == swedish.count()
    municipalities = set(swedish.values_list("venue__municipality__name", flat=True))
    assert {"Nässjö", "Eksjö", "Vimmerby", "Hultsfred", "Högsby", "Oskarshamn"} <= municipalities

    visible = EventOccurrence.objects.visible()
    assert visible.filter(status="cancelled").exists()
    festival = visible.get(event__slug="sommarfestival")
    assert festival.all_day and festival.end_date - festival.start_date == datetime.timedelta(2)
    course = swedish.get(slug="slaktforskning")
    stockholm = ZoneInfo("Europe/Stockholm")
    starts = [row.start for row in visible.filter(event=course)]
    assert {start.astimezone(stockholm).hour for start in starts} == {18}
    assert len({start.utcoffset() for start in [s.astimezone(stockholm) for s in starts]}) == 2

    assert "Stickcafé på biblioteket" in client.get("/sv/kalender/").text
    assert "Knitting café at the library" in client.get("/en/calendar/").text
    assert "Upcoming events" in client.get("/en/").text
