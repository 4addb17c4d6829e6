"""Failed logins are counted per client address and per account name in the shared rate limiter
(apps.core.ratelimit), and ``LoginLimitBackend`` refuses further attempts once a budget is spent.
Being an authentication backend, it guards every login that goes through Django's
``authenticate()`` (Wagtail's admin login, the organiser portal's, any view the host adds) without
wrapping views or URL patterns, so a host gets it by installing apps.core and listing the backend
first in ``AUTHENTICATION_BACKENDS`` (``manage.py check`` warns when it is missing).

Only failures count, so a room of people behind one address can all log in. An account's lock
holds only against addresses that have failed in the window: someone typing wrong passwords
elsewhere cannot keep the account's owner from logging in from an address that has not failed.
Account names are counted whether or not the account exists, so a refusal never tells which
accounts are registered. A refused attempt ends ``authenticate()`` like a wrong password (a form
error); views that can say more read ``refused(request)``, and Wagtail's login page says why
(apps/core/templates/wagtailadmin/login.html)."""

import math
from dataclasses import dataclass

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from apps.core import conf, ratelimit

BACKEND = "apps.core.logins.LoginLimitBackend"
REFUSED = "bygd_login_refused"


@dataclass(frozen=True)
class Refusal:
    """Set on a request whose login was refused, for views and templates to say how long to wait."""

    retry_after: int

    @property
    def minutes(self):
        return math.ceil(self.retry_after / 60)


def _account(credentials):
    name = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username")
    return ratelimit.account_key(str(name)) if name else ""


def retry_after(request, credentials):
    """Seconds until a login with ``credentials`` may be tried from this request's address; 0 when
    it may be tried now."""
    window = conf.login_window()
    address_failures, wait = ratelimit.peek(
        "login-failure-ip", ratelimit.client_ip(request), window
    )
    if address_failures >= conf.login_failures_per_address():
        return wait
    account = _account(credentials)
    if address_failures and account:
        account_failures, wait = ratelimit.peek("login-failure-account", account, window)
        if account_failures >= conf.login_failures_per_account():
            return wait
    return 0


def refused(request):
    """Seconds the limiter told this request to wait, or 0 if it refused no login."""
    refusal = getattr(request, REFUSED, None)
    return refusal.retry_after if refusal else 0


def count_failure(sender, credentials, request=None, **kwargs):
    """``user_login_failed`` receiver; an attempt the limiter refused is not counted again."""
    if request is None or refused(request):
        return
    window = conf.login_window()
    ratelimit.count("login-failure-ip", ratelimit.client_ip(request), window)
    account = _account(credentials)
    if account:
        ratelimit.count("login-failure-account", account, window)


class LoginLimitBackend:
    """Authenticates nobody; ends ``authenticate()`` before the other backends check a password
    when this address or account has failed too often. It has no ``get_user``, so Django never
    takes it for the backend a session belongs to (``force_login`` picks the next one)."""

    def authenticate(self, request, **credentials):
        if request is None:
            return None
        wait = retry_after(request, credentials)
        if wait:
            setattr(request, REFUSED, Refusal(wait))
            raise PermissionDenied
        return None

    async def aauthenticate(self, request, **credentials):
        return await sync_to_async(self.authenticate)(request, **credentials)
