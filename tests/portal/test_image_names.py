"""An image sent with a submission is not at a predictable /media/ address before the event is
published: Wagtail would keep the upload's own name (``/media/original_images/affisch.png``) and
start every rendition's name with it, and the web server publishes MEDIA_ROOT as it is."""

import re

import pytest

from apps.events.models import EventPage
from tests.portal.conftest import event_data, png_file

pytestmark = pytest.mark.django_db


def test_a_submitted_image_and_its_renditions_are_not_at_the_uploaded_name(organiser_client, venue):
    data = event_data(venue, image_description="Affisch för höstmarknaden")
    data["image"] = png_file(name="hostmarknad-affisch.png")
    response = organiser_client.post("/sv/arrangor/events/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    image = EventPage.objects.latest("pk").get_latest_revision_as_object().image
    rendition = image.get_rendition("fill-160x120")

    for url in (image.file.url, rendition.url):
        assert "hostmarknad" not in url
        assert re.fullmatch(r"/media/(original_images|images)/[0-9a-f]{32}[.].*png", url), url
    assert image.title == "Affisch för höstmarknaden"


def test_an_editor_upload_gets_a_random_name_too(admin_client):
    """Editors' images for drafts go through Wagtail's own upload view."""
    from wagtail.images import get_image_model

    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Utkast", "file": png_file(name="hemligt-utkast.png"), "collection": 1},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Utkast")
    assert "hemligt" not in image.file.name
    assert re.fullmatch(r"original_images/[0-9a-f]{32}[.]png", image.file.name)


def test_a_host_may_keep_upload_names(settings, admin_client):
    from wagtail.images import get_image_model

    settings.BYGD_UNGUESSABLE_IMAGE_NAMES = False
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Namn", "file": png_file(name="eget-namn.png"), "collection": 1},
    )
    assert response.status_code == 302
    assert (
        get_image_model()
        .objects.get(title="Namn")
        .file.name.startswith("original_images/eget-namn")
    )
