import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from cms.models import HomePage, SiteFooter, StandardPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "slug", "locale__language_code", "live")),
        "revisions": Revision.objects.count(),
        "footers": SiteFooter.objects.count(),
        "sites": list(Site.objects.values_list("root_page_id", flat=True)),
    }


def test_load_demo_builds_a_bilingual_site(client):
    call_command("load_demo", stdout=io.StringIO())
    sv_home = HomePage.objects.get(locale__language_code="sv")
    en_home = HomePage.objects.get(locale__language_code="en")
    assert en_home.translation_key == sv_home.translation_key
    assert Site.objects.get(is_default_site=True).root_page_id == sv_home.pk
    assert StandardPage.objects.filter(locale__language_code="en", live=True).exists()
    assert client.get("/sv/").status_code == 200
    en = client.get("/en/")
    assert en.status_code == 200
    assert "Projects, events, funding calls and news" in en.text


def test_load_demo_twice_changes_nothing(tmp_path):
    with open(tmp_path / "out.txt", "w") as out:
        call_command("load_demo", stdout=out)
        first = snapshot()
        call_command("load_demo", stdout=out)
    assert snapshot() == first
    assert (tmp_path / "out.txt").read_text().strip().endswith("demo content already up to date")
