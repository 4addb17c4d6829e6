import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase

from apps.core.localize import translate
from apps.network.factories import PersonFactory
from apps.projects.factories import NewsIndexPageFactory, PostAuthorFactory, ProjectPostPageFactory
from apps.projects.models import NewsIndexPage, ProjectPage, ProjectPostPage
from cms.models import HomePage
from tests.projects.conftest import make_project


class PostPageRulesTests(WagtailPageTestCase):
    def test_posts_live_under_projects_and_the_news_index(self):
        self.assertAllowedParentPageTypes(ProjectPostPage, {ProjectPage, NewsIndexPage})
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProjectPage, {ProjectPostPage})


def make_post(
    parent,
    title,
    *,
    slug=None,
    date=None,
    tags=(),
    publish=True,
    go_live_at=None,
    author=None,
    image=None,
):
    post = ProjectPostPageFactory.build(
        image=image,
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        lead=f"Ingress {title}.",
        body=[("paragraph", "<p>" + "ord " * 450 + "</p>")],
        date=date,
        go_live_at=go_live_at,
    )
    post.tags.add(*tags)
    if author:
        post.authors.add(PostAuthorFactory.build(person=author))
    parent.add_child(instance=post)
    revision = post.save_revision()
    if publish:
        revision.publish()
    post.refresh_from_db()
    return post


@pytest.fixture
def news(project_index, themes, home, en):
    index = NewsIndexPageFactory(parent=home, title="Nyheter", slug="nyheter")
    index.save_revision().publish()
    translate(index, en, {"Nyheter": "News", "nyheter": "news"})
    project = make_project(
        project_index, title="Allt som sker", identifier="ALH-1", themes=[themes["events"]]
    )
    other = make_project(
        project_index, title="Kultur", identifier="K-1", themes=[themes["culture"]]
    )
    author = PersonFactory(name="Cathrine Jansson")
    first = make_post(
        project, "Ny plattform", date=datetime.date(2017, 11, 20), tags=["kalender"], author=author
    )
    make_post(project, "Tjugo evenemang", date=datetime.date(2018, 6, 12), tags=["evenemang"])
    make_post(other, "Frukostträff", date=datetime.date(2022, 2, 8), tags=["kalender"])
    make_post(index, "Bygd startar", date=datetime.date(2023, 1, 1))
    translate(
        first,
        en,
        {"Ny plattform": "A new platform", "Ingress Ny plattform.": "Lead of a new platform."},
    )
    return {"project": project, "first": first, "index": index}


def titles(response):
    return [post["title"] for post in response.json()["results"]]


@pytest.mark.django_db
def test_news_api_filters(client, news):
    assert titles(client.get("/api/news/")) == [
        "Bygd startar",
        "Frukostträff",
        "Tjugo evenemang",
        "Ny plattform",
    ]
    assert titles(client.get("/api/news/", {"project": "ALH-1"})) == [
        "Tjugo evenemang",
        "Ny plattform",
    ]
    assert titles(client.get("/api/news/", {"tag": "kalender"})) == ["Frukostträff", "Ny plattform"]
    assert titles(client.get("/api/news/", {"theme": "culture"})) == ["Frukostträff"]
    assert titles(client.get("/api/news/", {"published_after": "2020-01-01"})) == [
        "Bygd startar",
        "Frukostträff",
    ]
    assert titles(client.get("/api/news/", {"q": "frukost"})) == ["Frukostträff"]
    english = client.get("/api/news/", {"locale": "en", "project": "ALH-1"}).json()["results"]
    assert [(p["title"], p["is_fallback"]) for p in english] == [
        ("Tjugo evenemang", True),
        ("A new platform", False),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"published_after": "soon"},
        {"published_after": "9999-12-31"},
        {"modified_since": "2027-03-01T10:00:00\x00"},
        {"theme": "nope"},
        {"year": "x"},
        {"locale": "de"},
    ],
)
def test_bad_news_parameters_are_400(client, news, params):
    assert client.get("/api/news/", params).status_code == 400


@pytest.mark.django_db
def test_news_detail_has_html_body_and_authors(client, news):
    body = client.get(f"/api/news/{news['first'].translation_key}/", {"locale": "en"}).json()
    assert body["title"] == "A new platform"
    assert '<div class="rich-text"><p>ord ord' in body["body"]
    assert body["authors"] == ["Cathrine Jansson"]
    assert body["reading_minutes"] == 3
    assert body["project"] == {"value": "ALH-1", "name": "Allt som sker"}
    assert body["date"] == "2017-11-20"
    assert body["image"] is None
    index_post = next(
        post
        for post in client.get("/api/news/").json()["results"]
        if post["title"] == "Bygd startar"
    )
    assert index_post["project"] is None


