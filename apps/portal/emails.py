"""Plain-text e-mails to organisers, each in the organiser's language. Links are absolute,
built from BYGD_BASE_URL, and point at the portal, never at the admin."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from apps.portal import conf, tokens

TEMPLATE_DIR = "portal/email/"


def absolute(path):
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(to, subject, template, context):
    body = render_to_string(TEMPLATE_DIR + template + ".txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def send_verification(account):
    with translation.override(account.language):
        token = tokens.make_token(tokens.VERIFY, account.pk, account.verify_nonce)
        url = absolute(reverse("portal:verify", args=[token]))
        _send(
            account.user.email,
            _("Confirm your e-mail address for the event calendar"),
            "verify",
            {"account": account, "url": url, "days": conf.verify_days()},
        )


def send_already_registered(email, language):
    """Someone tried to sign up with an address that has an account: the mailbox is told, the
    page says the same as for a new address, so the form reveals nothing."""
    with translation.override(language):
        _send(
            email,
            _("You already have an organiser account"),
            "already_registered",
            {
                "login_url": absolute(reverse("portal:login")),
                "reset_url": absolute(reverse("portal:password_reset")),
            },
        )


def send_no_account(email, language):
    with translation.override(language):
        _send(
            email,
            _("Password reset for the event calendar"),
            "no_account",
            {"signup_url": absolute(reverse("portal:signup"))},
        )


def send_invitation(invitation, language):
    with translation.override(language):
        token = tokens.make_token(tokens.INVITE, invitation.pk, invitation.nonce)
        _send(
            invitation.email,
            _("You are invited to post events for %(organisation)s")
            % {"organisation": invitation.organisation.name},
            "invitation",
            {
                "invitation": invitation,
                "url": absolute(reverse("portal:accept_invitation", args=[token])),
                "days": conf.invitation_days(),
            },
        )


def send_organisation_confirmed(account, organisation):
    """The organiser who proposed an organisation may post its events now."""
    with translation.override(account.language):
        _send(
            account.user.email,
            _("You can post events for %(organisation)s") % {"organisation": organisation.name},
            "organisation_confirmed",
            {"organisation": organisation.name, "url": absolute(reverse("portal:event_new"))},
        )


def send_moderation_result(portal_event, approved, reason=""):
    user = portal_event.submitted_by or portal_event.created_by
    if user is None or not user.is_active or not user.email:
        return False
    account = getattr(user, "organiser_account", None)
    language = account.language if account else settings.LANGUAGE_CODE
    page = portal_event.page
    with translation.override(language):
        context = {
            "title": page.get_latest_revision_as_object().title,
            "reason": reason,
            "event_url": absolute(reverse("portal:event", args=[page.pk])),
            "public_url": absolute(page.get_url() or "") if approved else "",
        }
        if approved:
            subject = _("Your event is published: %(title)s") % context
        else:
            subject = _("Your event needs changes: %(title)s") % context
        _send(user.email, subject, "approved" if approved else "rejected", context)
    return True
