"""Serializer fields shared by the domain API."""

from rest_framework import serializers


class OptionalURLField(serializers.URLField):
    """An optional address: null when there is none, never an empty string that is not a URL."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None
