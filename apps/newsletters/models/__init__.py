from apps.newsletters.models.consent import ConsentText
from apps.newsletters.models.delivery import (
    OPEN_STATES,
    Delivery,
    DeliveryStatus,
    Sending,
    SendingStatus,
)
from apps.newsletters.models.newsletter_list import NewsletterList
from apps.newsletters.models.newsletter_page import NewsletterArchivePage, NewsletterPage
from apps.newsletters.models.subscription import (
    Subscription,
    SubscriptionSource,
    SubscriptionStatus,
    Suppression,
)

__all__ = [
    "OPEN_STATES",
    "ConsentText",
    "Delivery",
    "DeliveryStatus",
    "NewsletterArchivePage",
    "NewsletterList",
    "NewsletterPage",
    "Sending",
    "SendingStatus",
    "Subscription",
    "SubscriptionSource",
    "SubscriptionStatus",
    "Suppression",
]
