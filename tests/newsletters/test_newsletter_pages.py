import pytest
from wagtail.test.utils import WagtailPageTestCase

from apps.network.factories import NetworkPageFactory
from apps.newsletters.factories import NewsletterPageFactory, SubscriptionFactory
from apps.newsletters.models import NewsletterArchivePage, NewsletterPage
from apps.newsletters.sending import schedule
from cms.models import HomePage

pytestmark = pytest.mark.django_db


class NewsletterPageRulesTests(WagtailPageTestCase):
    def test_issues_live_under_a_list_archive_under_the_home_page(self):
        self.assertAllowedParentPageTypes(NewsletterArchivePage, {HomePage})
        self.assertAllowedParentPageTypes(NewsletterPage, {NewsletterArchivePage})


def test_archive_shows_sent_issues_in_both_languages(client, issue):
    unsent = NewsletterPageFactory(parent=issue.get_parent(), title="Utkast", slug="utkast")
    unsent.save_revision().publish()
    schedule(issue, user=None)
    sv = client.get("/sv/nyhetsbrev/")
    en = client.get("/en/newsletter/")
    assert "Frukostträff i mars" in sv.text and "Utkast" not in sv.text
    assert "Breakfast meeting in March" in en.text and "Utkast" not in en.text
    assert client.get("/en/newsletter/frukosttraff/").status_code == 200


def test_archive_offers_the_signup_form_for_its_list(client, issue):
    response = client.get("/en/newsletter/")
    assert 'name="lists" value="kulturtillgangar"' in response.text
    assert "I want the newsletter and can leave at any time." in response.text


def test_network_page_offers_signup_for_the_lists_it_owns(client, network_index, newsletter_list):
    network = NetworkPageFactory(parent=network_index, title="Kulturnätverket", slug="kultur")
    network.save_revision().publish()
    newsletter_list.owner = network
    newsletter_list.save()
    response = client.get("/sv/natverk/kultur/")
    assert 'action="/sv/newsletter/signup/"' in response.text
    assert 'value="kulturtillgangar"' in response.text


def test_signup_block_in_a_page_body_renders_the_form(client, network_index, newsletter_list):
    network = NetworkPageFactory(
        parent=network_index,
        title="Lokal finansiering",
        slug="lokal-finansiering",
        body=[
            (
                "newsletter_signup",
                {"heading": "Följ projektet", "text": "", "newsletter_list": newsletter_list},
            )
        ],
    )
    network.save_revision().publish()
    response = client.get("/sv/natverk/lokal-finansiering/")
    assert "Följ projektet" in response.text
    assert 'name="website"' in response.text


def test_home_page_has_a_newsletter_section_for_site_wide_lists(client, home, newsletter_list):
    response = client.get("/sv/")
    assert 'action="/sv/newsletter/signup/"' in response.text
    assert "Sörmländska kulturtillgångar" in response.text


def test_a_sent_issue_shows_what_was_sent_whatever_is_edited_later(client, issue, en):
    from apps.newsletters.registry import NEWSLETTER_CONTENT, register_newsletter_content

    news = [{"title": "Skördefest i Öregrund 🍎", "url": "https://bygd.example/p/1/"}]
    register_newsletter_content("frozen-test", "Nytt", lambda **kwargs: list(news))
    try:
        issue.body.append(("site_content", {"heading": "Nytt", "source": "frozen-test"}))
        issue.save_revision().publish()
        SubscriptionFactory(newsletter_list=issue.newsletter_list)
        schedule(issue, user=None)

        news[0] = {"title": "Ett senare inlägg", "url": "https://bygd.example/p/2/"}
        issue.refresh_from_db()
        issue.title = "Omskriven rubrik"
        issue.body[0] = ("paragraph", "<p>Ändrad efter utskicket.</p>")
        issue.save_revision().publish()

        sv = client.get("/sv/nyhetsbrev/frukosttraff/").text
        assert "Frukostträff i mars" in sv and "Välkommen till frukostträffen." in sv
        assert "Skördefest i Öregrund 🍎" in sv
        assert "Omskriven rubrik" not in sv and "Ändrad efter utskicket." not in sv
        assert "Ett senare inlägg" not in sv
        en_page = client.get("/en/newsletter/frukosttraff/").text
        assert "Welcome to the breakfast meeting." in en_page
        assert "Ändrad efter utskicket." not in en_page
    finally:
        NEWSLETTER_CONTENT.pop("frozen-test")


def test_an_unsent_issue_shows_its_current_content(client, issue):
    issue.title = "Ny rubrik"
    issue.save_revision().publish()
    assert "Ny rubrik" in client.get("/sv/nyhetsbrev/frukosttraff/").text
