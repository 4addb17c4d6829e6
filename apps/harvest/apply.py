"""Applying what was collected from one source, inside the caller's transaction: copies are
created or updated only where this source made them (a record exists), copies an editor has
edited here are detached and left alone, and what the source removed is deleted here."""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from apps.core.models import Provenance
from apps.harvest.copies import COPIES as PAGE_AND_SNIPPET_COPIES
from apps.harvest.copies import References
from apps.harvest.copies_calls import CallCopies
from apps.harvest.copies_news import NewsCopies
from apps.harvest.models import HarvestedItem
from apps.harvest.translations import apply_translations, keys, remove_translations

COPIES = {**PAGE_AND_SNIPPET_COPIES, "calls": CallCopies, "news": NewsCopies}

#: Organisations first: calls, projects and events point at them; projects before the events
#: and posts of them. Calls link the projects they funded once both are copied (``finish``).
ORDER = ("organisations", "calls", "projects", "events", "news")


class HarvestError(Exception):
    pass


class Run:
    def __init__(self, source, changes, locale):
        self.source, self.changes, self.locale = source, changes, locale
        self.copies = {kind: COPIES[kind](locale) for kind in ORDER}
        self.refs = References(self)
        self.counts = {kind: Counter() for kind in changes.changed}
        self._records = {}
        self.skipped = []

    def apply(self, progress):
        for kind in ORDER:
            if kind not in self.changes.changed:
                continue
            copies = self.copies[kind]
            if getattr(copies, "parent", True) is None:
                raise HarvestError(
                    _("There is no live %(index)s in %(language)s to put the copies under.")
                    % {"index": copies.index._meta.verbose_name, "language": self.locale}
                )
            changed, removed = self.changes.changed[kind], self.changes.removed[kind]
            self.load_records(kind, [*changed, *removed, *keys(self, removed)])
            for item in changed.values():
                self.upsert_or_skip(kind, item)
            for remote_id in removed:
                self.remove(kind, remote_id)
            progress(kind, self.counts[kind])
        apply_translations(self, progress)
        for kind in ORDER:
            if kind in self.changes.changed and hasattr(self.copies[kind], "finish"):
                self.copies[kind].finish(self)
        return self.counts

    def load_records(self, kind, remote_ids):
        records = HarvestedItem.objects.filter(
            source=self.source, kind=kind, remote_id__in=remote_ids
        ).select_related("provenance")
        self._records.update({(kind, record.remote_id): record for record in records})

    def has_record(self, kind, remote_id):
        """Whether a record is among those loaded (no query: load them first)."""
        return (kind, remote_id) in self._records

    def local(self, kind, record):
        return self.copies[kind].model.objects.filter(pk=record.provenance.object_id).first()

    def record(self, kind, remote_id):
        key = (kind, remote_id)
        if key not in self._records:
            self.load_records(kind, [remote_id])
        return self._records.get(key)

    def existing_copy(self, kind, remote_id):
        record = self.record(kind, remote_id)
        return self.local(kind, record) if record else None

    def local_copy(self, kind, remote_id, data):
        """The copy of an item that is only named (an event's organiser): the one made before,
        or one made from what is known, which the item's own harvest completes later."""
        found = self.existing_copy(kind, remote_id)
        if found is not None:
            return found
        url = f"{self.source.base_url.rstrip('/')}/api/{kind}/{remote_id}/"
        return self.upsert(kind, remote_id, url, data, digest="", count=False)

    def upsert_or_skip(self, kind, item):
        """An item this site cannot store as it is (an event whose venue's municipality is not
        known here) is skipped and named in the summary; the rest of the run goes on."""
        try:
            with transaction.atomic():
                self.upsert(kind, item.id, item.url, item.data, item.digest)
        except ValidationError as error:
            self.skip(kind, item.id, error)

    def skip(self, kind, name, error):
        """After a savepoint was rolled back: the loaded records may hold rows of it."""
        self._records.clear()
        self.counts[kind]["skipped"] += 1
        self.skipped.append(f"{kind} {name}: {' '.join(error.messages)}")

    def upsert(self, kind, remote_id, url, data, digest, count=True):
        copies, counts = self.copies[kind], self.counts.setdefault(kind, Counter())
        record = self.record(kind, remote_id)
        if record is None:
            local = copies.create(copies.values(data, self.refs), remote_id)
            self.remember(kind, remote_id, url, local, digest)
            counts["created"] += count
            return local
        local = self.local(kind, record)
        if record.stamp != copies.stamp(local):
            counts["detached"] += 1
        elif record.digest == digest:
            counts["unchanged"] += 1
        else:
            copies.update(local, copies.values(data, self.refs))
            record.digest, record.stamp = digest, copies.stamp(local)
            record.save(update_fields=["digest", "stamp"])
            if record.provenance.url != url:
                record.provenance.url = url
                record.provenance.save(update_fields=["url"])
            counts["updated"] += 1
        return local

    def remember(self, kind, remote_id, url, local, digest, identifier=None):
        provenance = Provenance.objects.create(
            content_type=ContentType.objects.get_for_model(local),
            object_id=local.pk,
            site=self.changes.site,
            url=url,
            identifier=identifier or remote_id,
        )
        self._records[(kind, remote_id)] = HarvestedItem.objects.create(
            source=self.source,
            kind=kind,
            remote_id=remote_id,
            provenance=provenance,
            digest=digest,
            stamp=self.copies[kind].stamp(local),
        )

    def remove(self, kind, remote_id):
        """Deleting the copy deletes its provenance and record with it; the copies of the
        item's translations go with it."""
        if "@" not in remote_id:
            remove_translations(self, kind, remote_id)
        record = self.record(kind, remote_id)
        if record is None:
            return
        local, counts = self.local(kind, record), self.counts[kind]
        if record.stamp != self.copies[kind].stamp(local):
            counts["detached"] += 1
            return
        try:
            with transaction.atomic():
                local.delete()
        except ProtectedError:
            counts["kept"] += 1  # an organisation still named by events here
            return
        self._records.pop((kind, remote_id), None)
        counts["removed"] += 1
