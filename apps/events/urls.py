"""Events' URLs outside the language prefix (include at the site root): the calendar feeds.
``api_urlpatterns`` (/api/events/, /api/events.geojson) are served under /api/ by ``apps.core.urls``; the calendar
pages themselves are Wagtail pages (EventIndexPage)."""

from django.urls import path
from rest_framework import routers

from apps.events import export, feeds
from apps.events.api.views import EventViewSet
from apps.events.geo import EventMapViewSet

router = routers.SimpleRouter()
router.register("events", EventViewSet, basename="event")

api_urlpatterns = [
    path("events.geojson", EventMapViewSet.as_view({"get": "geojson"}), name="events-geojson"),
    *router.urls,
]

urlpatterns = [
    path("calendar.ics", feeds.calendar_feed, name="calendar-ics"),
    path("calendar/all.ics", export.calendar_export, name="calendar-export"),
    path("calendar/<uuid:key>.ics", feeds.event_feed, name="event-ics"),
]
