import factory
import wagtail_factories

from apps.core.factories import LocaleFactory
from apps.network.models import (
    NetworkContact,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    PlaceKind,
)


def municipality(code):
    return Place.objects.get(kind=PlaceKind.MUNICIPALITY, code=code)


class LeaderAreaFactory(factory.django.DjangoModelFactory):
    kind = PlaceKind.LEADER_AREA
    country = "SE"
    code = factory.Sequence(lambda n: f"lag-{n}")
    name = factory.Sequence(lambda n: f"Leaderområde {n}")

    class Meta:
        model = Place


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bygdeförening {n}")
    slug = factory.Sequence(lambda n: f"bygdeforening-{n}")
    kind = OrganisationKind.ASSOCIATION
    country = "SE"
    municipality = factory.LazyFunction(lambda: municipality("0884"))
    description = "En förening som arbetar för bygden."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Organisation


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Projektledare"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "070-000 00 00"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Person


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nätverk"
    slug = "natverk"

    class Meta:
        model = NetworkIndexPage


class NetworkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nätverk {n}")
    slug = factory.Sequence(lambda n: f"natverk-{n}")
    purpose = "Att utbyta erfarenheter."

    class Meta:
        model = NetworkPage


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    role = "Medlem"

    class Meta:
        model = NetworkMembership


class NetworkContactFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)

    class Meta:
        model = NetworkContact
