"""Factories for organiser accounts: the one way tests and demo loaders build them."""

import factory
from django.utils import timezone

from apps.network.factories import OrganisationFactory
from apps.portal.models import (
    FeedSubscription,
    OrganiserAccount,
    OrganiserInvitation,
    TrustedOrganisation,
)


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


class TrustedOrganisationFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = TrustedOrganisation


class OrganiserInvitationFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"kollega{n}@example.org")

    class Meta:
        model = OrganiserInvitation


class FeedSubscriptionFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    url = factory.Sequence(lambda n: f"https://calendar.example.org/{n}.ics")

    class Meta:
        model = FeedSubscription


PASSWORD = "portal-pass-1"  # noqa: S105 - test factories only


def _organiser_user(email):
    from apps.portal.accounts import create_user

    return create_user(email, "Organiser", PASSWORD)
