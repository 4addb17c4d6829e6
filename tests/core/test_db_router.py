"""Public reads from a read replica (a second alias mirroring the test database, as Django tests
a primary/replica setup), and everything that must see its own writes from the primary."""

import pytest
from django.core.management import call_command
from django.db import connections, router, transaction
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from apps.core import db_router
from apps.network.factories import OrganisationFactory
from apps.network.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def replica(settings, monkeypatch):
    """The replica alias on, over the primary's own connection (a mirror's second connection
    would not see the rows a test writes inside its transaction); what the router chose for each
    read is recorded in the list this returns."""
    settings.BYGD_REPLICA_DATABASE = "replica"
    connections["replica"] = connections["default"]
    chosen = []
    db_for_read = db_router.ReplicaRouter.db_for_read

    def recording(self, model, **hints):
        alias = db_for_read(self, model, **hints)
        chosen.append(alias or "default")
        return alias

    monkeypatch.setattr(db_router.ReplicaRouter, "db_for_read", recording)
    yield chosen
    del connections["replica"]


def _read_from(client, chosen, path, **extra):
    """The databases the router chose for the reads while answering ``path``."""
    chosen.clear()
    response = client.get(path, **extra)
    assert response.status_code in (200, 302), response.content[:300]
    return set(chosen)


def test_anonymous_api_and_page_reads_go_to_the_replica(client, replica, home):
    OrganisationFactory(name="Vimmerby Hembygdsförening")
    assert _read_from(client, replica, "/api/organisations/") == {"replica"}
    # (a page may still read inside a transaction of its own, which stays on the primary)
    assert "replica" in _read_from(client, replica, "/sv/")


def test_without_a_replica_every_read_goes_to_the_primary(client, home):
    with CaptureQueriesContext(connections["default"]) as primary:
        client.get("/api/organisations/")
    assert len(primary) > 0


def test_signed_in_visitors_and_the_admin_read_the_primary(
    client, replica, home, django_user_model
):
    user = django_user_model.objects.create_superuser("redaktor", password="x")
    assert "replica" not in _read_from(client, replica, "/admin/login/")
    client.force_login(user)
    assert "replica" not in _read_from(client, replica, "/sv/")
    assert "replica" not in _read_from(client, replica, "/admin/")


def test_a_client_that_wrote_reads_the_primary(client, replica, sv):
    client.cookies[db_router.PIN_COOKIE] = "1"
    assert _read_from(client, replica, "/api/organisations/") == {"default"}


def test_the_first_write_pins_the_rest_of_the_request(replica):
    state = db_router._Request("replica")
    token = db_router._current.set(state)
    try:
        assert router.db_for_read(Organisation) == "replica"
        with transaction.atomic():
            assert router.db_for_read(Organisation) == "default"
        OrganisationFactory(name="Kulturföreningen Gnistan")
        assert router.db_for_read(Organisation) == "default"
        assert state.wrote
    finally:
        db_router._current.reset(token)


def test_the_middleware_sets_the_pin_cookie_after_a_write(rf, replica, settings):
    def writing_view(request):
        OrganisationFactory(name="Kulturföreningen Lågan")
        return HttpResponse("ok")

    response = db_router.ReplicaMiddleware(writing_view)(rf.post("/sv/nagot/"))
    assert response.cookies[db_router.PIN_COOKIE]["max-age"] == 5
    response = db_router.ReplicaMiddleware(lambda request: HttpResponse())(rf.get("/api/"))
    assert db_router.PIN_COOKIE not in response.cookies


def test_migrations_never_run_on_the_replica(replica):
    assert router.allow_migrate("replica", "network") is False
    assert router.allow_migrate("default", "network") is True


def test_a_replica_alias_that_is_not_a_database_is_named_by_the_check(settings):
    settings.BYGD_REPLICA_DATABASE = "replika"
    with pytest.raises(Exception, match="BYGD_REPLICA_DATABASE='replika'"):
        call_command("check")


def test_answers_read_from_the_replica_right_after_a_change_are_fresh_only_until_it_caught_up(
    client, replica, http_cache, sv
):
    """The replica may not have had the change yet: the cached answer is recomputed once
    BYGD_REPLICA_MAX_LAG seconds have passed since it, not after the full max-age."""
    import pickle

    from django.core.cache import caches

    from apps.core import cache_entry, content_version

    OrganisationFactory(name="Vimmerby Hembygdsförening")
    assert client.get("/api/organisations/").status_code == 200
    _version, changed_at = content_version.current()
    stored = [
        cache_entry.decode(pickle.loads(value))  # noqa: S301 - the test's own cache
        for key, value in caches["default"]._cache.items()
        if ":bygd:response:" in key
    ]
    assert stored and all(entry.fresh_until <= changed_at + 1 + 5 for entry in stored)


def test_the_database_cache_reads_and_writes_the_primary(replica, settings):
    """Production's cache without Redis is a table: its rate-limit counters and cached answers
    read from a lagging replica would undercount and serve old entries, and a request that only
    touched the cache is not one that wrote content (no pin cookie, its answer stays shareable)."""
    from django.core.cache.backends.db import Options

    cache_table = type("CacheEntry", (), {"_meta": Options("bygd_cache")})
    state = db_router._Request("replica")
    token = db_router._current.set(state)
    try:
        assert router.db_for_read(cache_table) == "default"
        assert router.db_for_write(cache_table) == "default"
        assert router.db_for_read(Organisation) == "replica"
        assert not state.wrote
    finally:
        db_router._current.reset(token)
