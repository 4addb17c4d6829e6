import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from apps.events.factories import EventCategoryFactory, VenueFactory
from apps.portal.factories import PASSWORD, OrganiserAccountFactory
from apps.portal.moderation import GROUP_NAME, ensure_moderation
from tests.clock import TODAY


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderation(calendar):
    return ensure_moderation()


@pytest.fixture
def moderator(moderation):
    user = get_user_model().objects.create_user(
        "moderator", "moderator@example.org", "mod-pass-1", is_staff=False
    )
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    return user


@pytest.fixture
def organiser(calendar, moderation):
    return OrganiserAccountFactory()


@pytest.fixture
def other_organiser(calendar, moderation):
    return OrganiserAccountFactory()


@pytest.fixture
def venue(db):
    return VenueFactory()


@pytest.fixture
def category(db):
    return EventCategoryFactory(slug="musik", name="Musik")


def login(client, account):
    client.force_login(account.user)
    return client


@pytest.fixture
def organiser_client(client, organiser):
    return login(client, organiser)


def event_data(place, **overrides):
    """A valid portal form submission for a one-off evening event next week."""
    day = TODAY + datetime.timedelta(days=7)
    data = {
        "title_sv": "Allsång i bygdegården",
        "summary_sv": "Vi sjunger tillsammans.",
        "description_sv": "Ta med kaffe.\n\nAlla är välkomna.",
        "title_en": "",
        "summary_en": "",
        "description_en": "",
        "time_zone": "Europe/Stockholm",
        "start_date": day.isoformat(),
        "start_time": "18:00",
        "end_date": "",
        "end_time": "20:00",
        "frequency": "",
        "interval": "1",
        "monthly_by": "date",
        "ends": "never",
        "count": "",
        "until": "",
        "extra_dates": "",
        "excluded_dates": "",
        "attendance_mode": "offline",
        "venue": str(place.pk),
        "online_url": "",
        "audience": "all",
        "age_min": "",
        "age_max": "",
        "event_language": "sv",
        "is_free": "on",
        "price_amount": "",
        "price_currency": "SEK",
        "price_text": "",
        "registration_url": "",
        "registration_deadline": "",
        "image_description": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


__all__ = ["PASSWORD", "event_data", "login", "png_file"]


def png_file(name="bild.png", width=32, height=24, noise=False):
    """A real PNG made here, so tests need no image files; ``noise`` makes it incompressible,
    for a file larger than a limit."""
    import io
    import os

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    if noise:
        picture = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        picture = Image.new("RGB", (width, height), (200, 120, 40))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
