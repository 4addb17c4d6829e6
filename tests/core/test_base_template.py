"""Bygd's pages and views render in the base template the host names in BYGD_BASE_TEMPLATE, and
in Bygd's own bygd/base.html when it names none; the host configures nothing else."""

from pathlib import Path

import pytest
from django.template.loader import render_to_string
from wagtail.models import Site

from apps.core.checks import check_settings
from apps.projects.factories import ProjectIndexPageFactory
from cms.models import SiteFooter, SiteSettings

pytestmark = pytest.mark.django_db

HOST_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MARKER = "HOST-BASE-MARKER"


@pytest.fixture
def project_index(home):
    index = ProjectIndexPageFactory(parent=home, title="Projektdatabasen", slug="projekt")
    index.save_revision().publish()
    return index


@pytest.fixture
def host_base(settings):
    """The host's templates folder and its base, named in the one setting."""
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0]["DIRS"], HOST_TEMPLATES]
    settings.TEMPLATES = templates
    settings.BYGD_BASE_TEMPLATE = "host_base.html"


def host_content(html):
    return html.split('<div id="host-content">', 1)[1].split("<!-- end of host content -->", 1)[0]


PAGES = {
    "project index": ("/sv/projekt/", "<h1>Projektdatabasen</h1>"),
    "calendar": ("/sv/kalender/", "<h1>Kalender</h1>"),
    "organiser login": ("/sv/arrangor/login/", 'name="password"'),
}


@pytest.fixture
def pages(project_index, calendar):
    return PAGES


@pytest.mark.parametrize("name", PAGES)
def test_pages_and_views_render_in_the_hosts_base(client, pages, host_base, name):
    url, content = pages[name]
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert MARKER in html
    assert content in host_content(html)
    assert "<title>" in html and " - Host site</title>" in html
    # Bygd's own chrome stays out.
    assert 'class="site-header"' not in html
    assert "bygd/bygd.css" not in html


def test_the_portal_fills_the_hosts_head_and_body_class(client, host_base):
    html = client.get("/sv/arrangor/login/").text
    head = html.split("</head>", 1)[0]
    assert '<meta name="robots" content="noindex">' in head
    assert '<body class="host-base portal">' in html


@pytest.mark.parametrize("name", PAGES)
def test_without_the_setting_they_render_in_bygds_own_base(client, pages, name):
    url, content = pages[name]
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert MARKER not in html
    assert 'class="site-header"' in html
    assert "/static/bygd/bygd.css" in html
    main = html.split('<main id="main" tabindex="-1">', 1)[1].split("</main>", 1)[0]
    assert content in main


def test_a_base_template_no_loader_finds_is_named_at_check(settings):
    settings.BYGD_BASE_TEMPLATE = "no/such/base.html"
    errors = check_settings(None)
    assert [error.id for error in errors] == ["core.E001"]
    assert "BYGD_BASE_TEMPLATE='no/such/base.html'" in errors[0].msg


def test_bygds_own_page_layout_is_refused_as_the_base(settings):
    """bygd/page.html extends the base, so naming it as the base would recurse at render time."""
    settings.BYGD_BASE_TEMPLATE = "bygd/page.html"
    errors = check_settings(None)
    assert [error.id for error in errors] == ["core.E001"]
    assert "bygd/page.html" in errors[0].msg


def test_the_hosts_base_passes_the_check(host_base):
    assert check_settings(None) == []


def test_the_reference_site_names_itself_and_fills_the_footer_of_bygds_base(client, project_index):
    SiteSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        organisation_name="Bygdeföreningen",
        contact_email="info@example.org",
    )
    SiteFooter.objects.create(locale=project_index.locale, text="<p>Fri programvara.</p>")
    html = client.get("/sv/projekt/").text
    assert "<title>Projektdatabasen · Bygdeföreningen</title>" in html
    assert 'class="site-name"' in html and ">Bygdeföreningen</a>" in html
    footer = html.split('<footer class="site-footer"', 1)[1]
    assert "Fri programvara." in footer
    assert 'href="mailto:info@example.org"' in footer


def test_the_optional_context_processor_lets_a_hosts_own_views_extend_bygds_page(
    rf, settings, host_base
):
    request = rf.get("/")
    assert MARKER not in render_to_string("bygd/page.html", request=request)
    templates = [dict(engine) for engine in settings.TEMPLATES]
    options = dict(templates[0]["OPTIONS"])
    options["context_processors"] = [
        *options["context_processors"],
        "apps.core.base_template.base_template_context",
    ]
    templates[0]["OPTIONS"] = options
    settings.TEMPLATES = templates
    assert MARKER in render_to_string("bygd/page.html", request=request)
