"""How an event reads in the calendar's HTML: its own wall-clock times and zone, Swedish wording,
dates ranges, thumbnails and featured events on the home page."""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.images.tests.utils import get_test_image_file

from apps.core.dates import date_range
from apps.core.factories import ImageFactory
from apps.core.localize import translate
from apps.events.models import EventCancellation, EventPage
from tests.clock import days

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")
HOST_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_an_event_in_another_zone_shows_its_own_times_and_zone_everywhere(client, publish):
    day = days(10)
    page = publish(title="Konsert i Helsingfors", start_date=day, time_zone="Europe/Helsinki")
    expected = datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=HELSINKI)
    offset = expected.strftime("%z")
    assert offset in ("+0200", "+0300")

    event_html = client.get(page.url).content.decode()
    assert "18:00</time>" in event_html and "Europe/Helsinki" in event_html

    list_html = client.get("/sv/kalender/").content.decode()
    row = list_html[list_html.index('class="occurrence') :]
    row = row[: row.index("</li>")]
    assert "18:00" in row and "Europe/Helsinki" in row
    assert f'datetime="{expected.isoformat()}"' in row

    month_html = client.get(f"/sv/kalender/manad/{day:%Y-%m}/").content.decode()
    cell = month_html[month_html.index("Konsert i Helsingfors") - 300 :]
    cell = cell[: cell.index("</li>")]
    assert "18:00" in cell and "Europe/Helsinki" in cell

    results = client.get("/api/events/").json()["results"]
    assert results[0]["start"] == expected.isoformat()
    assert results[0]["start"].endswith(offset[:3] + ":" + offset[3:])
    assert results[0]["event"]["time_zone"] == "Europe/Helsinki"


def test_an_event_in_the_site_zone_has_no_zone_label(client, publish):
    publish(title="Stickcafé", start_date=days(3))
    html = client.get("/sv/kalender/").content.decode()
    assert "Europe/Stockholm" not in html


def _count(client, path):
    # Counted as when nothing is kept yet: the calendar's filter choices are cached under the
    # content version, which these tests' publishes (no commit) never move.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_a_cancelled_date_reads_installt_in_swedish(client, publish):
    publish(
        title="Stickcafé",
        start_date=days(1),
        frequency="weekly",
        ends="after",
        count=2,
        rows={"cancellations": [EventCancellation(date=days(8))]},
    )
    html = client.get("/sv/kalender/").content.decode()
    assert ">Inställt</span>" in html
    assert "Avbrutet" not in html


def test_a_multi_day_event_in_the_list_shows_a_short_range(client, publish):
    start, end = days(2), days(40)
    publish(
        title="Julmarknad",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=start,
        end_date=end,
    )
    with translation.override("sv"):
        expected = date_range(start, end)
    assert expected.count(".") >= 1 and expected == expected.lower()
    assert expected in client.get("/sv/kalender/").content.decode()


def picture(description=""):
    return ImageFactory(description=description, file=get_test_image_file(size=(1600, 900)))


def meta(html, name):
    """The content of every <meta property|name=…> with that name, in order."""
    pattern = rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">'
    return re.findall(pattern, html)


def test_event_page_has_open_graph_and_twitter_tags(client, publish, en):
    page = publish(
        title='Konsert "Vår" <i>',
        summary="Körer & orkester.",
        start_date=days(5),
        image=picture("Kören på scenen"),
    )
    translate(page, en, {"Konsert": "Concert"})
    html = client.get(page.url).content.decode()
    assert meta(html, "og:title") == ["Konsert &quot;Vår&quot; &lt;i&gt;"]
    assert meta(html, "og:description") == ["Körer &amp; orkester."]
    assert meta(html, "og:type") == ["website"]
    assert meta(html, "og:url") == [f"http://testserver{page.url}"]
    assert meta(html, "og:locale") == ["sv_SE"]
    assert meta(html, "og:locale:alternate") == ["en_GB"]
    (image_url,) = meta(html, "og:image")
    assert image_url.startswith("http://testserver/") and "fill-1200x630" in image_url
    assert meta(html, "og:image:width") == ["1200"] and meta(html, "og:image:height") == ["630"]
    assert meta(html, "og:image:alt") == ["Kören på scenen"]
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert 'type="application/ld+json"' in html