@pytest.mark.django_db
def test_news_image_comes_in_two_renditions(client, news):
    post = news["first"]
    post.image = Image.objects.create(title="Bild", file=get_test_image_file())
    post.image_alt = "Folk på torget"
    post.save_revision().publish()
    image = client.get(f"/api/news/{post.translation_key}/").json()["image"]
    assert image["alt"] == "Folk på torget"
    assert image["large"].startswith("http://testserver/") and image["thumbnail"] != image["large"]


@pytest.mark.django_db
def test_scheduled_post_appears_nowhere_before_go_live(client, news):
    project = news["project"]
    make_post(project, "Hemlig", go_live_at=timezone.now() + datetime.timedelta(days=2))
    assert "Hemlig" not in titles(client.get("/api/news/"))
    assert "Hemlig" not in client.get("/sv/nyheter/").text
    assert "Hemlig" not in client.get("/feeds/news.xml").text
    assert "Hemlig" not in client.get("/feeds/projects/ALH-1.xml").text
    assert "Hemlig" not in client.get("/api/v2/pages/", {"type": "projects.ProjectPostPage"}).text


@pytest.mark.django_db
def test_unpublishing_removes_a_post_everywhere(client, news):
    for version in news["first"].get_translations(inclusive=True):
        version.unpublish()
    assert "Ny plattform" not in titles(client.get("/api/news/"))
    assert "A new platform" not in titles(client.get("/api/news/", {"locale": "en"}))
    assert "Ny plattform" not in client.get("/sv/nyheter/").text
    assert "Ny plattform" not in client.get("/feeds/news.xml").text
    assert client.get(f"/api/news/{news['first'].translation_key}/").status_code == 404


@pytest.mark.django_db
def test_feeds_are_valid_with_absolute_urls_stable_guids_and_language(client, news):
    for url in (
        "/feeds/news.xml",
        "/feeds/news.atom",
        "/feeds/projects/ALH-1.xml",
        "/feeds/tags/kalender.atom",
    ):
        parsed = feedparser.parse(client.get(url, {"locale": "en"}).content)
        assert not parsed.bozo, (url, parsed.bozo_exception)
        assert parsed.entries, url
        assert all(entry.link.startswith("http://testserver/") for entry in parsed.entries)
        assert parsed.feed.get("language", "en").startswith("en")
    rss = feedparser.parse(client.get("/feeds/news.xml", {"locale": "en"}).content)
    guid = next(e.id for e in rss.entries if e.title == "A new platform")
    english = news["first"].get_translation(
        news["first"].locale.__class__.objects.get(language_code="en")
    )
    english.slug = "renamed"
    english.save_revision().publish()
    again = feedparser.parse(client.get("/feeds/news.xml", {"locale": "en"}).content)
    assert next(e.id for e in again.entries if e.title == "A new platform") == guid


@pytest.mark.django_db
def test_translated_post_keeps_date_tags_authors_and_project(news, en):
    english = news["first"].get_translation(en)
    assert english.date == datetime.date(2017, 11, 20)
    assert [tag.name for tag in english.tags.all()] == ["kalender"]
    assert [row.person.name for row in english.authors.all()] == ["Cathrine Jansson"]
    assert english.get_parent().specific.identifier == "ALH-1"


@pytest.mark.django_db
def test_listing_and_post_pages(client, news):
    listing = client.get("/en/news/", {"tag": "kalender"})
    assert listing.status_code == 200
    assert "A new platform" in listing.text and "Frukostträff" in listing.text
    assert "In Swedish" in listing.text
    assert client.get("/en/news/", {"year": "abc"}).status_code == 400
    post = client.get(
        news["first"]
        .get_translation(news["first"].locale.__class__.objects.get(language_code="en"))
        .url
    )
    assert "Cathrine Jansson" in post.text
    assert "20 November 2017" in post.text
    assert "3 minutes read" in post.text
    swedish = client.get(news["first"].url)
    assert "20 november 2017" in swedish.text
    project_page = client.get(news["project"].url)
    assert "Ny plattform" in project_page.text
    home = client.get("/en/")
    assert "Latest news" in home.text and "Bygd startar" in home.text


