"""The one locale mixin of the domain API: every viewset reads `locale` and `fallback` the same
way and hands them to its serializers."""

from apps.core.api.params import parse_bool, parse_locale


class LocaleContextMixin:
    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "swagger_fake_view", False):
            return context
        context["locale"] = self.locale
        context["language"] = self.locale.language_code
        return context

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.locale = parse_locale(request)
        self.fallback = parse_bool(request, "fallback", True)
