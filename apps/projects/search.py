"""The project database's text search: keeping ProjectSearchDocument rows current, and matching
and ranking projects against them.

Documents are rebuilt for a page when it is saved or published (after its inline rows are
written), dropped when it is unpublished, and rebuilt for every project that names an
organisation, place or person when that one changes; a theme's projects get its new slug. Rows
written in bulk (imports, benchmarks) are filled by ``manage.py update_project_search`` or on
the next ``migrate``.
"""

from django.db import connections, transaction
from django.db.models import Case, F, FloatField, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Locale
from wagtail.signals import page_published, page_unpublished

from apps.core.search_config import config_for_language
from apps.core.text_search import fold, prefix_tsquery, terms
from apps.network.models import Organisation, Person, Place
from apps.projects.models import (
    ProjectContact,
    ProjectFunder,
    ProjectPage,
    ProjectPartner,
    ProjectPlace,
    ProjectSearchDocument,
    ProjectTheme,
    Theme,
)

BATCH = 500


def _document(page):
    language = page.locale.language_code
    organisations = [
        page.owner_organisation,
        *(row.organisation for row in page.partners.all()),
        *(row.organisation for row in page.funders.all()),
    ]
    places = [row.place for row in page.places.all()]
    content = [
        page.summary,
        *page.body.stream_block.get_searchable_content(page.body),
        *page.results.stream_block.get_searchable_content(page.results),
        *(organisation.name for organisation in organisations if organisation),
        *(place.label(language) for place in places),
        *(place.name for place in places if place.label(language) != place.name),
        *(row.person.name for row in page.contacts.all()),
    ]
    return ProjectSearchDocument(
        page_id=page.pk,
        config=config_for_language(language),
        heading=fold(" ".join(filter(None, [page.title, page.acronym, page.identifier]))),
        content=fold(" ".join(filter(None, content))),
    )


def refresh(page_ids):
    """Rebuilds the documents of ``page_ids``: live pages get one, the others none."""
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), BATCH):
        _refresh_batch(page_ids[start : start + BATCH])


def _refresh_batch(page_ids):
    pages = (
        ProjectPage.objects.filter(pk__in=page_ids, live=True)
        .select_related("locale", "owner_organisation")
        .prefetch_related(
            "partners__organisation", "funders__organisation", "places__place", "contacts__person"
        )
    )
    documents = [_document(page) for page in pages]
    with transaction.atomic():
        ProjectSearchDocument.objects.filter(page_id__in=page_ids).delete()
        ProjectSearchDocument.objects.bulk_create(documents)
        if documents and connections[ProjectSearchDocument.objects.db].vendor == "postgresql":
            from django.contrib.postgres.search import SearchVector

            ProjectSearchDocument.objects.filter(page_id__in=page_ids).update(
                vector=SearchVector("heading", config=F("config"), weight="A")
                + SearchVector("content", config=F("config"), weight="B"),
                themes=theme_slugs(ProjectTheme.objects),
            )


def theme_slugs(project_themes):
    """The slugs of a document's page's themes (PostgreSQL), from ``project_themes`` (a
    manager, so a migration can pass its own). Slugs are the same in every language."""
    from django.contrib.postgres.aggregates import ArrayAgg

    return Subquery(
        project_themes.filter(page_id=OuterRef("page_id"))
        .order_by()
        .values("page_id")
        .annotate(slugs=ArrayAgg("theme__slug", distinct=True))
        .values("slugs")
    )


def missing_page_ids():
    return (
        ProjectPage.objects.live().filter(search_document__isnull=True).values_list("pk", flat=True)
    )


def matching(queryset, text):
    """``queryset`` narrowed to projects matching every word of ``text`` (as a prefix on
    PostgreSQL, anywhere on SQLite), annotated with a ``search_rank`` expression for ordering."""
    words = terms(text)
    if not words:
        return queryset.none(), None
    if connections[queryset.db].vendor == "postgresql":
        return _matching_postgresql(queryset, prefix_tsquery(text))
    condition = Q()
    for word in words:
        condition &= Q(search_document__heading__contains=word) | Q(
            search_document__content__contains=word
        )
    heading = Q()
    for word in words:
        heading &= Q(search_document__heading__contains=word)
    rank = Case(When(heading, then=Value(1)), default=Value(0), output_field=IntegerField())
    return queryset.filter(condition), rank


