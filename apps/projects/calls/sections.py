"""Open calls outside the calls listing: on the home page, on a funder's organisation page and in
newsletters (registered from AppConfig.ready with core, network and newsletters, which must not
import us)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.locale import active_locale
from apps.core.sections import register_home_section
from apps.network.registry import register_organisation_section
from apps.newsletters.registry import register_newsletter_content
from apps.projects.calls.countdown import countdown
from apps.projects.calls.query import base_queryset
from apps.projects.models import FundingCallIndexPage, FundingCallPage
from apps.projects.models.call_status import ACCEPTING, CallStatus

HOME_ITEMS = 4
ORGANISATION_ITEMS = 10


def _with_countdown(calls):
    now = timezone.now()
    for call in calls:
        call.countdown = countdown(call, now)
    return calls


def open_calls(locale):
    return base_queryset(locale).filter(current_status__in=ACCEPTING, paused=False)


def home_section(request, home_page):
    locale = home_page.locale
    calls = list(open_calls(locale).select_related("locale", "funder")[:HOME_ITEMS])
    if not calls:
        return None
    index = FundingCallIndexPage.objects.live().filter(locale=locale).first()
    return {
        "template": "projects/calls/home_section.html",
        "title": _("Open funding calls"),
        "items": _with_countdown(calls),
        "more_url": index.url if index else None,
    }


def organisation_section(request, organisation):
    calls = list(
        base_queryset(active_locale())
        .filter(funder__translation_key=organisation.translation_key)
        .exclude(current_status=CallStatus.CLOSED)
        .select_related("locale")[:ORGANISATION_ITEMS]
    )
    if not calls:
        return None
    return {
        "title": _("Calls by this funder"),
        "template": "projects/calls/organisation_section.html",
        "items": _with_countdown(calls),
    }


def newsletter_items(locale, parameter, limit, since):
    calls = open_calls(locale)
    if parameter:
        calls = calls.filter(funder__slug=parameter.strip())
    if since is not None:
        calls = calls.filter(first_published_at__gte=since)
    now = timezone.now()
    return [_newsletter_item(call, now) for call in calls.select_related("locale")[:limit]]


def _newsletter_item(call, now):
    return {
        "title": call.title,
        "url": settings.WAGTAILADMIN_BASE_URL + call.url,
        "summary": f"{countdown(call, now)}. {call.summary}",
        "date": call.local(call.next_deadline).date() if call.next_deadline else None,
    }


def describe_calls(pages, locale):
    """Calls an editor picked into a newsletter, in the issue's language where translated."""
    now = timezone.now()
    keys = {page.translation_key for page in pages}
    calls = base_queryset(locale).filter(translation_key__in=keys).select_related("locale")
    return {call.translation_key: _newsletter_item(call, now) for call in calls}


def register():
    register_home_section(home_section, order=30)
    register_organisation_section(organisation_section)
    register_newsletter_content(
        "open-calls",
        gettext_lazy("Open funding calls"),
        newsletter_items,
        parameter_help=gettext_lazy("A funder's organisation slug, or empty for all open calls."),
        only_new=False,
        page_types=[FundingCallPage],
        describe=describe_calls,
    )
