"""A digest drafts an issue from what the site's apps registered as newsletter content, limited
to the last N days, so an editor starts from a complete draft and only has to review it."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from apps.newsletters.models import NewsletterPage
from apps.newsletters.registry import NEWSLETTER_CONTENT


def draft_digest(archive, days, user=None):
    with override(archive.locale.language_code):
        title = _("News from the last %(days)d days – %(date)s") % {
            "days": days,
            "date": date_format(timezone.localdate(), "j F Y"),
        }
    body = [
        (
            "site_content",
            {
                "heading": str(content.label),
                "source": name,
                "parameter": "",
                "limit": 10,
                "days": days,
            },
        )
        for name, content in NEWSLETTER_CONTENT.items()
    ]
    page = NewsletterPage(title=title, body=body, locale=archive.locale, live=False)
    archive.add_child(instance=page)
    page.save_revision(user=user)
    return page
