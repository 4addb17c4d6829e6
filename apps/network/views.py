"""Public directory pages, served through NetworkIndexPage's routes so they sit under the
translated network path and get the page's language switcher."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from apps.core.base_template import render
from apps.core.locale import with_fallback
from apps.network.api import OrganisationFilter
from apps.network.models import (
    NetworkMembership,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    PlaceKind,
)
from apps.network.registry import organisation_sections

PER_PAGE = 24


def organisation_directory(request, index_page):
    base = with_fallback(
        Organisation.objects.select_related("locale", "municipality__parent", "logo"),
        index_page.locale,
    ).order_by("name", "pk")
    filterset = OrganisationFilter(request.GET or None, queryset=base)
    if filterset.is_bound and not filterset.is_valid():
        organisations, errors, status = base.none(), filterset.errors, 400
    else:
        organisations, errors, status = filterset.qs, {}, 200
    page = Paginator(organisations, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/organisation_list.html",
        {
            "page": index_page,
            "self": index_page,
            "organisations": page,
            "errors": errors,
            "filters": request.GET,
            "query_string": query.urlencode(),
            "kinds": OrganisationKind.choices,
            "regions": Place.objects.of_kind(PlaceKind.REGION).order_by("country", "name"),
            "language": index_page.locale.language_code,
            "title": _("Organisations"),
        },
        status=status,
    )


def organisation_page(request, index_page, slug):
    candidates = with_fallback(
        Organisation.objects.filter(slug=slug).select_related(
            "locale", "municipality__parent", "logo"
        ),
        index_page.locale,
    )
    organisation = candidates.first()
    if organisation is None:
        raise Http404
    people = with_fallback(
        Person.objects.filter(
            organisation__translation_key=organisation.translation_key
        ).select_related("photo"),
        index_page.locale,
    ).order_by("name")
    memberships = (
        NetworkMembership.objects.filter(
            organisation__translation_key=organisation.translation_key,
            page__live=True,
            page__locale=index_page.locale,
        )
        .select_related("page")
        .order_by("page__title")
    )
    return render(
        request,
        "network/organisation_detail.html",
        {
            "page": index_page,
            "self": index_page,
            "organisation": organisation,
            "people": people,
            "memberships": memberships,
            "sections": organisation_sections(request, organisation),
            "language": index_page.locale.language_code,
        },
    )
