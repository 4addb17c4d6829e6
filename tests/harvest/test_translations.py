"""Which of a source's languages a harvest copies translations in (those this site has too),
and a translation that has no place here is skipped, named, and leaves nothing behind."""

from django.utils import translation

from apps.harvest.factories import HarvestSourceFactory
from apps.harvest.models import HarvestedItem
from apps.harvest.run import run_source
from apps.harvest.translations import languages
from apps.projects.factories import ProjectIndexPageFactory
from apps.projects.models import ProjectPage
from tests.harvest.stub_source import PROJECT, SITE, Stub, answers, listing, ok


def test_only_languages_this_site_has_besides_the_default(db):
    site = {"languages": [{"code": "sv"}, {"code": "en"}, {"code": "fi"}]}
    assert languages(site, "sv") == ["en"]


def test_a_source_that_lists_no_languages_has_no_translations_copied(db):
    for site in ({}, {"languages": None}, {"languages": ["en", {"name": "English"}]}):
        assert languages(site, "sv") == []


def test_a_translation_with_no_translated_parent_here_is_skipped_and_named(stub, home):
    ProjectIndexPageFactory(parent=home).save_revision().publish()
    base = answers(stub, ok(listing([PROJECT])))  # the same project in either language
    languages_listed = [{"code": "sv", "default": True}, {"code": "en", "default": False}]
    Stub.routes[("/api/site/", False)] = ok({**SITE, "languages": languages_listed})
    source = HarvestSourceFactory(base_url=base, kinds="projects")

    with translation.override("en"):
        summary = run_source(source)

    assert summary["kinds"]["projects"] == {"created": 1, "skipped": 1}
    assert summary["skipped"] == [
        "projects p-1 (en): Its parent page has no translation in English here."
    ]
    assert list(ProjectPage.objects.values_list("locale__language_code", flat=True)) == ["sv"]
    records = HarvestedItem.objects.filter(kind="projects").values_list("remote_id", flat=True)
    assert list(records) == ["p-1"]
