"""Context for the calls listing and a call's page. The listing's queries do not grow with the
number of calls: status, deadline and countdown come from SQL annotations, rows are prefetched,
and filter options are one grouped query each."""

from django.core.paginator import Paginator
from django.db.models import Prefetch, Sum
from django.utils import timezone

from apps.core.locale import LocalizedCache, with_fallback
from apps.projects.calls.countdown import countdown
from apps.projects.calls.query import base_queryset, filtered
from apps.projects.models import (
    ApplicantKind,
    CallStatus,
    FundingCallIndexPage,
    FundingCallPlace,
    FundingCallTheme,
    ProjectPage,
    Theme,
)

PER_PAGE = 20


def with_rows(queryset):
    return queryset.select_related("locale", "funder", "listing_image").prefetch_related(
        "listing_image__renditions",
        Prefetch("themes", queryset=FundingCallTheme.objects.select_related("theme")),
        Prefetch("places", queryset=FundingCallPlace.objects.select_related("place")),
        "eligible_applicants",
    )


def filter_options(locale):
    calls = base_queryset(locale).order_by()
    language = locale.language_code
    funders = sorted(set(calls.values_list("funder__slug", "funder__name")), key=lambda r: r[1])
    theme_slugs = set(
        FundingCallTheme.objects.filter(page__in=calls.values("pk")).values_list(
            "theme__slug", flat=True
        )
    )
    themes = with_fallback(Theme.objects.filter(slug__in=theme_slugs), locale).values_list(
        "slug", "name"
    )
    places = {
        row.place.identifier: row.place.label(language)
        for row in FundingCallPlace.objects.filter(page__in=calls.values("pk")).select_related(
            "place"
        )
    }
    return {
        "status": CallStatus.choices,
        "funder": funders,
        "theme": sorted(themes, key=lambda r: r[1]),
        "eligible_applicant": ApplicantKind.choices,
        "area": sorted(places.items(), key=lambda r: r[1]),
    }


def index_context(request, index_page):
    locale = index_page.locale
    filterset = filtered(request.GET, locale)
    if not filterset.is_valid():
        return {
            "filter_errors": filterset.errors,
            "calls": Paginator([], PER_PAGE).get_page(1),
            "filters": request.GET,
            "options": filter_options(locale),
        }
    page = Paginator(with_rows(filterset.qs), PER_PAGE).get_page(request.GET.get("page"))
    now = timezone.now()
    localized = LocalizedCache(locale)
    # Every theme on the page in one query per language, before each card takes its own.
    localized.many([row.theme for call in page for row in call.themes.all()])
    for call in page:
        call.countdown = countdown(call, now)
        call.theme_list = localized.many([row.theme for row in call.themes.all()])
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_errors": None,
        "calls": page,
        "filters": request.GET,
        "selected_status": request.GET.getlist("status"),
        "selected_themes": request.GET.getlist("theme"),
        "options": filter_options(locale),
        "query_string": query.urlencode(),
    }


def funded_projects(call):
    """Projects funded by any language version of ``call``, in the call's language where
    translated, with the total granted per currency."""
    projects = with_fallback(
        ProjectPage.objects.live()
        .public()
        .filter(funding_call__translation_key=call.translation_key),
        call.locale,
    )
    totals = (
        projects.filter(amount_granted__isnull=False)
        .order_by()
        .values("currency")
        .annotate(total=Sum("amount_granted"))
        .order_by("currency")
    )
    rows = projects.select_related("locale", "owner_organisation").order_by(
        "-award_date", "title", "pk"
    )
    return list(rows), [(row["currency"], row["total"]) for row in totals]


def call_page_context(request, call):
    now = timezone.now()
    localized = LocalizedCache(call.locale)
    language = call.locale.language_code
    projects, totals = funded_projects(call)
    deadlines = [
        {"moment": call.local(moment), "passed": moment < now}
        for moment in call.deadline_instants()
    ]
    index = FundingCallIndexPage.objects.live().filter(locale=call.locale).first()
    return {
        "status_label": CallStatus(call.status_at(now)).label,
        "countdown": countdown(call, now),
        "opens": call.local(call.opens_at),
        "closes": call.local(call.closes_at),
        "next_deadline": call.local(call.next_deadline_at(now)),
        "deadlines": deadlines,
        "applicants": [row.get_kind_display() for row in call.eligible_applicants.all()],
        "places": [row.place.label(language) for row in call.places.select_related("place")],
        "themes": localized.many([row.theme for row in call.themes.select_related("theme")]),
        "programme": localized(call.programme),
        "contact": localized(call.contact),
        "funded_projects": projects,
        "totals": totals,
        "index_url": index.url if index else None,
    }
