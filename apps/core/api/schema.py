"""The OpenAPI document covers the domain API only; Wagtail's v2 API and the admin's internal
endpoints document themselves elsewhere and cannot be introspected outside a request."""


def only_domain_api(endpoints, **kwargs):
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith("/api/") and not endpoint[0].startswith("/api/v2/")
    ]
