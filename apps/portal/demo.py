"""One organiser account per demo organisation, so the portal can be tried at once. They share
one password, generated on first run and kept in BYGD_PORTAL_DEMO_PASSWORD_FILE (beside the
admin's in Bygd's own site); ``organiser_logins`` prints them in development only."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.core.demo import source_locale
from apps.network.models import Organisation
from apps.portal import conf
from apps.portal.accounts import create_user
from apps.portal.models import OrganiserAccount, OrganiserRole
from apps.portal.moderation import ensure_moderation


def demo_email(organisation):
    return f"arrangor+{organisation.slug}@bygd.example"


def demo_password():
    path = Path(conf.demo_password_file())
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


def load(home, log):
    ensure_moderation()
    organisations = Organisation.objects.filter(locale=source_locale()).order_by("name")
    existing = set(get_user_model().objects.values_list("username", flat=True))
    for organisation in organisations:
        email = demo_email(organisation)
        if email in existing:
            continue
        user = create_user(email, organisation.name, demo_password())
        OrganiserAccount.objects.create(
            user=user,
            organisation=organisation,
            role=OrganiserRole.ADMIN,
            language=settings.LANGUAGE_CODE,
            email_verified_at=timezone.now(),
        )
        log(f"  created organiser account {email}")


def logins():
    """(e-mail, organisation name) of every demo organiser account, and the shared password."""
    accounts = (
        OrganiserAccount.objects.filter(user__username__startswith="arrangor+")
        .select_related("user", "organisation")
        .order_by("user__username")
    )
    path = Path(conf.demo_password_file())
    password = path.read_text().strip() if path.exists() else None
    return [
        (a.user.username, a.organisation.name if a.organisation else "") for a in accounts
    ], password
