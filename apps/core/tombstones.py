"""Tombstones for incremental sync: a client that fetched `?modified_since=` yesterday must also
learn what disappeared since, or it keeps showing unpublished and deleted items for ever.

Apps register their public types with the API kind and the stable identifier clients know
(`register(ProjectPage, "project", lambda page: page.identifier)`); unpublishing or deleting
leaves a tombstone per language, publishing again removes it."""

from django.db.models.signals import post_delete
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from apps.core.models import Tombstone

KINDS = {}


def register(model, kind, identifier):
    KINDS[kind] = model
    uid = f"tombstone-{kind}"

    def unpublished(sender, instance, **kwargs):
        Tombstone.objects.update_or_create(
            kind=kind,
            identifier=str(identifier(instance)),
            language=instance.locale.language_code,
            defaults={"removed_at": timezone.now()},
        )

    def deleted(sender, instance, **kwargs):
        # A draft that was never public (or is already tombstoned) leaves nothing new to tell.
        if getattr(instance, "live", True):
            unpublished(sender, instance)

    def published(sender, instance, **kwargs):
        Tombstone.objects.filter(
            kind=kind,
            identifier=str(identifier(instance)),
            language=instance.locale.language_code,
        ).delete()

    post_delete.connect(deleted, sender=model, dispatch_uid=uid + "-deleted", weak=False)
    if issubclass(model, Page):
        page_unpublished.connect(unpublished, sender=model, dispatch_uid=uid + "-unpub", weak=False)
        page_published.connect(published, sender=model, dispatch_uid=uid + "-pub", weak=False)
