"""Which of a source's languages a harvest copies translations in: those this site has too."""

from apps.harvest.translations import languages


def test_only_languages_this_site_has_besides_the_default(db):
    site = {"languages": [{"code": "sv"}, {"code": "en"}, {"code": "fi"}]}
    assert languages(site, "sv") == ["en"]


def test_a_source_that_lists_no_languages_has_no_translations_copied(db):
    for site in ({}, {"languages": None}, {"languages": ["en", {"name": "English"}]}):
        assert languages(site, "sv") == []