def within_themes(queryset, slugs):
    """``queryset``, already narrowed by ``matching`` on PostgreSQL, narrowed to projects with
    any of the theme ``slugs``, read from the search documents it has joined."""
    return queryset.filter(search_document__themes__overlap=list(slugs))


def reads_documents(queryset, text):
    """Whether ``matching(queryset, text)`` narrows by the stored documents' vectors, which
    carry the theme slugs too (PostgreSQL, and ``text`` has words)."""
    return connections[queryset.db].vendor == "postgresql" and bool(terms(text))


def _matching_postgresql(queryset, tsquery):
    from django.contrib.postgres.search import SearchQuery, SearchRank

    configs = sorted(
        {
            config_for_language(code)
            for code in Locale.objects.values_list("language_code", flat=True)
        }
    )
    condition = Q()
    ranks = []
    for config in configs:
        query = SearchQuery(tsquery, config=config, search_type="raw")
        condition |= Q(search_document__config=config, search_document__vector__matches=query)
        ranks.append(
            When(
                search_document__config=config, then=SearchRank(F("search_document__vector"), query)
            )
        )
    rank = Case(*ranks, default=Value(0.0), output_field=FloatField())
    return queryset.filter(condition), rank


def _page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """Not for fixtures (``raw``, as ``manage.py restore`` loads them): they carry their
    documents, and the page's rows may not be loaded yet."""
    if update_fields is None and not raw:
        refresh([instance.pk])


def _page_published(sender, instance, **kwargs):
    refresh([instance.pk])


def _page_unpublished(sender, instance, **kwargs):
    ProjectSearchDocument.objects.filter(page_id=instance.pk).delete()


def _row_changed(sender, instance, origin=None, raw=False, **kwargs):
    if raw or isinstance(origin, ProjectPage):
        return
    refresh([instance.page_id])


def _pages_naming(field):
    def handler(sender, instance, raw=False, **kwargs):
        if raw:
            return
        refresh(
            ProjectPage.objects.live()
            .filter(**{field: instance})
            .values_list("pk", flat=True)
            .distinct()
        )

    return handler


_organisation_changed = _pages_naming("partners__organisation")
_owner_changed = _pages_naming("owner_organisation")
_funder_changed = _pages_naming("funders__organisation")
_place_changed = _pages_naming("places__place")
_person_changed = _pages_naming("contacts__person")


def _theme_changed(sender, instance, raw=False, **kwargs):
    """A theme reaches the documents only as its slug (its name is not searched), so its
    projects' slugs are set in one UPDATE rather than every one of them rebuilt in Python
    (thousands for a theme, inside the editor's save)."""
    if raw or connections[ProjectSearchDocument.objects.db].vendor != "postgresql":
        return
    ProjectSearchDocument.objects.filter(page__themes__theme=instance).update(
        themes=theme_slugs(ProjectTheme.objects)
    )


def _fill_missing(sender, using=None, **kwargs):
    table = ProjectSearchDocument._meta.db_table
    if table in connections[using].introspection.table_names():
        refresh(missing_page_ids())


def connect(app_config):
    post_save.connect(_page_saved, sender=ProjectPage, dispatch_uid="project_search_save")
    page_published.connect(_page_published, sender=ProjectPage, dispatch_uid="project_search_pub")
    page_unpublished.connect(
        _page_unpublished, sender=ProjectPage, dispatch_uid="project_search_unpub"
    )
    for model in (ProjectPartner, ProjectFunder, ProjectPlace, ProjectContact, ProjectTheme):
        post_save.connect(
            _row_changed, sender=model, dispatch_uid=f"project_search_{model.__name__}"
        )
        post_delete.connect(
            _row_changed, sender=model, dispatch_uid=f"project_search_del_{model.__name__}"
        )
    post_save.connect(_organisation_changed, sender=Organisation, dispatch_uid="project_search_org")
    post_save.connect(_owner_changed, sender=Organisation, dispatch_uid="project_search_owner")
    post_save.connect(_funder_changed, sender=Organisation, dispatch_uid="project_search_funder")
    post_save.connect(_place_changed, sender=Place, dispatch_uid="project_search_place")
    post_save.connect(_person_changed, sender=Person, dispatch_uid="project_search_person")
    post_save.connect(_theme_changed, sender=Theme, dispatch_uid="project_search_theme")
    post_migrate.connect(_fill_missing, sender=app_config, dispatch_uid="project_search_fill")
