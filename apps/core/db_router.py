"""Reads of public pages and the API from a read replica, everything else from the primary.

A replica is only used inside a request that ``ReplicaMiddleware`` let through: a GET or HEAD
from a client without a session or credentials (editors, organisers and subscribers managing
their subscription always read the primary, so they see their own writes at once), outside
``BYGD_PRIMARY_PATHS`` (admin, portal, newsletter links). Management commands, the task worker
and tests without the middleware read the primary.

Read-your-writes: the first write in a request pins the rest of that request to the primary
(and so do reads inside an explicit transaction), and the answer to a request that wrote sets a
short-lived cookie that keeps the same client on the primary for ``BYGD_REPLICA_MAX_LAG``
seconds, the longest the replica is expected to lag. Writes always go to the primary, and
migrations never run on the replica."""

import re
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from apps.core import conf

#: Cookie set after a write: its client reads the primary until it expires.
PIN_COOKIE = "bygd_primary"
#: The app label Django's database cache gives its table: cache reads (rate-limit counters,
#: entries just stored) must not lag, and cache writes are not content writes.
_CACHE_TABLE_LABEL = "django_cache"


class _Request:
    """What the router knows of the current request; mutable, so a write inside the view is
    seen by the middleware afterwards."""

    def __init__(self, alias):
        self.alias = alias
        self.wrote = False


_current = ContextVar("bygd_replica_request", default=None)


def _in_transaction():
    """An explicit transaction on the primary (not the one a test case wraps around each test)
    reads what it is about to write from the primary."""
    blocks = connections[DEFAULT_DB_ALIAS].atomic_blocks
    return any(not block._from_testcase for block in blocks)


def read_replica(request):
    """Whether ``request`` read from a replica (the response cache, outside this middleware, then
    assumes that what it stores may lag a change by up to ``BYGD_REPLICA_MAX_LAG`` seconds)."""
    return getattr(request, "bygd_read_replica", False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _current.get()
        if (
            state is None
            or state.alias is None
            or model._meta.app_label == _CACHE_TABLE_LABEL
            or _in_transaction()
        ):
            return None
        return state.alias

    def db_for_write(self, model, **hints):
        state = _current.get()
        if state is not None and model._meta.app_label != _CACHE_TABLE_LABEL:
            state.alias = None
            state.wrote = True
        return None

    def allow_relation(self, obj1, obj2, **hints):
        """The replica holds the primary's rows, so objects read from either may be related."""
        aliases = {DEFAULT_DB_ALIAS, conf.replica_database()}
        if {obj1._state.db, obj2._state.db} <= aliases:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints):
        if db == conf.replica_database():
            return False
        return None


class ReplicaMiddleware:
    """Marks which requests may read the replica (before any other middleware reads the
    database: put it right after SecurityMiddleware) and pins a client that wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        alias = conf.replica_database()
        if alias is None:
            return self.get_response(request)
        state = _Request(alias if self._may_read_replica(request) else None)
        request.bygd_read_replica = state.alias is not None
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if state.wrote:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=conf.replica_max_lag(),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    @staticmethod
    def _may_read_replica(request):
        return (
            request.method in ("GET", "HEAD")
            and PIN_COOKIE not in request.COOKIES
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "Authorization" not in request.headers
            and not re.match(conf.primary_paths(), request.path)
        )
