"""One JSON error shape for every API response that is not a success, so that clients can handle
errors without knowing which framework produced them: {"error": {"code", "message", "fields"}}."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def error_body(code, message, fields=None):
    return {"error": {"code": code, "message": str(message), "fields": fields or {}}}


def _flatten(detail):
    if isinstance(detail, dict):
        return {key: [str(item) for item in _as_list(value)] for key, value in detail.items()}
    return {}


def _as_list(value):
    if isinstance(value, list | tuple):
        result = []
        for item in value:
            result.extend(_as_list(item) if isinstance(item, list | tuple | dict) else [item])
        return result
    if isinstance(value, dict):
        return [f"{key}: {item}" for key, items in value.items() for item in _as_list(items)]
    return [value]


class BadParameter(exceptions.ValidationError):
    """A query parameter the client must fix; raised with the parameter's name."""

    def __init__(self, field, message):
        super().__init__({field: [message]})


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        if isinstance(exc.detail, list):
            fields = {"non_field_errors": [str(item) for item in _as_list(exc.detail)]}
        message = (
            _("Invalid parameter: {}.").format(", ".join(fields))
            if fields
            else _("Invalid request.")
        )
        body = error_body("invalid", message, fields)
    else:
        code = getattr(exc, "default_code", "error")
        if isinstance(exc.detail, dict | list):
            body = error_body(code, exc.default_detail, _flatten(exc.detail))
        else:
            body = error_body(exc.detail.code if hasattr(exc.detail, "code") else code, exc.detail)
    return Response(body, status=response.status_code, headers=_passthrough_headers(response))


def _passthrough_headers(response):
    return {key: value for key, value in response.items() if key in {"Retry-After", "Allow"}}


def json_not_found(request, exception=None):
    return JsonResponse(error_body("not_found", _("Not found.")), status=404)


def json_server_error(request):
    return JsonResponse(error_body("server_error", _("Server error.")), status=500)


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="Machine-readable error code, e.g. `invalid`, `not_found`."
    )
    message = serializers.CharField(
        help_text="Human-readable explanation in the request's language."
    )
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Per-parameter messages for `invalid` errors; empty otherwise.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


ERROR_RESPONSES = {400: ErrorSerializer, 404: ErrorSerializer, 429: ErrorSerializer}
