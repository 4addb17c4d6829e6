import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from apps.core.localize import translate
from apps.events.models import EventPage
from apps.newsletters.blocks import ContentPageChooserBlock
from apps.newsletters.digest import draft_digest
from apps.newsletters.models import NewsletterPage, Sending, SendingStatus
from apps.newsletters.registry import NEWSLETTER_CONTENT
from apps.newsletters.rendering import RenderedIssue
from apps.projects.factories import FundingCallIndexPageFactory, NewsIndexPageFactory
from apps.projects.models import FundingCallPage, ProjectPostPage
from tests.clock import NOON
from tests.projects.conftest import make_call
from tests.projects.test_news import make_post

pytestmark = pytest.mark.django_db


LAST_ISSUE = NOON - datetime.timedelta(days=10)


@pytest.fixture
def news_index(home):
    index = NewsIndexPageFactory(parent=home, title="Nyheter", slug="nyheter")
    index.save_revision().publish()
    return index


@pytest.fixture
def call_index(home):
    index = FundingCallIndexPageFactory(parent=home, title="Utlysningar", slug="utlysningar")
    index.save_revision().publish()
    return index


def published_at(page, moment):
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    page.refresh_from_db()
    return page


def sent_before(issue, started_at):
    Sending.objects.create(
        page=issue,
        newsletter_list=issue.newsletter_list,
        status=SendingStatus.DONE,
        started_at=started_at,
    )


def open_call(call_index, title):
    return make_call(
        call_index,
        title=title,
        opens_date=datetime.date(2026, 1, 1),
        closes_date=(NOON + datetime.timedelta(days=60)).date(),
    )


def rendered_text(page):
    return RenderedIssue(NewsletterPage.objects.get(pk=page.pk), "sv").body_text


def test_digest_has_only_posts_published_since_the_last_issue(issue, news_index):
    sent_before(issue, LAST_ISSUE)
    published_at(make_post(news_index, "Gammal nyhet"), LAST_ISSUE - datetime.timedelta(days=3))
    make_post(news_index, "Ny nyhet om ängsslåtter")
    make_post(news_index, "Importerad från gamla sajten", date=datetime.date(2019, 5, 4))
    same_day = make_post(news_index, "Samma dag men tidigare", date=timezone.localdate(LAST_ISSUE))
    published_at(same_day, LAST_ISSUE - datetime.timedelta(minutes=5))

    text = rendered_text(draft_digest(issue.newsletter_list))

    assert "Ny nyhet om ängsslåtter" in text
    assert "Gammal nyhet" not in text
    assert "Importerad från gamla sajten" not in text, "new by publication date, not import"
    assert "Samma dag men tidigare" not in text


def test_digest_lists_upcoming_events_and_open_calls(issue, publish, call_index):
    sent_before(issue, LAST_ISSUE)
    published_at(publish(title="Slåtterdag på Ängön"), LAST_ISSUE - datetime.timedelta(days=20))
    published_at(open_call(call_index, "Bygdemedel 2027"), LAST_ISSUE - datetime.timedelta(days=90))

    text = rendered_text(draft_digest(issue.newsletter_list))

    assert "Upcoming events" not in text and "Kommande evenemang" in text
    assert "Slåtterdag på Ängön" in text
    assert "Bygdemedel 2027" in text


def test_digest_drafts_one_issue_per_list_in_the_lists_language(
    client, admin_user, issue, newsletter_list, en
):
    call_command("draft_newsletter_digest", "kulturtillgangar")
    [draft] = NewsletterPage.objects.filter(live=False)
    assert draft.locale.language_code == "sv"
    assert draft.get_parent().specific.locale.language_code == "sv"
    assert draft.title.startswith("Sörmländska kulturtillgångar – ")
    assert {block.value["heading"] for block in draft.body} >= {"Kommande evenemang"}

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    english_archive = issue.get_parent().get_translation(en)
    response = client.post(f"/admin/newsletters/digest/{english_archive.pk}/", {"days": 7})
    second = NewsletterPage.objects.filter(live=False).exclude(pk=draft.pk).get()
    assert response.url == f"/admin/pages/{second.pk}/edit/"
    assert second.locale.language_code == "sv" and "kulturtillgångar" in second.title


def test_the_digest_command_refuses_an_unknown_list(db):
    with pytest.raises(Exception, match="No newsletter list"):
        call_command("draft_newsletter_digest", "finns-inte")


def test_editors_pick_posts_events_and_calls_of_the_registered_types_only(home):
    block = ContentPageChooserBlock()
    assert set(block.target_models) == {ProjectPostPage, FundingCallPage, EventPage}
    assert "page_type" not in block.deconstruct()[2], "migrations stay free of other apps"
    with pytest.raises(ValidationError):
        block.clean(home)


def pick(issue, pages):
    issue.body = [
        (block.block_type, block.value)
        for block in issue.body
        if block.block_type != "chosen_content"
    ]
    issue.body.append(("chosen_content", {"heading": "Utvalt", "pages": list(pages)}))
    issue.save_revision().publish()
    issue.refresh_from_db()


def test_chosen_posts_events_and_calls_appear_in_the_issue(
    client, issue, news_index, publish, call_index, en
):
    post = make_post(news_index, "Byalaget bygger brygga")
    translate(post, en, {"Byalaget bygger brygga": "The village builds a jetty"})
    event = publish(title="Höstmarknad i Öja")
    call = open_call(call_index, "Stöd till föreningslokaler")
    pick(issue, [call, post, event])
    translate(issue, en, {"Frukostträff i mars": "Breakfast meeting in March"})

    sv = client.get("/sv/nyhetsbrev/frukosttraff/").text
    positions = [sv.index(title) for title in ("Stöd till", "Byalaget", "Höstmarknad")]
    assert positions == sorted(positions), "in the order the editor picked"
    en_issue = client.get("/en/newsletter/frukosttraff/").text
    assert "The village builds a jetty" in en_issue


def test_rendering_picked_and_listed_content_takes_the_same_queries_for_more_items(
    issue, news_index, publish, call_index
):
    for name in NEWSLETTER_CONTENT:
        issue.body.append(("site_content", {"heading": name, "source": name, "limit": 20}))

    def make(n):
        return [
            page
            for i in range(n)
            for page in (
                make_post(news_index, f"Nyhet {n}-{i}"),
                publish(title=f"Evenemang {n}-{i}"),
                open_call(call_index, f"Utlysning {n}-{i}"),
            )
        ]

    def queries():
        page = NewsletterPage.objects.get(pk=issue.pk)
        with CaptureQueriesContext(connection) as captured:
            RenderedIssue(page, "sv")
        return len(captured)

    picked = make(1)
    pick(issue, picked)
    few = queries()
    pick(issue, picked + make(2))
    assert queries() == few


def test_drafting_a_digest_needs_permission_and_valid_days(client, django_user_model, issue):
    from django.contrib.auth.models import Permission

    archive = issue.get_parent()
    url = f"/admin/newsletters/digest/{archive.pk}/"
    viewer = django_user_model.objects.create_user("läsare", "lasare@example.org", "pw")
    viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(viewer)
    assert client.post(url, {"days": 7}).url == "/admin/"
    assert not NewsletterPage.objects.filter(live=False).exists()

    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "pw"))
    response = client.post(url, {"days": 0})
    assert response.status_code == 400 and "days" in response.context["form"].errors
    assert not NewsletterPage.objects.filter(live=False).exists()
