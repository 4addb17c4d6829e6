"""Serializer fields shared by the domain API."""

from operator import attrgetter

from rest_framework import serializers


class OptionalMixin:
    """Null when there is no value, never an empty string (that is not a URL or an address)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class OptionalURLField(OptionalMixin, serializers.URLField):
    pass


class OptionalEmailField(OptionalMixin, serializers.EmailField):
    pass


class OptionalCharField(OptionalMixin, serializers.CharField):
    pass


def _reader(spec):
    """An attribute path ("theme.slug") or a callable taking (instance, field)."""
    if callable(spec):
        return spec
    get = attrgetter(spec)
    return lambda instance, field: get(instance)


class ReferenceSerializer(serializers.Serializer):
    """A linked object (organisation, programme, call, project, theme, place, category …):
    `value` is its stable code, the same in every language, the value the matching filter
    takes and the `value` of the listing's facets; `name` is its label, in the requested
    language where it has one."""

    # `value` and `name` say where to read them: an attribute path ("theme.slug") or a callable
    # taking (instance, field), e.g. to read a label from the serializer context. Subclasses may
    # declare further read-only fields (a partner's `role`), read from the instance as usual,
    # and need a docstring of their own (it is their description in the OpenAPI document).

    value = serializers.CharField(
        read_only=True, help_text="Stable code, the same in every language; the filter value"
    )
    name = serializers.CharField(read_only=True, help_text="Label in the requested language")

    def __init__(self, *args, value="slug", name="name", **kwargs):
        self._value = _reader(value)
        self._name = _reader(name)
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, instance):
        value = self._value(instance, self)
        if value is None:  # e.g. read from an annotation of the parent: no linked object
            return None
        data = {"value": str(value), "name": self._name(instance, self)}
        for field in self._readable_fields:
            if field.field_name in data:
                continue
            attribute = field.get_attribute(instance)
            data[field.field_name] = (
                None if attribute is None else field.to_representation(attribute)
            )
        return data


def place_label(path=""):
    """Reads a place's label in the request's language (context `language`), for `name`."""
    get = attrgetter(path) if path else (lambda instance: instance)
    return lambda instance, field: get(instance).label(field.context.get("language"))


class SourceSerializer(serializers.Serializer):
    """Where a copy harvested from another Bygd site came from (null for the site's own items)."""

    site = serializers.CharField(help_text="The name of the site it was copied from")
    url = serializers.URLField(help_text="Its page on that site")
    id = serializers.CharField(source="identifier", help_text="Its identifier in that site's API")


class SourceField(SourceSerializer):
    """Reads the item's prefetched ``provenance`` rows (``GenericRelation(Provenance)``), so a
    page of results costs one query for all of them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "provenance")
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        rows = list(getattr(instance, self.source).all())
        return rows[0] if rows else None

    def to_representation(self, instance):
        return None if instance is None else super().to_representation(instance)
