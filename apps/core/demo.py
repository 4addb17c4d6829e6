"""Helpers the apps' demo loaders share: bilingual texts and idempotent page creation."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale, Page

from apps.core.localize import translate


@dataclass(frozen=True)
class T:
    """A text in Swedish with its English translation."""

    sv: str
    en: str


def paragraphs(*texts):
    """StreamField paragraph blocks from T pairs; returns (sv blocks, sv→en strings)."""
    blocks = [("paragraph", f"<p>{text.sv}</p>") for text in texts]
    return blocks, {text.sv: text.en for text in texts}


def strings(*texts):
    return {text.sv: text.en for text in texts}


def locale(code):
    return Locale.objects.get(language_code=code)


def source_locale():
    return locale("sv") if "sv" in dict(settings.LANGUAGES) else Locale.get_default()


def get_or_add_child(parent, model, slug, log, **fields):
    """The child page with ``slug`` under ``parent``; created and published only if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"  created {model._meta.verbose_name} “{page.title}”")
    return page, True


def ensure_translations(instance, mapping, log):
    """Translate ``instance`` into every other configured language that has demo strings.

    ``mapping`` is {language code: {source text: translated text}}. Existing translations are
    left alone so that a second run never overwrites an editor's work.
    """
    for code, _name in settings.LANGUAGES:
        if code == instance.locale.language_code or code not in mapping:
            continue
        target_locale = locale(code)
        if instance.get_translation_or_none(target_locale) is not None:
            continue
        target = translate(instance, target_locale, mapping[code])
        log(f"  translated “{instance}” into {code}")
        if isinstance(target, Page):
            target.refresh_from_db()
