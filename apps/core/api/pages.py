"""Wagtail's pages endpoint with the joins each page type declares, so a listing of 100 pages
costs the same queries as a listing of 2. Page types name what their `api_fields` read:
`api_select_related` (foreign keys) and `api_prefetch_related` (inline rows, renditions, tags)."""

from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        return queryset.select_related(*getattr(model, "api_select_related", ())).prefetch_related(
            *getattr(model, "api_prefetch_related", ())
        )
