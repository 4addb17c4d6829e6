"""A digest drafts the next issue of a list from what the site's apps registered as newsletter
content: what was published since the previous issue went out, plus what matters while it lasts
(upcoming events, open calls). One draft per list, in the list's own language, under its archive
there; other languages follow through translation like any page. An editor reviews it and sends."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from apps.newsletters.models import NewsletterArchivePage, NewsletterPage, Sending, SendingStatus
from apps.newsletters.registry import NEWSLETTER_CONTENT

DEFAULT_DAYS = 14
ITEMS_PER_SECTION = 10


class NoArchive(Exception):
    """The list has no archive page to put an issue under."""


def last_sent(newsletter_list):
    """When the list's previous issue began going out, or None before its first."""
    return (
        Sending.objects.filter(
            newsletter_list__translation_key=newsletter_list.translation_key,
            status__in=[SendingStatus.SENDING, SendingStatus.DONE],
            started_at__isnull=False,
        )
        .order_by("-started_at")
        .values_list("started_at", flat=True)
        .first()
    )


def archive_for(newsletter_list):
    """The list's archive in the list's own language, else its first archive in any."""
    original = newsletter_list.original
    archives = NewsletterArchivePage.objects.filter(
        newsletter_list__translation_key=original.translation_key
    ).order_by("pk")
    archive = archives.filter(locale_id=original.locale_id).first() or archives.first()
    if archive is None:
        raise NoArchive(
            _("The list “%(list)s” has no newsletter archive page.") % {"list": original.name}
        )
    return archive


def draft_digest(newsletter_list, days=DEFAULT_DAYS, user=None):
    """Draft the list's next issue; ``days`` counts back from today only before the first."""
    archive = archive_for(newsletter_list)
    since = last_sent(newsletter_list) or timezone.now() - datetime.timedelta(days=days)
    language = archive.locale.language_code
    with override(language):
        title = _("%(list)s – %(date)s") % {
            "list": newsletter_list.in_language(language).name,
            "date": date_format(timezone.localdate(), "j F Y"),
        }
        body = [
            (
                "site_content",
                {
                    "heading": str(content.label),
                    "source": name,
                    "parameter": "",
                    "limit": ITEMS_PER_SECTION,
                    "days": None,
                    "since": since if content.only_new else None,
                },
            )
            for name, content in NEWSLETTER_CONTENT.items()
        ]
    page = NewsletterPage(title=title, body=body, locale=archive.locale, live=False)
    archive.add_child(instance=page)
    page.save_revision(user=user)
    return page
