"""The network directory has no URLs of its own outside its Wagtail pages (NetworkIndexPage
routes). ``api_urlpatterns`` (/api/places/, /api/organisations/) are served under /api/ by
``apps.core.urls``; ``urlpatterns`` is empty so every app can be included the same way."""

from rest_framework import routers

from apps.network.api import OrganisationViewSet, PlaceViewSet

router = routers.SimpleRouter()
router.register("places", PlaceViewSet, basename="place")
router.register("organisations", OrganisationViewSet, basename="organisation")

api_urlpatterns = router.urls

urlpatterns = []

# Names of the choice enums in the OpenAPI document (apps.core.urls collects them).
api_enum_overrides = {
    "PlaceKindEnum": "apps.network.models.places.PlaceKind",
    "OrganisationKindEnum": "apps.network.models.organisations.OrganisationKind",
}
