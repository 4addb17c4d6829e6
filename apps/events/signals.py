"""Occurrences follow the pages: whatever changes what visitors can see (publishing, scheduled
go-live, unpublishing, expiry, deletion) re-syncs the event's translation group at once, inside
the same transaction, so a calendar never shows dates of a page that is gone."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from apps.events.models import EventPage
from apps.events.occurrences import sync_series


def _sync(sender, instance, **kwargs):
    sync_series(instance.translation_key)


def connect():
    page_published.connect(_sync, sender=EventPage, dispatch_uid="events-published")
    page_unpublished.connect(_sync, sender=EventPage, dispatch_uid="events-unpublished")
    post_delete.connect(_sync, sender=EventPage, dispatch_uid="events-deleted")
