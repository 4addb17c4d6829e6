"""An editor translates a page with wagtail-localize, then the source changes and is synced."""

import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from apps.core.localize import sync, translate
from cms.factories import StandardPageFactory
from cms.models import SiteFooter

pytestmark = pytest.mark.django_db


def test_translation_is_created_linked_and_published(home, en):
    page = StandardPageFactory(
        parent=home, title="Kalendern", slug="kalendern", listing_summary="Alla evenemang i bygden."
    )
    page.save_revision().publish()
    translate(home, en, {"hem": "home"})
    target = translate(
        page,
        en,
        {
            "Kalendern": "The calendar",
            "kalendern": "calendar",
            "Alla evenemang i bygden.": "All events in the area.",
        },
    )
    assert target.locale == en
    assert target.translation_key == page.translation_key
    assert target.live
    assert target.title == "The calendar"
    assert target.listing_summary == "All events in the area."
    assert Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=en
    ).exists()


def test_sync_brings_source_changes_into_the_translation(home, en):
    page = StandardPageFactory(
        parent=home,
        title="Kalendern",
        slug="kalendern",
        listing_summary="Alla evenemang.",
        show_in_menus=False,
    )
    page.save_revision().publish()
    translate(home, en, {"hem": "home"})
    translate(page, en, {"Kalendern": "The calendar", "Alla evenemang.": "All events."})

    page.listing_summary = "Alla evenemang och möten."
    page.show_in_menus = True
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key)
    source.update_from_db()
    segment = source.stringsegment_set.get(string__data="Alla evenemang och möten.")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=en,
        context=segment.context,
        data="All events and meetings.",
        translation_type="manual",
    )
    (target,) = sync(page)

    target.refresh_from_db()
    assert target.listing_summary == "All events and meetings."
    assert target.title == "The calendar"
    assert target.show_in_menus is True, "non-text facts follow the source"


def test_untranslated_new_text_falls_back_to_the_source_until_translated(home, en):
    page = StandardPageFactory(
        parent=home, title="Kalendern", slug="kalendern", listing_summary="Alla evenemang."
    )
    page.save_revision().publish()
    translate(home, en, {"hem": "home"})
    translate(page, en, {"Kalendern": "The calendar", "Alla evenemang.": "All events."})
    page.listing_summary = "Ny text."
    page.save_revision().publish()
    (target,) = sync(page)
    target.refresh_from_db()
    assert target.listing_summary == "Ny text."
    assert target.title == "The calendar"


def test_snippets_are_translatable(sv, en):
    footer = SiteFooter.objects.create(locale=sv, text="<p>Fri programvara.</p>")
    translated = translate(footer, en, {"Fri programvara.": "Free software."})
    assert translated.locale == en
    assert translated.text == "<p>Free software.</p>"
