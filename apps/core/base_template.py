"""The base template Bygd's pages and views render in: the host's, when its settings name one in
``BYGD_BASE_TEMPLATE`` (apps.core.conf), otherwise Bygd's own ``bygd/base.html``.

Every Bygd page and view template extends ``bygd/page.html``, which extends the template named by
the ``bygd_base_template`` context variable. Page types put it in their context through
``BaseTemplateMixin``, views through ``render`` (function views) or ``BaseTemplateViewMixin``
(class-based views), so a host needs no context processor; a template rendered without it (an
error page, a host's own view) falls back to ``bygd/base.html``."""

from django.shortcuts import render as django_render

from apps.core import conf

CONTEXT_NAME = "bygd_base_template"


def with_base_template(context):
    """``context`` (a dict) with the base template added unless it names one already."""
    context.setdefault(CONTEXT_NAME, conf.base_template())
    return context


def render(request, template_name, context=None, content_type=None, status=None, using=None):
    """``django.shortcuts.render`` for templates that extend ``bygd/page.html``."""
    return django_render(
        request,
        template_name,
        with_base_template(dict(context or {})),
        content_type=content_type,
        status=status,
        using=using,
    )


def base_template_context(request):
    """Optional context processor: lets a host's own templates extend ``bygd/page.html`` too.
    Bygd's pages and views do not need it."""
    return {CONTEXT_NAME: conf.base_template()}


class BaseTemplateMixin:
    """For page types whose template extends ``bygd/page.html``; list it before ``Page``."""

    def get_context(self, request, *args, **kwargs):
        return with_base_template(super().get_context(request, *args, **kwargs))


class BaseTemplateViewMixin:
    """For class-based views (``get_context_data``) whose template extends ``bygd/page.html``."""

    def get_context_data(self, **kwargs):
        return with_base_template(super().get_context_data(**kwargs))
