"""Keeps the directory in the admin search index from the first migrate on.

The shipped places are written by a data migration, through historical models, so Wagtail's
indexing signals never fire for them and the place chooser found only places edited since.
After every migrate, rows missing from the index are added; an up-to-date index costs one query
per model.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_migrate
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from apps.network.models import Organisation, Person, Place


def index_missing(sender=None, using="default", **kwargs):
    for model in (Place, Organisation, Person):
        content_type = ContentType.objects.db_manager(using).get_for_model(model)
        indexed = IndexEntry.objects.using(using).filter(content_type=content_type)
        missing = model.objects.using(using).exclude(
            pk__in=[int(pk) for pk in indexed.values_list("object_id", flat=True)]
        )
        if not missing.exists():
            continue
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, list(missing))


def connect(app_config):
    post_migrate.connect(index_missing, sender=app_config, dispatch_uid="network_search_index")
