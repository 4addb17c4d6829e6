"""Serializer fields for NetworkPage's Wagtail API v2 output (members, contacts, area)."""

from rest_framework import serializers

from apps.core.locale import request_cache


class _PageRelationField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        self._page = instance
        return super().get_attribute(instance)


class NetworkMembersField(_PageRelationField):
    def to_representation(self, manager):
        localized = request_cache(self.context["request"], self._page.locale)
        result = []
        rows = list(manager.all())
        for row, organisation in zip(
            rows, localized.many([r.organisation for r in rows]), strict=True
        ):
            result.append(
                {
                    "organisation": {
                        "slug": organisation.slug,
                        "name": organisation.name,
                        "kind": organisation.kind,
                    },
                    "role": row.role,
                    "since": row.since.isoformat() if row.since else None,
                }
            )
        return result


class NetworkContactsField(_PageRelationField):
    def to_representation(self, manager):
        localized = request_cache(self.context["request"], self._page.locale)
        result = []
        rows = list(manager.all())
        for person in localized.many([row.person for row in rows]):
            result.append(
                {
                    "name": person.name,
                    "role": person.role,
                    "email": person.public_email or None,
                    "phone": person.public_phone or None,
                }
            )
        return result


class NetworkPlacesField(_PageRelationField):
    def to_representation(self, manager):
        language = self._page.locale.language_code
        return [
            {
                "identifier": row.place.identifier,
                "kind": row.place.kind,
                "name": row.place.label(language),
            }
            for row in manager.all()
        ]
