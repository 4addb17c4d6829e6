"""Occurrences follow the pages: whatever changes what visitors can see (publishing, scheduled
go-live, unpublishing, expiry, deletion, view restrictions) re-syncs the event's translation group at once, inside
the same transaction, so a calendar never shows dates of a page that is gone.

Every one of these also moves the series' ``modified``, and so do edits of the venues,
categories and organisers events show, so ``modified_since`` reports any change a client shows,
not only new dates."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from apps.events.models import EventCategory, EventPage, Venue
from apps.events.occurrences import sync_series, touch_series
from apps.network.models import Organisation


def _sync(sender, instance, **kwargs):
    sync_series(instance.translation_key, touch=True)


def _restriction_changed(sender, instance, raw=False, **kwargs):
    """A view restriction hides (or shows again) every event below its page; no publish says so."""
    if raw:
        return
    pages = EventPage.objects.descendant_of(instance.page, inclusive=True)
    for key in pages.values_list("translation_key", flat=True).distinct():
        sync_series(key, touch=True)


def _touch_venue(sender, instance, raw=False, **kwargs):
    """Events at the venue, and events with a date moved there."""
    if raw:  # a fixture (``manage.py restore``) carries the events' own ``modified``
        return
    key = instance.translation_key
    touch_series(
        EventPage.objects.filter(
            Q(venue__translation_key=key) | Q(moved_dates__venue__translation_key=key)
        )
    )


def _touch_category(sender, instance, raw=False, **kwargs):
    """Category labels are shown by slug in every language, so any translation's edit counts."""
    if raw:
        return
    touch_series(EventPage.objects.filter(categories__category__slug=instance.slug))


def _touch_organiser(sender, instance, raw=False, **kwargs):
    if raw:
        return
    touch_series(EventPage.objects.filter(organiser__translation_key=instance.translation_key))


def connect():
    page_published.connect(_sync, sender=EventPage, dispatch_uid="events-published")
    page_unpublished.connect(_sync, sender=EventPage, dispatch_uid="events-unpublished")
    post_delete.connect(_sync, sender=EventPage, dispatch_uid="events-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"events-restriction-{signal is post_save}",
        )
    post_save.connect(_touch_venue, sender=Venue, dispatch_uid="events-venue-saved")
    post_save.connect(_touch_category, sender=EventCategory, dispatch_uid="events-category-saved")
    pre_delete.connect(
        _touch_category, sender=EventCategory, dispatch_uid="events-category-deleted"
    )
    post_save.connect(_touch_organiser, sender=Organisation, dispatch_uid="events-organiser-saved")
