"""Django's JSON serializer without its one loss: ``DjangoJSONEncoder`` cuts date-times and
times to milliseconds (for JavaScript), so a restored site would show other ``modified``
stamps and answer other ETags. Backups write and read this format, registered under
``FORMAT`` by ``apps.core.backup``."""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

FORMAT = "bygdjson"

__all__ = ["Deserializer", "Serializer"]


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            value = o.isoformat()
            return value[:-6] + "Z" if value.endswith("+00:00") else value
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = FullPrecisionEncoder
