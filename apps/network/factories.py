import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from apps.network.models import (
    ConsentText,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
    NewsletterArchivePage,
    NewsletterList,
    NewsletterPage,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    PlaceKind,
    Subscription,
    SubscriptionSource,
    SubscriptionStatus,
)


def swedish():
    return Locale.objects.get(language_code="sv")


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
    locale = factory.LazyFunction(swedish)

    class Meta:
        model = Organisation


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Projektledare"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "070-000 00 00"
    locale = factory.LazyFunction(swedish)

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


class NewsletterListFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nyhetsbrev {n}")
    slug = factory.Sequence(lambda n: f"nyhetsbrev-{n}")
    description = "Nyheter från projektet."
    sender_name = "Sörmländska kulturtillgångar"
    sender_email = "nyhetsbrev@bygd.example"
    locale = factory.LazyFunction(swedish)

    class Meta:
        model = NewsletterList


class ConsentTextFactory(factory.django.DjangoModelFactory):
    language = "sv"
    text = "Jag vill få nyhetsbrevet och vet att jag kan avsluta när som helst."

    class Meta:
        model = ConsentText


class SubscriptionFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"prenumerant{n}@example.org")
    newsletter_list = factory.SubFactory(NewsletterListFactory)
    status = SubscriptionStatus.CONFIRMED
    language = "sv"
    source = SubscriptionSource.FORM
    signed_up_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscription


class NewsletterArchivePageFactory(wagtail_factories.PageFactory):
    title = "Nyhetsbrev"
    slug = factory.Sequence(lambda n: f"nyhetsbrev-{n}")
    newsletter_list = factory.SubFactory(NewsletterListFactory)

    class Meta:
        model = NewsletterArchivePage


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhetsbrev nummer {n}")
    slug = factory.Sequence(lambda n: f"nummer-{n}")
    preheader = "Frukostträffar och nya resultat."

    class Meta:
        model = NewsletterPage
