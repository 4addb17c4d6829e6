"""Facts identical in every language.

A project's facts (amounts, currency, dates, status override, organisations, places, themes,
funders, programme and call) are copied onto every language version of the page, so listings,
filters and facets in any language stay single-table queries and revisions, previews and
moderation keep working. Publishing any language version shares its facts with all the others,
in one transaction (the publication's own when it comes through ``page.publish()``): their live
rows, their live revisions and their latest drafts.

``facts_version`` counts the changes. A revision carrying an older count than the other language
versions (an old draft, a reverted revision, a translation built from an old source snapshot)
was written before the latest change: publishing it takes the current facts instead of
bringing its own back.
"""

from django.utils import timezone
from wagtail.models import TranslatableMixin

FIELDS = (
    "status_override",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "owner_organisation",
    "funding_programme",
    "funding_call",
    "amount_granted",
    "total_budget",
    "in_kind_value",
    "currency",
    "award_date",
)
ROWS = {
    "partners": ("organisation", "role"),
    "funders": ("organisation", "amount"),
    "places": ("place",),
    "themes": ("theme",),
}


def read(page):
    """The facts of a page (a row or a revision's object) as plain values."""
    facts = {name: getattr(page, name) for name in FIELDS}
    for relation, columns in ROWS.items():
        facts[relation] = [
            tuple(getattr(row, column) for column in columns)
            for row in getattr(page, relation).all()
        ]
    return facts


def _key(value):
    """Snippets and pages compare by translation key: a language version of a facts' target is
    the same fact."""
    if isinstance(value, TranslatableMixin):
        return (type(value)._meta.label, value.translation_key)
    return value


def comparable(facts):
    return {
        name: [tuple(map(_key, row)) for row in value] if name in ROWS else _key(value)
        for name, value in facts.items()
    }


class _Localizer:
    """Points a fact at its target's version in the page's language where one exists, as
    wagtail-localize does for translated foreign keys."""

    def __init__(self):
        self._cache = {}

    def __call__(self, value, locale):
        if not isinstance(value, TranslatableMixin) or value.locale_id == locale.pk:
            return value
        key = (type(value), value.pk, locale.pk)
        if key not in self._cache:
            self._cache[key] = value.get_translation_or_none(locale) or value
        return self._cache[key]


def write(facts, page, version, localize):
    """Set ``facts`` on ``page`` (not saved); returns the names of what changed."""
    current = comparable(read(page))
    wanted = comparable(facts)
    changed = [name for name in wanted if wanted[name] != current[name]]
    for name in changed:
        if name in ROWS:
            model = page._meta.get_field(name).related_model
            columns = ROWS[name]
            setattr(
                page,
                name,
                [
                    model(
                        sort_order=position,
                        **{
                            column: localize(value, page.locale)
                            for column, value in zip(columns, row, strict=True)
                        },
                    )
                    for position, row in enumerate(facts[name])
                ],
            )
        else:
            setattr(page, name, localize(facts[name], page.locale))
    if page.facts_version != version:
        page.facts_version = version
        changed.append("facts_version")
    return changed


def _write_revision(revision, facts, version, localize):
    page = revision.as_object()
    if write(facts, page, version, localize):
        revision.content = page.serializable_data()
        revision.save(update_fields=["content"])


def share_facts(page):
    """Make every language version of ``page`` (just published) carry the same facts."""
    from apps.projects.models import ProjectPage

    others = list(
        ProjectPage.objects.select_for_update()
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
    )
    if not others:
        return
    newest = max(others, key=lambda other: other.facts_version)
    if page.facts_version < newest.facts_version:
        facts, version = read(newest), newest.facts_version
    else:
        facts = read(page)
        same = comparable(facts) == comparable(read(newest))
        version = newest.facts_version if same else newest.facts_version + 1
    localize = _Localizer()
    now = timezone.now()
    for target in [page, *others]:
        changed = write(facts, target, version, localize)
        if not changed:
            continue
        if target.pk != page.pk and target.live:
            target.last_published_at = now
            changed.append("last_published_at")
        target.save(update_fields=changed, clean=False)
        revisions = {target.live_revision_id, target.latest_revision_id} - {None}
        for revision in target.revisions.filter(pk__in=revisions):
            _write_revision(revision, facts, version, localize)
