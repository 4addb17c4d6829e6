"""Workarounds for upstream behaviour, one module each; every module names the upstream version
it was written against and when to remove it. Nothing outside this package patches a library.

Settings that work around upstream (they live in the host's settings; cms/settings/base.py sets
them and the README lists them for host sites):

- ``REST_FRAMEWORK["UNAUTHENTICATED_USER"] = "django.contrib.auth.models.AnonymousUser"``:
  DRF 3.18 defaults to ``None``, and Wagtail 8.0's API v2 listing calls
  ``request.user.is_authenticated`` once any page has a view restriction. Remove when Wagtail's
  API tolerates ``request.user is None``.
"""