def test_open_graph_without_image_or_translation(client, publish):
    page = publish(title="Stickcafé", start_date=days(5))
    html = client.get(page.url).content.decode()
    assert meta(html, "og:locale:alternate") == [] and meta(html, "og:image") == []
    assert meta(html, "twitter:card") == ["summary"]
    assert meta(html, "og:description") == ["Ett evenemang i bygden."]
    assert meta(html, "description") == ["Ett evenemang i bygden."]


def test_open_graph_reaches_a_hosts_own_base(client, publish, settings):
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0]["DIRS"], HOST_TEMPLATES]
    settings.TEMPLATES = templates
    settings.BYGD_BASE_TEMPLATE = "host_base.html"
    page = publish(title="Stickcafé", start_date=days(5))
    html = client.get(page.url).content.decode()
    assert "HOST-BASE-MARKER" in html
    assert meta(html, "og:title") == ["Stickcafé"]


def test_list_and_home_show_thumbnails_with_alt_and_size(client, publish, home):
    publish(title="Med bild", start_date=days(2), image=picture("Affisch med röd text"))
    publish(title="Dekorativ", start_date=days(3), image=picture(""))
    publish(title="Utan bild", start_date=days(4))
    for path in ("/sv/kalender/", "/sv/"):
        html = client.get(path).content.decode()
        images = re.findall(r'<img [^>]*class="thumbnail"[^>]*>', html)
        assert len(images) == 2, path
        first, second = images
        assert 'alt="Affisch med röd text"' in first and 'alt=""' in second
        for tag in images:
            assert 'loading="lazy"' in tag
            assert 'width="160"' in tag and 'height="120"' in tag


def test_thumbnails_keep_list_and_home_query_counts_flat(client, publish, home):
    def add(n, offset):
        for i in range(n):
            publish(start_date=days(1 + i + offset), image=picture(f"Bild {i}"))

    paths = ["/sv/kalender/", "/sv/"]
    add(2, 0)
    for path in paths:
        client.get(path)
    few = [_count(client, path) for path in paths]
    add(5, 10)
    for path in paths:
        client.get(path)  # renditions are made once, on the first view
    many = [_count(client, path) for path in paths]
    assert few == many


def test_home_shows_featured_events_first(client, publish, home):
    publish(title="Snart", start_date=days(1))
    publish(title="Utvalt senare", start_date=days(20), featured=True)
    html = client.get("/sv/").content.decode()
    assert html.index("Utvalt senare") < html.index("Snart")
    assert "Utvalt</span>" in html


def test_api_has_a_featured_field_and_filter(client, publish):
    publish(title="Snart", start_date=days(1))
    publish(title="Utvalt", start_date=days(2), featured=True)
    rows = client.get("/api/events/", {"featured": "true"}).json()["results"]
    assert [(row["event"]["title"], row["event"]["featured"]) for row in rows] == [("Utvalt", True)]
    rows = client.get("/api/events/", {"featured": "false"}).json()["results"]
    assert [row["event"]["title"] for row in rows] == ["Snart"]
    bad = client.get("/api/events/", {"featured": "kanske"})
    assert bad.status_code == 400 and "featured" in bad.json()["error"]["fields"]


def test_featured_is_on_the_promote_tab_and_shared_by_translations(publish, en):
    with translation.override("en"):
        tabs = {str(tab.heading): tab for tab in EventPage.edit_handler.children}
    promote = tabs["Promote"]
    names = [getattr(panel, "field_name", None) for panel in promote.children]
    assert "featured" in names
    page = publish(title="Vårkonsert", start_date=days(2), featured=True)
    translated = translate(page, en, {"Vårkonsert": "Spring concert"})
    assert translated.featured is True
