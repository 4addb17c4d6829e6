"""Creating organiser accounts. Sign-up answers the same way whether or not the address is
known: a new address gets a verification link, a known one an e-mail saying it already has an
account. The password is hashed in both cases so the response time does not tell either."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.users.models import UserProfile

from apps.core.tokens import new_nonce
from apps.core.transactions import atomic_retrying_conflicts
from apps.portal import emails
from apps.portal.models import (
    OrganisationProposal,
    OrganiserAccount,
    OrganiserRole,
)

WAGTAIL_NOTIFICATIONS = (
    "submitted_notifications",
    "approved_notifications",
    "rejected_notifications",
    "updated_comments_notifications",
)


def current_language():
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def create_user(email, name, password):
    """A plain user: no staff flag, no groups, so the Wagtail admin refuses it. Wagtail's own
    workflow e-mails (with admin links) are switched off; the portal sends its own."""
    user = get_user_model().objects.create_user(
        username=email, email=email, password=password, first_name=name[:150]
    )
    profile = UserProfile.get_for_user(user)
    for name_ in WAGTAIL_NOTIFICATIONS:
        setattr(profile, name_, False)
    profile.save()
    return user


@atomic_retrying_conflicts
def sign_up(data):
    """Two identical sign-ups at once race to create the same user: the loser runs again and
    answers as for a known address."""
    email = data["email"]
    existing = get_user_model().objects.filter(username=email).first()
    if existing is None:
        existing = get_user_model().objects.filter(email__iexact=email).first()
    if existing is not None:
        make_password(data["password1"])
        account = getattr(existing, "organiser_account", None)
        if account is not None and not account.is_verified:
            emails.send_verification(account)
        else:
            emails.send_already_registered(email, current_language())
        return None
    user = create_user(email, data["name"], data["password1"])
    account = OrganiserAccount(user=user, language=current_language())
    if data.get("organisation"):
        account.requested_organisation = data["organisation"]
    else:
        account.proposal = OrganisationProposal.objects.create(
            name=data["new_organisation"],
            kind=data.get("new_organisation_kind") or "association",
            municipality=data.get("new_organisation_municipality"),
        )
        account.role = OrganiserRole.ADMIN
    account.save()
    emails.send_verification(account)
    return account


def verify(account):
    account.email_verified_at = account.email_verified_at or timezone.now()
    account.verify_nonce = new_nonce()
    account.save(update_fields=["email_verified_at", "verify_nonce"])
