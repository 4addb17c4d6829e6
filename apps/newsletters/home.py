"""The home page's newsletter section: the site-wide public lists (those no project or network
owns), offered where every visitor passes."""

from django.utils import translation
from django.utils.translation import gettext as _

from apps.newsletters.forms import signup_form_context
from apps.newsletters.models import NewsletterList


def newsletter_section(request, home_page):
    language = home_page.locale.language_code
    lists = NewsletterList.objects.public().filter(owner__isnull=True).originals()
    lists = [item.in_language(language) for item in lists]
    if not lists:
        return None
    with translation.override(language):
        return {
            "template": "newsletters/home_section.html",
            "title": _("Newsletter"),
            **signup_form_context(request, lists),
        }
