from apps.network.models.consent import ConsentText
from apps.network.models.delivery import Delivery, DeliveryStatus, Sending, SendingStatus
from apps.network.models.network_pages import (
    NetworkContact,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
    NetworkPlace,
)
from apps.network.models.newsletter_list import NewsletterList
from apps.network.models.newsletter_page import NewsletterArchivePage, NewsletterPage
from apps.network.models.organisations import Organisation, OrganisationKind
from apps.network.models.people import Person
from apps.network.models.places import Place, PlaceKind
from apps.network.models.subscription import (
    Subscription,
    SubscriptionSource,
    SubscriptionStatus,
    Suppression,
)

__all__ = [
    "ConsentText",
    "Delivery",
    "DeliveryStatus",
    "NetworkContact",
    "NetworkIndexPage",
    "NetworkMembership",
    "NetworkPage",
    "NetworkPlace",
    "NewsletterArchivePage",
    "NewsletterList",
    "NewsletterPage",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Place",
    "PlaceKind",
    "Sending",
    "SendingStatus",
    "Subscription",
    "SubscriptionSource",
    "SubscriptionStatus",
    "Suppression",
]
