"""Context for the HTML project database: filters, facets, fallback and translation markers."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from apps.projects.models import ProjectPage, ProjectTranslation
from apps.projects.query import evaluate, facets, filtered


def with_translation_origin(queryset):
    origin = ProjectTranslation.objects.filter(
        translation_key=OuterRef("translation_key"), locale=OuterRef("locale")
    ).values("origin")[:1]
    return queryset.annotate(translation_origin=Subquery(origin))


ORDERING_CHOICES = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest")),
    ("title", _("Title")),
    ("amount", _("Amount granted")),
    ("start", _("Start date")),
]


def listing_context(request, index_page, per_page, paginator_class):
    locale = index_page.locale
    filterset = filtered(request.GET, locale)
    if not filterset.is_valid() or filterset.form.errors:
        return {
            "filter_errors": filterset.form.errors,
            "projects": paginator_class(ProjectPage.objects.none(), per_page).get_page(1),
            "facets": {},
            "filters": request.GET,
            "query_string": "",
            "ordering_choices": ORDERING_CHOICES,
        }
    result, ids = evaluate(filterset, locale)
    queryset = with_translation_origin(
        result.select_related("locale", "owner_organisation", "listing_image", "image")
    )
    page = paginator_class(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    export_query = query.copy()
    export_query["locale"] = locale.language_code
    return {
        "filter_errors": None,
        "projects": page,
        "facets": facets(ids, locale),
        "filters": request.GET,
        "selected_themes": request.GET.getlist("theme"),
        "query_string": query.urlencode(),
        "export_query": export_query.urlencode(),
        "ordering_choices": ORDERING_CHOICES,
    }
