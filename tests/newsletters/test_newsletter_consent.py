import pytest

from apps.newsletters.factories import ConsentTextFactory, SubscriptionFactory
from apps.newsletters.models import ConsentText

pytestmark = pytest.mark.django_db


def test_editing_a_consent_text_adds_a_version_and_keeps_the_agreed_wording(newsletter_list):
    shown = ConsentText.objects.current("sv")
    row = SubscriptionFactory(newsletter_list=newsletter_list, consent_text=shown)
    shown.text = "Ny formulering."
    shown.save()
    row.refresh_from_db()
    assert row.consent_text.version == 1
    assert row.consent_text.text.startswith("Jag vill få nyhetsbrevet")
    assert ConsentText.objects.current("sv").version == 2
    assert ConsentText.objects.current("sv").text == "Ny formulering."


def test_missing_language_falls_back_to_the_default_languages_consent_text(db):
    ConsentTextFactory(language="sv")
    assert ConsentText.objects.current("en").language == "sv"
