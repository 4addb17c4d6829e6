import datetime

import factory
import wagtail_factories
from django.utils import timezone

from apps.core.factories import LocaleFactory
from apps.events.models import (
    EventCategory,
    EventIndexPage,
    EventPage,
    Venue,
)
from apps.network.factories import OrganisationFactory, municipality


class EventCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    locale = factory.SubFactory(LocaleFactory)

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
    locale = factory.SubFactory(LocaleFactory)

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
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    start_time = datetime.time(18, 0)
    end_time = datetime.time(20, 0)
    time_zone = "Europe/Stockholm"

    class Meta:
        model = EventPage
