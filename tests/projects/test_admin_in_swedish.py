"""The Swedish admin speaks Swedish where Wagtail and wagtail-localize ship English: the page
editor's autosave indicator, the empty choice of choice blocks, and the translation editor's
publish button."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.blocks import ChoiceBlock
from wagtail.users.models import UserProfile

from apps.core.upstream.admin_strings import UNTRANSLATED_UPSTREAM
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish_admin(client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "sv"
    profile.save()
    client.force_login(admin_user)
    return client


def test_every_upstream_string_bygd_supplies_has_swedish():
    with translation.override("sv"):
        missing = [s for s in UNTRANSLATED_UPSTREAM if gettext(s) == s]
    assert not missing


def test_the_page_editor_is_swedish(swedish_admin, project_index):
    page = make_project(project_index, title="Allt som sker", identifier="ALH-1")

    html = swedish_admin.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()

    assert "Autosave is paused" not in html
    assert not re.search(r">\s*Saved\s*<", html)
    assert "Automatisk sparning är pausad" in html
    assert re.search(r">\s*Sparat\s*<", html)
    assert "Publicera" in html


def test_choice_blocks_offer_their_empty_choice_in_swedish():
    """The level of a heading block, as the editor's block form shows it."""
    block = ChoiceBlock(choices=[("h2", "Nivå 2"), ("h3", "Nivå 3")], required=False)

    with translation.override("sv"):
        label = str(block.field.choices[0][1])

    assert label == "- Välj ett alternativ -"


def test_the_translation_editors_publish_button_keeps_its_space(swedish_admin):
    response = swedish_admin.get(reverse("wagtail_localize:javascript_catalog"))

    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", response.text, re.S)[1])
    assert catalogue["Publish in "] == "Publicera på "
