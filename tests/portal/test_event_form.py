"""The event form as a volunteer meets it: "Once" unless asked otherwise, the times before the
time zone, problems listed at the top and linked to their fields, the region's places first,
honest upload limits and an image description that becomes the alt text."""

import json
import re

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from apps.events.factories import VenueFactory
from apps.events.models import EventPage
from apps.network.factories import municipality
from apps.network.models import Place, PlaceKind
from tests.portal.conftest import event_data, png_file

pytestmark = pytest.mark.django_db

NEW = "/sv/arrangor/events/new/"


def saved(client, data):
    response = client.post(NEW, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return EventPage.objects.latest("pk").get_latest_revision_as_object()


def failed(client, data):
    response = client.post(NEW, data)
    assert response.status_code == 400
    return response.content.decode()


def test_once_is_chosen_and_the_repeat_rule_is_shown_by_a_script_file(organiser_client):
    html = organiser_client.get(NEW).content.decode()
    assert re.search(r'<input type="radio" name="repeats" value="once"[^>]*checked', html)
    assert re.search(r'<input type="radio" name="repeats" value="repeats"(?![^>]*checked)', html)
    assert 'id="repeat-rule" data-repeat-rule' in html
    assert "Fyll bara i om evenemanget upprepas" in html, "the note for a browser without script"
    assert re.search(r'<script src="/static/portal/event-form\.js[^"]*" defer>', html)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "no inline script (CSP)"
    assert not re.search(r"\son[a-z]+=", html), "no inline event handler (CSP)"
    assert " style=" not in html, "no inline style (CSP)"


def test_once_ignores_whatever_the_repeat_fields_hold(organiser_client, venue):
    data = event_data(
        venue,
        repeats="once",
        frequency="weekly",
        weekdays=["TU"],
        ends="after",
        count="not a number",
        excluded_dates="next Tuesday",
        extra_dates="2031-01-01",
    )
    page = saved(organiser_client, data)
    assert page.frequency == "" and page.weekdays == [] and page.count is None
    assert not page.excluded_dates.exists() and not page.extra_dates.exists()


def test_repeats_keeps_the_rule(organiser_client, venue):
    data = event_data(
        venue, repeats="repeats", frequency="weekly", weekdays=["TU"], ends="after", count="5"
    )
    page = saved(organiser_client, data)
    assert (page.frequency, page.weekdays, page.count) == ("weekly", ["TU"], 5)
    edit = organiser_client.get(f"/sv/arrangor/events/{page.pk}/edit/").content.decode()
    assert re.search(r'name="repeats" value="repeats"[^>]*checked', edit)


def test_repeats_without_a_rule_or_dates_says_what_to_do(organiser_client, venue):
    html = failed(organiser_client, event_data(venue, repeats="repeats", frequency=""))
    assert "Välj hur ofta evenemanget upprepas" in html


def test_the_time_zone_comes_after_the_times_and_is_the_sites(organiser_client, settings):
    settings.TIME_ZONE = "Europe/Helsinki"
    html = organiser_client.get(NEW).content.decode()
    assert html.index('name="end_time"') < html.index('name="time_zone"')
    assert '<option value="Europe/Helsinki" selected>' in html


def test_a_failed_submission_lists_each_problem_at_the_top_linked_to_its_field(
    organiser_client, venue
):
    html = failed(organiser_client, event_data(venue, summary_sv="", repeats="sometimes"))
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', html, re.S).group()
    assert "Det finns ett problem" in summary
    assert html.index("error-summary") < html.index('name="title_sv"')
    assert '<a href="#id_summary_sv">Sammanfattning (Svenska): ' in summary
    assert '<a href="#id_repeats_0">' in summary, "a radio group links to its first button"
    field = re.search(r'<textarea name="summary_sv"[^>]*>', html).group()
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_summary_sv_error"' in field
    assert 'id="id_summary_sv_error"' in html
    assert 'aria-invalid="true"' not in re.search(r'<input[^>]*name="title_sv"[^>]*>', html).group()


def test_other_portal_forms_share_the_summary(client):
    html = client.post("/sv/arrangor/signup/", {"email": "fel"}).content.decode()
    assert "Det finns ett problem" in html and '<a href="#id_email">' in html


def datalist(html, field):
    found = re.search(rf'<datalist id="id_{field}_options">(.*?)</datalist>', html, re.S)
    return re.findall(r'<option value="([^"]*)">', found.group(1))


def test_the_regions_municipalities_come_first_and_others_stay_possible(
    organiser_client, venue, settings
):
    settings.BYGD_PORTAL_REGION = "SE-08"
    html = organiser_client.get(NEW).content.decode()
    options = datalist(html, "new_venue_municipality")
    kalmar_lan = set(
        Place.objects.filter(kind=PlaceKind.MUNICIPALITY, parent__identifier="SE-08").values_list(
            "name", flat=True
        )
    )
    assert set(options[: len(kalmar_lan)]) == kalmar_lan
    assert options.index("Vimmerby") < options.index("Ale") and "Stockholm" in options
    assert 'list="id_new_venue_municipality_options"' in html

    new_venue = {"venue": "", "new_venue_name": "Folkets hus", "new_venue_town": "Solna"}
    page = saved(organiser_client, event_data(venue, new_venue_municipality="solna", **new_venue))
    assert page.venue.municipality == municipality("0184")
    html = failed(
        organiser_client, event_data(venue, new_venue_municipality="Atlantis", **new_venue)
    )
    assert "”Atlantis” är inte en kommun vi känner till" in html.replace("“", "”")


def test_venues_in_the_region_are_listed_before_the_others(organiser_client, venue, settings):
    settings.BYGD_PORTAL_REGION = "SE-08"
    far = VenueFactory(name="Aula Magna", municipality=municipality("0180"))
    html = organiser_client.get(NEW).content.decode()
    select = re.search(r'<select name="venue".*?</select>', html, re.S).group()
    assert select.index('<optgroup label="Kalmar län">') < select.index(venue.name)
    assert select.index(venue.name) < select.index('<optgroup label="Andra platser">')
    assert select.index('<optgroup label="Andra platser">') < select.index(far.name)


def test_without_a_region_municipalities_are_in_name_order(organiser_client, settings):
    settings.BYGD_PORTAL_REGION = ""
    options = datalist(organiser_client.get(NEW).content.decode(), "new_venue_municipality")
    assert options == sorted(options, key=lambda name: Place.objects.get(name=name).name)
    assert options[0] == Place.objects.municipalities().order_by("name").first().name


def test_the_image_description_becomes_the_alt_text_and_json_ld_has_the_image(
    organiser_client, venue
):
    description = "Barn som dansar kring midsommarstången"
    data = event_data(venue, image_description=description)
    data["image"] = png_file()
    page = saved(organiser_client, data)
    assert page.image.description == description
    page.get_latest_revision().publish()
    html = organiser_client.get(EventPage.objects.get(pk=page.pk).url).content.decode()
    assert re.search(rf'<img src="[^"]+" width="\d+" height="\d+" alt="{description}">', html)
    json_ld = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert re.match(r"http://testserver/.+\.fill-1200x675", json_ld["image"][0])


def test_the_upload_limit_shown_is_the_one_enforced(organiser_client, venue, settings):
    settings.BYGD_PORTAL_IMAGE_MAX_BYTES = 3000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024**2
    with translation.override("sv"):
        limit = filesizeformat(3000)
    html = organiser_client.get(NEW).content.decode()
    help_text = re.search(r'id="id_image_helptext">([^<]*)<', html).group(1)
    assert limit in help_text and "PNG" in help_text and "JPG" in help_text

    data = event_data(venue, image_description="Brus")
    data["image"] = png_file(width=64, height=64, noise=True)
    html = failed(organiser_client, data)
    error = re.search(r'<ul class="errorlist" id="id_image_error"><li>([^<]*)<', html).group(1)
    assert f"gränsen är {limit}" in error

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2000
    with translation.override("sv"):
        smaller = filesizeformat(2000)
    html = organiser_client.get(NEW).content.decode()
    assert smaller in re.search(r'id="id_image_helptext">([^<]*)<', html).group(1)
