"""django-csp's middleware with a policy that can differ by path: the public site gets the strict
policy of CONTENT_SECURITY_POLICY, and a path listed in CSP_PATH_UPDATES gets those directives
added (the API documentation's Redoc bundle writes its styles inline and searches in a worker it
starts from a blob: URL). Wagtail's admin, which needs inline scripts and styles throughout, is
left out by EXCLUDE_URL_PREFIXES instead."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        for prefix, directives in getattr(settings, "CSP_PATH_UPDATES", {}).items():
            if request.path_info.startswith(prefix):
                parts.update = {**directives, **(parts.update or {})}
        return parts
