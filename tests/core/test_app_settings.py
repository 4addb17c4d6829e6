"""A host site installs Bygd's apps without copying Bygd's settings: every app works with none of
its settings defined, a wrong value is named by `manage.py check` instead of a traceback, and
where the index pages may live is the host's choice."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page

from apps.core import conf as core_conf
from apps.core.api.throttling import AnonymousClientThrottle
from apps.core.app_settings import declared
from apps.core.checks import check_settings as core_check
from apps.core.http_cache import PublicCacheMiddleware
from apps.core.ratelimit import client_ip
from apps.events import conf as events_conf
from apps.events.models import EventIndexPage
from apps.events.occurrences import horizon
from apps.harvest import conf as harvest_conf
from apps.network.models import NetworkIndexPage
from apps.newsletters import conf as newsletters_conf
from apps.newsletters.models import NewsletterArchivePage
from apps.newsletters.ratelimit import check_rate
from apps.portal import conf as portal_conf
from apps.portal import tokens
from apps.portal.ratelimit import check_attempt
from apps.projects import conf as projects_conf
from apps.projects.calls.applying import over_rate_limit
from apps.projects.calls.attachments import AttachmentField, max_bytes, private_storage
from apps.projects.checks import check_settings as projects_check
from apps.projects.models import FundingCallIndexPage, NewsIndexPage, ProjectIndexPage
from cms.models import HomePage

ROOT = Path(__file__).resolve().parents[2]
CONFS = [core_conf, events_conf, harvest_conf, newsletters_conf, portal_conf, projects_conf]
INDEX_PAGES = [
    ProjectIndexPage,
    NewsIndexPage,
    FundingCallIndexPage,
    EventIndexPage,
    NetworkIndexPage,
    NewsletterArchivePage,
]


@pytest.fixture
def host_without_bygd_settings(settings):
    for conf in CONFS:
        for setting in declared(conf):
            delattr(settings, setting.name)
    return settings


@pytest.fixture
def request_from():
    return lambda address: RequestFactory().get("/", REMOTE_ADDR=address)


def test_the_apps_check_clean_with_none_of_their_settings(host_without_bygd_settings):
    for conf in CONFS:
        assert [setting.problem() for setting in declared(conf)] == [None] * len(declared(conf))


def test_core_works_with_none_of_its_settings(host_without_bygd_settings):
    request = RequestFactory().get("/api/projects/")
    response = PublicCacheMiddleware(lambda request: HttpResponse("[]"))(request)
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    assert AnonymousClientThrottle().get_rate() == "120/minute"


def test_events_work_with_none_of_their_settings(host_without_bygd_settings):
    now = timezone.now()
    assert horizon(now) - now > datetime.timedelta(days=18 * 30)


def test_newsletters_work_with_none_of_their_settings(host_without_bygd_settings, request_from):
    request = request_from("192.0.2.1")
    request.META["HTTP_X_FORWARDED_FOR"] = "198.51.100.7"
    assert client_ip(request) == "192.0.2.1"  # no proxy is trusted unless the host says so
    check_rate(request)
    assert newsletters_conf.batch_size() == 100


def test_the_portal_works_with_none_of_its_settings(
    host_without_bygd_settings, request_from, settings
):
    settings.MEDIA_ROOT = "/srv/site/media"
    token = tokens.make_token(tokens.VERIFY, 7, "nonce")
    assert tokens.read_token(tokens.VERIFY, token) == (7, "nonce")
    assert tokens.max_age(tokens.INVITE) == datetime.timedelta(days=14)
    check_attempt(request_from("192.0.2.2"), "login", "someone@example.org")
    assert Path(portal_conf.demo_password_file()) == Path("/srv/site/organiser-password.txt")


def test_funding_calls_work_with_none_of_their_settings(
    host_without_bygd_settings, request_from, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert Path(private_storage().location) == tmp_path / "private"
    assert max_bytes() == 10 * 1024 * 1024
    assert ".pdf" in AttachmentField().widget.attrs["accept"]
    assert not over_rate_limit(request_from("192.0.2.3"))


def test_private_attachments_are_refused_inside_the_public_media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BYGD_PRIVATE_MEDIA_ROOT = tmp_path / "media" / "private"
    [error] = projects_check(None)
    assert error.msg.startswith("BYGD_PRIVATE_MEDIA_ROOT=") and "inside MEDIA_ROOT" in error.msg


def test_a_site_without_media_root_is_told_to_set_the_private_folder(settings):
    settings.MEDIA_ROOT = ""
    del settings.BYGD_PRIVATE_MEDIA_ROOT
    [error] = projects_check(None)
    assert "set MEDIA_ROOT or BYGD_PRIVATE_MEDIA_ROOT" in error.msg


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BYGD_CACHE_MAX_AGE", "60"),
        ("BYGD_CACHE_MAX_AGE", -1),
        ("BYGD_API_ANON_RATE", "lots"),
        ("BYGD_CACHED_PATHS", "^/(api"),
        ("BYGD_FRONTEND_CACHE_PURGE_PATHS", ["api/"]),
        ("BYGD_INDEX_PARENT_PAGE_TYPES", ["cms.NoSuchPage"]),
        ("BYGD_INDEX_PARENT_PAGE_TYPES", ["auth.User"]),
        ("BYGD_INDEX_PARENT_PAGE_TYPES", "cms.HomePage"),
    ],
)
def test_a_wrong_core_setting_is_named_by_the_check(settings, name, value):
    setattr(settings, name, value)
    [error] = core_check(None)
    assert error.msg.startswith(f"{name}={value!r}") and error.id == "core.E001"


def run_check(settings_module="cms.settings.test", **env):
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BYGD_CACHE_MAX_AGE": "abc"}, "(core.E001) BYGD_CACHE_MAX_AGE='abc' is not a whole"),
        ({"BYGD_PORTAL_VERIFY_DAYS": "-3"}, "(portal.E001) BYGD_PORTAL_VERIFY_DAYS=-3 is not"),
        ({"BYGD_TASKS_BACKEND": "redis"}, "BYGD_TASKS_BACKEND='redis' is not a task backend"),
    ],
)
def test_check_names_a_wrong_environment_value_instead_of_a_traceback(env, message):
    result = run_check(**env)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_production_names_an_unknown_tasks_backend_with_the_valid_ones():
    result = run_check(
        "cms.settings.production",
        BYGD_TASKS_BACKEND="redis",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="bygd.example.org",
    )
    assert result.returncode != 0
    assert "BYGD_TASKS_BACKEND='redis' is not a task backend; valid: immediate, database" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_index_pages_may_live_under_any_page_by_default(settings, home):
    del settings.BYGD_INDEX_PARENT_PAGE_TYPES
    root = Page.get_first_root_node()
    for model in INDEX_PAGES:
        assert model.can_exist_under(root) and model.can_exist_under(home)
        assert Page in model.allowed_parent_page_models()


@pytest.mark.django_db
def test_the_configured_parent_types_restrict_where_index_pages_live(settings, home):
    root = Page.get_first_root_node()
    settings.BYGD_INDEX_PARENT_PAGE_TYPES = ["cms.HomePage"]
    for model in INDEX_PAGES:
        assert model.allowed_parent_page_models() == [HomePage]
        assert model.can_exist_under(home) and not model.can_exist_under(root)
    settings.BYGD_INDEX_PARENT_PAGE_TYPES = ["wagtailcore.Page"]
    assert EventIndexPage.can_exist_under(root) and not EventIndexPage.can_exist_under(home)
