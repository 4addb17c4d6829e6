"""Create and sync wagtail-localize translations from code (demo content, imports, tests).

Going through wagtail-localize rather than writing the target object directly keeps the result
editable in its translation editor and lets "Sync translated pages" update the facts later.
Targets are saved and published through apps.core.upstream.localize_publish."""

from django.db import transaction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from apps.core.upstream.localize_publish import save_and_publish


@transaction.atomic
def translate(
    instance,
    locale,
    strings,
    *,
    user=None,
    publish=True,
    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    tool_name="",
):
    """Translate ``instance`` into ``locale`` using ``strings`` (source text → translated text).

    Segments without an entry keep the source text (wagtail-localize's fallback). Returns the
    saved target instance. Running it again updates the same target.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": translation_type,
                "tool_name": tool_name,
                "last_translated_by": user,
                "has_error": False,
            },
        )
    return save_and_publish(translation, user, publish)


def sync(instance, *, user=None, publish=True):
    """Re-read the source and update every enabled translation, as the admin's "Sync" does."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    targets = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        targets.append(save_and_publish(translation, user, publish))
    return targets
