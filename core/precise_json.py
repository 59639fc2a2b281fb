"""A JSON serialization format that keeps datetimes to the microsecond, for backups.

Django's JSON serializer (``dumpdata``'s default) rounds times down to the millisecond, so a
backup restored from it would not give back exactly the rows it was taken from. Registered
as the ``precise_json`` format (``SERIALIZATION_MODULES``); its files load with the standard
``json`` deserializer, since ISO 8601 with microseconds is what that reads.
"""

import datetime

from django.core.serializers.json import (
    Deserializer,  # noqa: F401 - the format's reader
    DjangoJSONEncoder,
)
from django.core.serializers.json import Serializer as JSONSerializer


class PreciseEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = PreciseEncoder
