"""Factories for newsletter lists, consent texts, subscriptions and newsletter pages: the one way
tests and demo loaders build them."""

import factory
import wagtail_factories
from django.utils import timezone

from apps.core.factories import LocaleFactory
from apps.newsletters.models import (
    ConsentText,
    Delivery,
    NewsletterArchivePage,
    NewsletterList,
    NewsletterPage,
    Sending,
    SendingStatus,
    Subscription,
    SubscriptionSource,
    SubscriptionStatus,
    Suppression,
)


class NewsletterListFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nyhetsbrev {n}")
    slug = factory.Sequence(lambda n: f"nyhetsbrev-{n}")
    description = "Nyheter från projektet."
    sender_name = "Sörmländska kulturtillgångar"
    sender_email = "nyhetsbrev@bygd.example"
    locale = factory.SubFactory(LocaleFactory)

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


class SuppressionFactory(factory.django.DjangoModelFactory):
    digest = factory.Sequence(lambda n: f"{n:064x}")

    class Meta:
        model = Suppression


class SendingFactory(factory.django.DjangoModelFactory):
    """A sending of ``page`` due now and not yet started (as ``schedule`` records it before its
    task runs)."""

    page = factory.SubFactory(NewsletterPageFactory)
    newsletter_list = factory.LazyAttribute(
        lambda sending: sending.page.specific.newsletter_list.original
    )
    status = SendingStatus.SCHEDULED
    scheduled_for = factory.LazyFunction(timezone.now)

    class Meta:
        model = Sending


class DeliveryFactory(factory.django.DjangoModelFactory):
    sending = factory.SubFactory(SendingFactory)
    subscription = factory.SubFactory(
        SubscriptionFactory,
        newsletter_list=factory.SelfAttribute("..sending.newsletter_list"),
    )
    language = "sv"

    class Meta:
        model = Delivery
