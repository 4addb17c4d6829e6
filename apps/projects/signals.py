"""Whenever a language version of a project is published: record how it came about and share
its facts with the other versions."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from apps.projects.models import CallSubmission, ProjectPage, ProjectTranslation, TranslationOrigin


def origin_of(page):
    """A copy wagtail-localize made without any of its strings translated is still the original's
    text ("Translate this page", then publish or sync): NONE, so it is shown as the original,
    marked, and never passed off as a translation."""
    if page.original_language in ("", page.locale.language_code):
        return TranslationOrigin.ORIGINAL
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    if source is None:
        return TranslationOrigin.HUMAN
    strings = StringSegment.objects.filter(source=source).values("string_id")
    kinds = set(
        StringTranslation.objects.filter(translation_of_id__in=strings, locale=page.locale)
        .values_list("translation_type", flat=True)
        .distinct()
    )
    if not kinds:
        return TranslationOrigin.NONE
    if StringTranslation.TRANSLATION_TYPE_MACHINE in kinds:
        return TranslationOrigin.MACHINE
    return TranslationOrigin.HUMAN


def record_translation_origin(sender, instance, **kwargs):
    page = instance.specific if not isinstance(instance, ProjectPage) else instance
    if not isinstance(page, ProjectPage):
        return
    ProjectTranslation.objects.update_or_create(
        translation_key=page.translation_key,
        locale=page.locale,
        defaults={"origin": origin_of(page)},
    )


def share_published_facts(sender, instance, revision, **kwargs):
    """On ``page_published`` rather than in ``ProjectPage.publish``: the admin's edit view and
    the publish API run Wagtail's publish action directly, without ``page.publish()``."""
    from apps.projects.facts import share_facts

    with transaction.atomic():
        published = ProjectPage.objects.filter(pk=instance.pk, live_revision=revision).first()
        if published is not None:
            share_facts(published)


def connect():
    page_published.connect(
        record_translation_origin, sender=ProjectPage, dispatch_uid="project-origin"
    )
    page_published.connect(share_published_facts, sender=ProjectPage, dispatch_uid="project-facts")
    post_delete.connect(delete_attachments, sender=CallSubmission, dispatch_uid="call-attachments")


def delete_attachments(sender, instance, **kwargs):
    """An application's files go with it (moderators delete applications in the admin)."""
    from apps.projects.calls.attachments import private_storage

    storage = private_storage()
    for stored in instance.attachments.values():
        storage.delete(stored)
