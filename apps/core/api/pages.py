"""Wagtail's content API v2: the pages endpoint with the joins each page type declares, so a
listing of 100 pages costs the same queries as a listing of 2 (page types name what their
`api_fields` read: `api_select_related` for foreign keys, `api_prefetch_related` for inline rows,
renditions and tags), and the token-protected endpoint external frontends fetch previews from."""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet

from apps.core.api.errors import error_body
from apps.core.api.views import AnonymousAPIMixin, BygdAPIMixin
from apps.core.locale import warm


class PagesAPIViewSet(AnonymousAPIMixin, WagtailPagesAPIViewSet):
    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        warm(self.request, pages)
        return pages

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        return queryset.select_related(*getattr(model, "api_select_related", ())).prefetch_related(
            *getattr(model, "api_prefetch_related", ())
        )


class ImagesAPIViewSet(AnonymousAPIMixin, WagtailImagesAPIViewSet):
    pass


class DocumentsAPIViewSet(AnonymousAPIMixin, WagtailDocumentsAPIViewSet):
    pass


wagtail_router = WagtailAPIRouter("wagtailapi")
wagtail_router.register_endpoint("pages", PagesAPIViewSet)
wagtail_router.register_endpoint("images", ImagesAPIViewSet)
wagtail_router.register_endpoint("documents", DocumentsAPIViewSet)


class HeadlessPreviewView(BygdAPIMixin, APIView):
    """GET /api/v2/preview/?content_type=<app.model>&token=<token>: a draft, as the editor last
    previewed it. Unknown, expired or mismatched tokens are all the same 404, so tokens cannot
    be probed; answers are never cached."""

    def get(self, request):
        from apps.core.models import HeadlessPreview

        preview = HeadlessPreview.objects.filter(
            token=request.query_params.get("token", ""),
            content_type=request.query_params.get("content_type", "").lower(),
            expires_at__gt=timezone.now(),
        ).first()
        if preview is None:
            response = Response(error_body("not_found", _("Preview not found or expired.")), 404)
        else:
            response = Response(preview.data)
        response["Cache-Control"] = "private, no-store"
        return response
