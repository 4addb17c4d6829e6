"""wagtail-localize's translation editor, through the HTTP calls its JavaScript makes: "Translate
this page" (a form POST), each string saved as a multipart PUT with the session and the CSRF
header, overrides of synchronised fields the same way, then "Publish" (a form POST). And what
visitors and API clients see of a translation at each step: a copy with no string translated is
still the Swedish original, marked; a person's strings make it `human`, a machine's `machine`."""

import pytest
from django.test import Client
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from apps.core.localize import sync
from apps.projects.models import ProjectPage, ProjectTranslation
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db

BOUNDARY = "BoUnDaRyStRiNg"


@pytest.fixture
def editor(admin_user):
    """The admin, with the CSRF checks a browser gets (DRF's session authentication enforces
    them on the editor's PUTs)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    return client


@pytest.fixture
def project(project_index):
    return make_project(project_index, title="Allt som sker", identifier="ALH-1")


def csrf(client):
    client.get(reverse("wagtailadmin_home"))
    return client.cookies["csrftoken"].value


def translate_this_page(client, page, locale):
    """The "Translate this page" form: creates the English copy as a draft."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale.id], "csrfmiddlewaretoken": csrf(client)},
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def put_form(client, url, value):
    """What the editor's JavaScript sends for one field: FormData with `value`."""
    return client.put(
        url,
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT.replace("BoUnDaRyStRiNg", BOUNDARY),
        headers={"X-CSRFToken": csrf(client)},
    )


def save_string(client, translation, source_text, value):
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
    return put_form(client, url, value)


def publish_in_editor(client, translation, capture):
    target = translation.get_target_instance()
    with capture(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.id]),
            {"action": "publish", "csrfmiddlewaretoken": csrf(client)},
        )
    assert response.status_code == 302
    return ProjectPage.objects.get(pk=target.pk)


def english_api(client):
    return {
        r["identifier"]: r for r in client.get("/api/projects/", {"locale": "en"}).json()["results"]
    }


def test_saving_a_string_in_the_editor_is_accepted_and_stored(editor, project, en):
    translation = translate_this_page(editor, project, en)

    response = save_string(editor, translation, "Allt som sker", "Everything that happens")

    assert response.status_code == 201, response.content
    assert response.json()["data"] == "Everything that happens"
    again = save_string(editor, translation, "Allt som sker", "All that happens")
    assert again.status_code == 200
    assert again.json()["data"] == "All that happens"


def test_deleting_a_string_translation_in_the_editor(editor, project, en):
    translation = translate_this_page(editor, project, en)
    save_string(editor, translation, "Allt som sker", "Everything that happens")
    segment = StringSegment.objects.get(source=translation.source, string__data="Allt som sker")

    response = editor.delete(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
        headers={"X-CSRFToken": csrf(editor)},
    )

    assert response.status_code == 200
    assert response.json()["data"] == "Everything that happens"


def test_overriding_a_synchronised_field_in_the_editor(editor, project, en):
    translation = translate_this_page(editor, project, en)
    segment = OverridableSegment.objects.filter(source=translation.source).first()
    if segment is None:
        pytest.skip("the project has no overridable segment")
    url = reverse("wagtail_localize:edit_override", args=[translation.id, segment.id])

    response = put_form(editor, url, segment.data)

    assert response.status_code == 201, response.content


def test_the_editor_refuses_a_put_without_the_csrf_token(editor, project, en):
    translation = translate_this_page(editor, project, en)
    segment = StringSegment.objects.get(source=translation.source, string__data="Allt som sker")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])

    response = editor.put(
        url,
        encode_multipart(BOUNDARY, {"value": "x"}),
        content_type=MULTIPART_CONTENT.replace("BoUnDaRyStRiNg", BOUNDARY),
    )

    assert response.status_code == 403


def test_anonymous_clients_cannot_save_strings(client, editor, project, en):
    translation = translate_this_page(editor, project, en)
    segment = StringSegment.objects.get(source=translation.source, string__data="Allt som sker")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])

    response = client.put(
        url,
        encode_multipart(BOUNDARY, {"value": "x"}),
        content_type=MULTIPART_CONTENT.replace("BoUnDaRyStRiNg", BOUNDARY),
    )

    assert response.status_code == 302  # to the admin's login
    assert not translation.source.stringsegment_set.filter(string__translations__data="x").exists()


def test_strings_saved_and_published_in_the_editor_show_in_english(
    editor, client, project, en, django_capture_on_commit_callbacks
):
    translation = translate_this_page(editor, project, en)
    assert (
        save_string(editor, translation, "Allt som sker", "Everything that happens").status_code
        == 201
    )
    assert save_string(editor, translation, "Om Allt som sker.", "About it.").status_code == 201

    page = publish_in_editor(editor, translation, django_capture_on_commit_callbacks)

    assert page.live and page.title == "Everything that happens"
    html = client.get(page.url).content.decode()
    assert "About it." in html and "På svenska" not in html and "In Swedish" not in html
    row = english_api(client)["ALH-1"]
    assert row["title"] == "Everything that happens"
    assert row["is_fallback"] is False
    assert row["translation_origin"] == "human"


def test_an_untranslated_copy_stays_swedish_and_marked(
    editor, client, project, en, django_capture_on_commit_callbacks
):
    """Translate this page, then publish without translating a string."""
    translation = translate_this_page(editor, project, en)

    page = publish_in_editor(editor, translation, django_capture_on_commit_callbacks)

    origin = ProjectTranslation.objects.get(translation_key=page.translation_key, locale=en)
    assert origin.origin == "none"
    html = client.get(page.url).content.decode()
    assert 'lang="sv"' in html and "In Swedish" in html
    listing = client.get("/en/projects/").content.decode()
    assert "Allt som sker" in listing and "In Swedish" in listing
    row = english_api(client)["ALH-1"]
    assert row["is_fallback"] is True
    assert row["locale"] == "sv"
    assert row["translation_origin"] != "human"
    detail = client.get("/api/projects/ALH-1/", {"locale": "en"}).json()
    assert detail["is_fallback"] is True and detail["available_languages"] == ["sv"]


def test_sync_without_translated_strings_is_not_a_translation(client, project, en):
    source, _created = TranslationSource.get_or_create_from_instance(project)
    translation = Translation.objects.create(source=source, target_locale=en, enabled=True)
    translation.save_target(publish=False)

    sync(project)

    page = Page.objects.get(translation_key=project.translation_key, locale=en)
    assert page.live
    row = english_api(client)["ALH-1"]
    assert row["is_fallback"] is True and row["translation_origin"] == "original"


def test_machine_translation_is_marked_machine(
    editor, client, project, en, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    translation = translate_this_page(editor, project, en)

    response = editor.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]),
        {"csrfmiddlewaretoken": csrf(editor)},
    )
    assert response.status_code == 302
    page = publish_in_editor(editor, translation, django_capture_on_commit_callbacks)

    assert page.title == "sker som Allt"  # the dummy translator reverses the words
    row = english_api(client)["ALH-1"]
    assert row["is_fallback"] is False and row["translation_origin"] == "machine"
    assert "Machine-translated" in client.get(page.url).content.decode()
