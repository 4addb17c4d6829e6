"""Editors preview drafts in the external frontend: the frontend gets the draft through an
expiring token, and nothing unpublished is reachable without one."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from apps.core.checks import check_settings
from apps.core.localize import translate
from apps.core.models import HeadlessPreview
from cms.factories import StandardPageFactory
from cms.settings.base import _preview_urls
from tests.cms.test_content_api_v2 import BUILDERS

FRONTENDS = {
    "sv": "https://front.example/forhandsvisning",
    "en": "https://front.example/en/preview?site=bygd",
}


@pytest.fixture
def frontends(settings):
    settings.BYGD_HEADLESS_PREVIEW_URLS = FRONTENDS


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "r@example.org", "x")


def _preview(page, editor):
    request = RequestFactory().get("/admin/")
    request.user = editor
    response = page.make_preview_request(request, "headless")
    response.render()
    src = re.search(r'<iframe src="([^"]+)"', response.content.decode()).group(1)
    return src.replace("&amp;", "&")


def _fetch(client, src):
    query = parse_qs(urlsplit(src).query)
    return client.get(
        "/api/v2/preview/",
        {"content_type": query["content_type"][0], "token": query["token"][0]},
    )


@pytest.mark.parametrize("page_type", sorted(BUILDERS))
def test_every_page_type_previews_its_unsaved_draft_in_both_languages(
    client, home_en, home, en, frontends, editor, page_type
):
    page = BUILDERS[page_type](home, 1)
    published_title = page.title
    english = translate(page, en, {page.title: f"{page.title} (en)"})
    for version, frontend in ((page, FRONTENDS["sv"]), (english, FRONTENDS["en"])):
        assert "headless" in [mode for mode, _label in version.preview_modes]
        version.title = "Ändrad rubrik som inte är sparad"
        src = _preview(version, editor)
        assert src.startswith(frontend)
        assert parse_qs(urlsplit(src).query)["locale"] == [version.locale.language_code]
        response = _fetch(client, src)
        assert response.status_code == 200
        body = response.json()
        assert body["title"] == "Ändrad rubrik som inte är sparad"
        assert body["meta"]["type"] == page_type
        assert body["meta"]["locale"] == version.locale.language_code
        assert "private" in response["Cache-Control"]
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == published_title


def test_index_and_home_pages_preview_too(client, home, frontends, editor):
    for page in Page.objects.live().specific():
        if page.depth > 1:
            assert _fetch(client, _preview(page, editor)).status_code == 200


def test_expired_wrong_or_missing_tokens_reveal_nothing(client, home, frontends, editor):
    src = _preview(BUILDERS["cms.StandardPage"](home, 1), editor)
    token = parse_qs(urlsplit(src).query)["token"][0]
    assert client.get("/api/v2/preview/").status_code == 404
    wrong_type = client.get(
        "/api/v2/preview/", {"content_type": "projects.projectpage", "token": token}
    )
    assert wrong_type.status_code == 404
    guessed = client.get(
        "/api/v2/preview/", {"content_type": "cms.standardpage", "token": token[:-2] + "xx"}
    )
    assert guessed.status_code == 404
    HeadlessPreview.objects.update(expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    expired = _fetch(client, src)
    assert expired.status_code == 404 and expired.json()["error"]["code"] == "not_found"


def test_unpublished_pages_are_not_in_the_content_api(client, home):
    draft = StandardPageFactory(parent=home, title="Hemligt utkast", slug="utkast", live=False)
    draft.save_revision()
    listed = client.get("/api/v2/pages/", {"type": "cms.StandardPage"}).json()
    assert "Hemligt utkast" not in [item["title"] for item in listed["items"]]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_without_a_frontend_the_mode_is_not_offered(home, settings):
    settings.BYGD_HEADLESS_PREVIEW_URLS = {}
    assert [mode for mode, _ in home.preview_modes] == [""]


def test_a_site_and_language_entry_beats_the_language_and_the_default(home, settings):
    settings.BYGD_HEADLESS_PREVIEW_URLS = {
        "*": "https://default.example/preview",
        "localhost/sv": "https://local.example/preview",
    }
    from apps.core.preview import frontend_url

    assert frontend_url(home) == "https://local.example/preview"


@pytest.mark.parametrize("raw", ["sv", "sv=ftp://x", "=https://x"])
def test_misconfigured_frontends_are_named_by_the_system_check(raw, settings):
    settings.BYGD_HEADLESS_PREVIEW_URLS = _preview_urls(raw)
    [error] = check_settings(None)
    assert error.msg.startswith("BYGD_HEADLESS_PREVIEW_URLS=")


def test_a_page_not_yet_saved_previews_as_wagtail_builds_it(client, home, frontends, editor):
    from cms.models import StandardPage

    page = StandardPage(title="Alldeles ny sida", slug="ny", locale=home.locale)
    page.depth = home.depth + 1
    page.path = Page._get_children_path_interval(home.path)[1]
    body = _fetch(client, _preview(page, editor)).json()
    assert body["title"] == "Alldeles ny sida" and body["meta"]["parent"]["id"] == home.pk
