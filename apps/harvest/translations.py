"""Copies of the translations a source has of its pages, in every other language this site has
too: each is made from the copy in the default language as a Wagtail translation of it (same
translation key, under the translation of its parent), and takes only the source's texts in
that language; the facts (an event's dates too) are the original's, shared as for any
translation here.

A translation's record is the item's identifier with ``@`` and the language, so detaching,
digests and removal work as for the originals. Removing an item on the source removes the copies
of all its translations with it."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from apps.harvest import copies_news
from apps.harvest.copies import PageCopies

#: Per kind: the texts a translation takes from the source (all else is the original's).
TEXTS = {
    "calls": ("title", "summary", "grant_basis"),
    "projects": ("title", "acronym", "summary"),
    "events": ("title", "summary"),
    "news": ("title", "lead", "byline"),
}


def languages(site, default):
    """The source's languages this site has too, other than the default one."""
    listed = site.get("languages") if isinstance(site.get("languages"), list) else []
    codes = {row.get("code") for row in listed if isinstance(row, dict)} - {default}
    return sorted(
        Locale.objects.filter(language_code__in=codes).values_list("language_code", flat=True)
    )


def key(remote_id, language):
    return f"{remote_id}@{language}"


def apply_translations(run, progress):
    for language, kinds in run.changes.translations.items():
        locale = Locale.objects.get(language_code=language)
        for kind in (kind for kind in run.copies if kind in kinds):
            before = Counter(run.counts[kind])
            changed, removed = kinds[kind]
            run.load_records(kind, [key(remote_id, language) for remote_id in [*changed, *removed]])
            for item in changed.values():
                upsert_or_skip(run, kind, item, locale)
            for remote_id in removed:
                if run.has_record(kind, key(remote_id, language)):
                    run.remove(kind, key(remote_id, language))
            progress(f"{kind} ({language})", run.counts[kind] - before)


def keys(run, remote_ids):
    """The records of the translations of these items, to load with theirs in one query."""
    return [
        key(remote_id, language)
        for remote_id in remote_ids
        for language in run.changes.translations
    ]


def remove_translations(run, kind, remote_id):
    for language in run.changes.translations:
        if run.has_record(kind, key(remote_id, language)):
            run.remove(kind, key(remote_id, language))


def upsert_or_skip(run, kind, item, locale):
    """A translation whose original has no copy here (the source has it only in this language,
    or it was skipped) is left out; so is one whose parent has no translation here."""
    original = run.existing_copy(kind, item.id)
    if original is None:
        return
    try:
        with transaction.atomic():
            upsert(run, kind, item, locale, original)
    except ValidationError as error:
        run.skip(kind, f"{item.id} ({locale.language_code})", error)


def upsert(run, kind, item, locale, original):
    copies, counts = run.copies[kind], run.counts[kind]
    remote_id = key(item.id, locale.language_code)
    texts = {name: item.data.get(name) or "" for name in TEXTS[kind] if name in item.data}
    if kind == "news":  # a post's body here is its lead
        texts["body"] = copies_news.body(texts["lead"])
    record = run.record(kind, remote_id)
    if record is None:
        if original.get_translation_or_none(locale) is not None:
            counts["detached"] += 1  # an editor here translated it: theirs, not overwritten
            return
        if original.get_parent().get_translation_or_none(locale) is None:
            raise ValidationError(
                _("Its parent page has no translation in %(language)s here.")
                % {"language": locale.get_display_name()}
            )
        translation = original.copy_for_translation(locale)
        PageCopies.update(copies, translation, texts)
        run.remember(kind, remote_id, item.url, translation, item.digest, identifier=item.id)
        counts["translated"] += 1
        return
    translation = run.local(kind, record)
    if record.stamp != copies.stamp(translation):
        counts["detached"] += 1
    elif record.digest != item.digest:
        PageCopies.update(copies, translation, texts)
        record.digest, record.stamp = item.digest, copies.stamp(translation)
        record.save(update_fields=["digest", "stamp"])
        counts["translation updated"] += 1
