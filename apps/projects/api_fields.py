"""Wagtail API v2 fields for ProjectPage: facts with stable codes (slugs, identifiers) rather
than database ids, so external frontends can link them to the domain API."""

from django.utils import translation
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

from apps.core.locale import request_cache


class _RelatedRows(serializers.Field):
    """Inline rows; with ``localized`` the row's snippet (``row.<localized>``) is shown in the
    page's language (wagtail-localize leaves inline FKs on the source snippets)."""

    def __init__(self, represent, localized=None, **kwargs):
        self.represent = represent
        self.localized = localized
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        self._page = instance
        return super().get_attribute(instance)

    def to_representation(self, manager):
        rows = list(manager.all())
        language = self._page.locale.language_code
        if not self.localized:
            return [self.represent(row, language) for row in rows]
        cache = request_cache(self.context["request"], self._page.locale)
        targets = cache.many([getattr(row, self.localized) for row in rows])
        return [
            self.represent(row, language, target) for row, target in zip(rows, targets, strict=True)
        ]


class _Organisation(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, organisation):
        return {"slug": organisation.slug, "name": organisation.name} if organisation else None


class _Status(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, page):
        return page.status


class TagNamesField(serializers.Field):
    """Tag names from the prefetched rows; Wagtail's TagsField queries again for every page."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class _CallIdentifier(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, call):
        return call.identifier if call else None


def _role_label(code, language):
    from apps.projects.models import PartnerRole

    with translation.override(language):
        return str(PartnerRole(code).label) if code in PartnerRole.values else code


def place_rows():
    """Inline place rows as stable identifiers with the label in the page's language."""
    return APIField(
        "places",
        serializer=_RelatedRows(
            lambda row, lang: {
                "identifier": row.place.identifier,
                "kind": row.place.kind,
                "name": row.place.label(lang),
            }
        ),
    )


def theme_rows():
    return APIField(
        "themes",
        serializer=_RelatedRows(
            lambda row, lang, theme: {"slug": theme.slug, "name": theme.name}, localized="theme"
        ),
    )


def project_api_fields():
    return [
        APIField("identifier"),
        APIField("acronym"),
        APIField("summary"),
        APIField("body"),
        APIField("results"),
        APIField("status", serializer=_Status()),
        APIField("planned_start"),
        APIField("planned_end"),
        APIField("actual_start"),
        APIField("actual_end"),
        APIField("owner_organisation", serializer=_Organisation()),
        APIField(
            "funders",
            serializer=_RelatedRows(
                lambda row, lang, organisation: {
                    "slug": organisation.slug,
                    "name": organisation.name,
                    "amount": None if row.amount is None else str(row.amount),
                },
                localized="organisation",
            ),
        ),
        APIField("funding_call", serializer=_CallIdentifier()),
        APIField(
            "partners",
            serializer=_RelatedRows(
                lambda row, lang, organisation: {
                    "slug": organisation.slug,
                    "name": organisation.name,
                    "role": row.role,
                    "role_label": _role_label(row.role, lang),
                },
                localized="organisation",
            ),
        ),
        place_rows(),
        theme_rows(),
        APIField("amount_granted"),
        APIField("total_budget"),
        APIField("in_kind_value"),
        APIField("currency"),
        APIField("award_date"),
        APIField("website"),
        APIField("original_language"),
        APIField("image", serializer=ImageRenditionField("fill-1200x675")),
        APIField("image_alt"),
        APIField("listing_summary"),
    ]
