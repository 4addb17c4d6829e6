"""A harvest source must be a public site: an address on the server itself, the office network
or the cloud metadata service is refused when an editor saves it and at every request of a run
(redirects and `next` links included), unless BYGD_HARVEST_ALLOW_PRIVATE_ADDRESSES allows it."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from apps.core import public_http
from apps.harvest.factories import HarvestSourceFactory
from apps.harvest.models import HarvestedItem, HarvestSource
from apps.harvest.run import run_source
from apps.network.models import Organisation
from apps.projects.factories import ProjectIndexPageFactory
from apps.projects.models import ProjectPage

PRIVATE = ["http://127.0.0.1:8000/", "http://10.1.2.3/", "http://169.254.169.254/"]
SITE = {"name": "Grannbygden", "time_zone": "Europe/Stockholm", "languages": []}


@pytest.fixture(autouse=True)
def refused(settings):
    settings.BYGD_HARVEST_ALLOW_PRIVATE_ADDRESSES = False


@pytest.fixture
def index(home):
    ProjectIndexPageFactory(parent=home).save_revision().publish()


def assert_nothing_applied(source):
    source.refresh_from_db()
    assert source.last_ok is False and source.cursors == {}
    assert not ProjectPage.objects.exists()
    assert not Organisation.objects.exists()
    assert not HarvestedItem.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*PRIVATE, "http://localhost:8000/"])
def test_a_run_refuses_a_private_source(index, url):
    source = HarvestSourceFactory(base_url=url, kinds="projects")

    with translation.override("en"):
        summary = run_source(source)

    assert "a private or local network address" in summary["error"]
    assert_nothing_applied(source)
    assert "Nothing applied" in source.last_summary


@pytest.mark.django_db
@pytest.mark.parametrize("url", PRIVATE)
def test_editors_cannot_save_a_private_source(admin_client, url):
    response = admin_client.post(
        reverse("wagtailsnippets_harvest_harvestsource:add"),
        {"name": "Intern", "base_url": url, "kinds": "projects"},
    )
    assert response.status_code == 200
    assert "leder till ett privat eller lokalt nätverk" in response.content.decode()
    assert not HarvestSource.objects.exists()


@pytest.mark.django_db
def test_editors_cannot_save_an_address_that_is_not_http(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_harvest_harvestsource:add"),
        {"name": "Fil", "base_url": "ftp://bygd.example.org/", "kinds": "projects"},
    )
    assert "Ange en http- eller https-adress." in response.content.decode()
    assert not HarvestSource.objects.exists()


@pytest.mark.django_db
def test_the_command_refuses_a_private_source(db):
    with translation.override("en"), pytest.raises(CommandError, match="private or local"):
        call_command("harvest", "http://169.254.169.254/", "--kinds", "projects")
    assert not HarvestSource.objects.exists()


@pytest.mark.django_db
def test_the_setting_allows_a_private_source(admin_client, settings):
    settings.BYGD_HARVEST_ALLOW_PRIVATE_ADDRESSES = True
    response = admin_client.post(
        reverse("wagtailsnippets_harvest_harvestsource:add"),
        {"name": "Intern", "base_url": "http://10.1.2.3/", "kinds": "projects"},
    )
    assert response.status_code == 302


class Stub(BaseHTTPRequestHandler):
    """A public-looking source (the test treats 127.0.0.1 as public) that sends the harvester
    on to a private address: by a redirect, or by the `next` link of a listing."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        if path == "/api/site/":
            self.answer(200, SITE)
        elif path == "/api/projects/" and self.server.way == "redirect":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
        elif path == "/api/projects/":
            project = {
                "identifier": "p-1",
                "title": "Projekt",
                "summary": "Om projektet.",
                "currency": "SEK",
                "owner": None,
                "html_url": "http://x/p/",
                "source": None,
            }
            page = {"count": 2, "previous": None, "results": [project]}
            self.answer(200, {**page, "next": "http://10.1.2.3/api/projects/?page=2"})
        else:
            self.answer(404, {})

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(body).encode())

    def log_message(self, *args):
        pass


@pytest.mark.django_db
@pytest.mark.parametrize("way", ["redirect", "next"])
def test_a_source_cannot_send_the_harvester_to_a_private_address(index, monkeypatch, way):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    server.way = way
    threading.Thread(target=server.serve_forever, daemon=True).start()
    real = public_http.is_public
    monkeypatch.setattr(public_http, "is_public", lambda ip: ip == "127.0.0.1" or real(ip))
    source = HarvestSourceFactory(
        base_url=f"http://127.0.0.1:{server.server_address[1]}/", kinds="projects"
    )
    try:
        with translation.override("en"):
            summary = run_source(source)
    finally:
        server.shutdown()
        server.server_close()

    assert "a private or local network address" in summary["error"]
    assert_nothing_applied(source)
