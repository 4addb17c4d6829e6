"""Transactional e-mails (confirmation, data export, data-request link), each in the
subscriber's language, as plain text with an HTML alternative."""

import json
from email.mime.application import MIMEApplication

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from apps.newsletters import tokens
from apps.newsletters.models import Subscription, SubscriptionStatus
from apps.newsletters.privacy import subscriber_data
from apps.newsletters.tokens import confirm_token


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(to, subject, template, context, from_email=None, attachments=()):
    text = render_to_string(f"newsletters/email/{template}.txt", context)
    html = render_to_string(f"newsletters/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(attachment)
    message.send()


def json_attachment(filename, data):
    """JSON as UTF-8 bytes with the charset named: given a str, Django would encode a non-text
    attachment byte for byte as Latin-1 (and escape what Latin-1 lacks), which is not JSON."""
    part = MIMEApplication(
        json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"), "json", charset="utf-8"
    )
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def send_confirmation_email(nonce):
    rows = list(
        Subscription.objects.filter(
            confirm_nonce=nonce, status=SubscriptionStatus.UNCONFIRMED
        ).select_related("newsletter_list", "consent_text")
    )
    if not rows:
        return False
    language = rows[0].language
    with translation.override(language):
        lists = [row.newsletter_list.in_language(language) for row in rows]
        url = absolute(reverse("newsletter-confirm", args=[confirm_token(nonce)]))
        from_email = lists[0].from_email if len(lists) == 1 else None
        _send(
            rows[0].email,
            _("Please confirm your newsletter subscription"),
            "confirm",
            {"lists": lists, "confirm_url": url, "consent_text": rows[0].consent_text},
            from_email=from_email,
        )
    return True


def _address_and_language(digest):
    return (
        Subscription.objects.filter(email_digest=digest)
        .order_by("-signed_up_at")
        .values_list("email", "language")
        .first()
    )


def send_data_link(digest):
    """The link to see or erase one's data goes only to the mailbox itself."""
    found = _address_and_language(digest)
    if found is None:
        return False
    email, language = found
    with translation.override(language):
        token = tokens.make_token(tokens.DATA, {"d": digest})
        url = absolute(reverse("newsletter-my-data", args=[token]))
        _send(email, _("Your newsletter data"), "data_link", {"data_url": url})
    return True


def send_data_export(digest):
    found = _address_and_language(digest)
    if found is None:
        return False
    email, language = found
    data = subscriber_data(digest)
    with translation.override(language):
        _send(
            email,
            _("Your newsletter data"),
            "data_export",
            {},
            attachments=[json_attachment("newsletter-data.json", data)],
        )
    return True