@pytest.mark.django_db
def test_news_list_and_feed_query_counts_are_constant(client, news):
    def queries(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    urls = ["/api/news/", "/feeds/news.xml", "/feeds/news.atom", "/sv/nyheter/", "/en/news/"]
    image = Image.objects.create(title="Bild", file=get_test_image_file())
    make_post(news["project"], "Med bild", date=datetime.date(2019, 1, 1), image=image)
    for url in urls:
        client.get(url)
    few = [queries(url) for url in urls]
    for i in range(10):
        project = make_project(
            news["project"].get_parent(), title=f"Projekt {i}", identifier=f"X-{i}"
        )
        image = Image.objects.create(title=f"Bild {i}", file=get_test_image_file())
        make_post(
            project,
            f"Extra {i}",
            date=datetime.date(2019, 1, i + 2),
            tags=[f"extra{i}"],
            image=image,
        )
    for url in urls:
        client.get(url)
    assert [queries(url) for url in urls] == few


@pytest.mark.django_db
def test_admin_lists_posts_filtered_by_project_and_author(admin_client, news):
    url = "/admin/blog-posts/"
    everything = admin_client.get(url)
    assert everything.status_code == 200
    assert "Frukostträff" in everything.text
    by_project = admin_client.get(url, {"project": news["project"].pk})
    assert "Ny plattform" in by_project.text and "Frukostträff" not in by_project.text
    author = news["first"].authors.get().person
    by_author = admin_client.get(url, {"author": author.pk})
    assert "Ny plattform" in by_author.text and "Tjugo evenemang" not in by_author.text


@pytest.mark.django_db
def test_editor_can_open_the_translate_screen(admin_client, news):
    response = admin_client.get(f"/admin/localize/submit/page/{news['project'].pk}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_newsletters_can_pull_in_a_projects_latest_posts(news, en):
    from apps.newsletters.registry import NEWSLETTER_CONTENT

    items = NEWSLETTER_CONTENT["project-posts"].items(en, "ALH-1", 5, None)
    assert [item["title"] for item in items] == ["Tjugo evenemang", "A new platform"]
    assert items[0]["url"].startswith("http://testserver/")


@pytest.mark.django_db
def test_english_project_page_lists_swedish_only_posts_with_a_language_badge(client, news, en):
    english = translate(news["project"], en, {"Allt som sker": "All that happens"})
    page = client.get(english.url)
    assert page.status_code == 200
    assert "A new platform" in page.text
    assert "Tjugo evenemang" in page.text
    assert "In Swedish" in page.text
    assert "Frukostträff" not in page.text


@pytest.mark.django_db
def test_news_index_offers_tag_links_and_a_project_picker(client, news):
    listing = client.get("/en/news/")
    assert listing.status_code == 200
    assert 'href="?tag=kalender"' in listing.text
    assert 'href="?tag=evenemang"' in listing.text
    assert '<select id="n-project" name="project">' in listing.text
    assert '<option value="ALH-1">Allt som sker</option>' in listing.text
    assert '<option value="K-1">Kultur</option>' in listing.text
    assert 'name="tag"' not in listing.text
    chosen = client.get("/en/news/", {"project": "K-1"})
    assert '<option value="K-1" selected>Kultur</option>' in chosen.text
    assert "Frukostträff" in chosen.text and "A new platform" not in chosen.text


@pytest.mark.django_db
def test_tag_feeds_work_for_swedish_letters_and_unknown_tags_are_404(client, news):
    make_post(news["project"], "Årsmöte", date=datetime.date(2019, 3, 1), tags=["Föreningar"])
    for url in ("/feeds/tags/föreningar.xml", "/feeds/tags/f%C3%B6reningar.atom"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert [entry.title for entry in feedparser.parse(response.content).entries] == ["Årsmöte"]
    assert 'href="?tag=f%C3%B6reningar"' in client.get("/sv/nyheter/").text
    assert client.get("/feeds/tags/okänd.xml").status_code == 404
    assert client.get("/feeds/tags/nope.atom").status_code == 404


@pytest.mark.django_db
def test_feeds_carry_the_image_and_the_full_content_with_absolute_urls(client, news):
    post = news["first"]
    post.image = Image.objects.create(title="Bild", file=get_test_image_file())
    post.body = [("paragraph", '<p>Hela texten med <a href="/sv/projekt/">länk</a>.</p>')]
    post.save_revision().publish()
    rss_text = client.get("/feeds/news.xml").content.decode()
    rss = feedparser.parse(rss_text)
    entry = next(e for e in rss.entries if e.title == "Ny plattform")
    (enclosure,) = entry.enclosures
    assert enclosure.href.startswith("http://testserver/") and enclosure.type == "image/png"
    assert int(enclosure.length) > 0
    assert "Hela texten med" in entry.content[0].value
    assert 'href="http://testserver/sv/projekt/"' in entry.content[0].value
    assert "<content:encoded>" in rss_text
    assert entry.summary == "Ingress Ny plattform."
    atom = feedparser.parse(client.get("/feeds/news.atom").content)
    assert not atom.bozo
    entry = next(e for e in atom.entries if e.title == "Ny plattform")
    assert "Hela texten med" in entry.content[0].value
    assert any(
        link.rel == "enclosure" and link.href.startswith("http://testserver/")
        for link in entry.links
    )
    for rendition in post.image.renditions.all():
        rendition.file.storage.delete(rendition.file.name)
    lost = client.get("/feeds/news.xml")
    assert lost.status_code == 200
    entry = next(e for e in feedparser.parse(lost.content).entries if e.title == "Ny plattform")
    assert entry.enclosures == [] and "Hela texten med" in entry.content[0].value
