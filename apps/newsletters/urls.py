"""Newsletter URLs outside the language prefix (include at the site root): the RFC 8058
one-click unsubscribe endpoint, which mail programs call without a language or session.
The pages people see (signup, confirm, unsubscribe, my data) are in ``apps.newsletters.i18n_urls``,
to include inside ``i18n_patterns``. ``api_urlpatterns`` (/api/newsletter/lists/ and
/api/newsletter/subscriptions/) are served under /api/ by ``apps.core.urls``. Paths are not
translated so links in sent e-mails never change."""

from django.urls import path
from rest_framework import routers

from apps.newsletters import views
from apps.newsletters.api import NewsletterListViewSet, SubscriptionView

router = routers.SimpleRouter()
router.register("newsletter/lists", NewsletterListViewSet, basename="newsletter-list")

api_urlpatterns = [
    path("newsletter/subscriptions/", SubscriptionView.as_view(), name="newsletter-subscriptions"),
    *router.urls,
]

urlpatterns = [
    path(
        "newsletter/one-click/<str:token>/",
        views.one_click_unsubscribe,
        name="newsletter-one-click",
    ),
]
