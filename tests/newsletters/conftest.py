import pytest

from apps.core.localize import translate


@pytest.fixture
def newsletter_list(sv, en):
    """A public list with an English translation and a consent text in each language."""
    from apps.newsletters.factories import ConsentTextFactory, NewsletterListFactory

    ConsentTextFactory(language="sv")
    ConsentTextFactory(language="en", text="I want the newsletter and can leave at any time.")
    newsletter = NewsletterListFactory(
        name="Sörmländska kulturtillgångar", slug="kulturtillgangar", description="Kulturliv."
    )
    translate(
        newsletter,
        en,
        {"Sörmländska kulturtillgångar": "Sörmland cultural assets", "Kulturliv.": "Culture."},
    )
    return newsletter


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The rate limiter counts in the cache; tests must not share each other's budget."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def issue(newsletter_list, home_en, home, en):
    """A published Swedish issue with an English translation, under the list's archive."""
    from apps.newsletters.factories import NewsletterArchivePageFactory, NewsletterPageFactory

    archive = NewsletterArchivePageFactory(
        parent=home, title="Nyhetsbrev", slug="nyhetsbrev", newsletter_list=newsletter_list
    )
    archive.save_revision().publish()
    translate(archive, en, {"Nyhetsbrev": "Newsletter", "nyhetsbrev": "newsletter"})
    page = NewsletterPageFactory(
        parent=archive,
        title="Frukostträff i mars",
        slug="frukosttraff",
        preheader="Digital frukost",
        body=[
            ("paragraph", "<p>Välkommen till frukostträffen.</p>"),
            ("paragraph", '<p><a href="/sv/">Bygd</a></p>'),
        ],
    )
    page.save_revision().publish()
    translate(
        page,
        en,
        {
            "Frukostträff i mars": "Breakfast meeting in March",
            "Digital frukost": "Digital breakfast",
            "Välkommen till frukostträffen.": "Welcome to the breakfast meeting.",
        },
    )
    page.refresh_from_db()
    return page
