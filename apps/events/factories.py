import datetime

import factory
import wagtail_factories
from django.utils import timezone

from apps.events.models import (
    EventCategory,
    EventIndexPage,
    EventPage,
    OrganiserAccount,
    Venue,
)
from apps.network.factories import OrganisationFactory, municipality, swedish


class EventCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    locale = factory.LazyFunction(swedish)

    class Meta:
        model = EventCategory


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bygdegården {n}")
    address = "Storgatan 1"
    postcode = "598 30"
    town = "Vimmerby"
    municipality = factory.LazyFunction(lambda: municipality("0884"))
    latitude = "57.665000"
    longitude = "15.855000"
    locale = factory.LazyFunction(swedish)

    class Meta:
        model = Venue


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kalender"
    slug = "kalender"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Evenemang {n}")
    slug = factory.Sequence(lambda n: f"evenemang-{n}")
    summary = "Ett evenemang i bygden."
    organiser = factory.SubFactory(OrganisationFactory)
    venue = factory.SubFactory(VenueFactory)
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=7))
    start_time = datetime.time(18, 0)
    end_time = datetime.time(20, 0)
    time_zone = "Europe/Stockholm"

    class Meta:
        model = EventPage


class OrganiserAccountFactory(factory.django.DjangoModelFactory):
    """A verified organiser acting for a new organisation; the password is "portal-pass-1"."""

    user = factory.LazyFunction(
        lambda: _organiser_user(f"organiser{OrganiserAccountFactory._next()}@example.org")
    )
    organisation = factory.SubFactory(OrganisationFactory)
    role = "admin"
    language = "sv"
    email_verified_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = OrganiserAccount

    _counter = 0

    @classmethod
    def _next(cls):
        cls._counter += 1
        return cls._counter


PASSWORD = "portal-pass-1"  # noqa: S105 - test factories only


def _organiser_user(email):
    from apps.events.portal.accounts import create_user

    return create_user(email, "Organiser", PASSWORD)
