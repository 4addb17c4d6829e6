"""Query parameters every domain endpoint shares: `locale` and `fallback`."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from wagtail.models import Locale

from apps.core.api.errors import BadParameter

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off"}


def parse_bool(request, name, default):
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise BadParameter(name, _("Must be true or false."))


def parse_locale(request):
    """The Locale the client asked for, the request language, or the site default."""
    codes = [code for code, _name in settings.LANGUAGES]
    raw = request.query_params.get("locale")
    if raw in (None, ""):
        code = getattr(request, "LANGUAGE_CODE", None)
        code = code if code in codes else settings.LANGUAGE_CODE
    else:
        code = raw.strip().lower()
        if code not in codes:
            raise BadParameter(
                "locale",
                _("Unknown locale %(code)r; use one of %(codes)s.")
                % {"code": raw, "codes": ", ".join(codes)},
            )
    try:
        return Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        raise BadParameter(
            "locale", _("No content exists in %(code)s yet.") % {"code": code}
        ) from None


LOCALE_PARAMETERS = [
    OpenApiParameter(
        "locale",
        OpenApiTypes.STR,
        enum=[code for code, _name in settings.LANGUAGES],
        description=(
            "Content language (one of the site's languages); without it, the request's "
            "Accept-Language or the site's default."
        ),
    ),
    OpenApiParameter(
        "fallback",
        OpenApiTypes.BOOL,
        description=(
            "Include items that exist only in another language, in their original language "
            "(default true); they are marked `is_fallback`."
        ),
    ),
]
