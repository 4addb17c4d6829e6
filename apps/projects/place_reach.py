"""Keeping ProjectPlaceReach current: the region, municipality and Leader-area facet values each
project reaches through its places (models/place_reach.py says why they are written out).

A project reaches a value of a place facet through a place of that kind it names itself, or one
step along the place chain: a region through its municipality's ``parent``, a municipality
through its Leader area's ``covers``, a Leader area through its municipality's ``leader_areas``.
The rows of a project are rebuilt whenever its places, or a place on such a chain, change; rows
written in bulk are filled by ``manage.py update_project_search`` (and the migration that added
the table).
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from apps.network.models import Place, PlaceKind
from apps.projects.models import ProjectPage, ProjectPlace, ProjectPlaceReach

# facet (a place kind) -> the step along the chain that also reaches it
STEPS = {
    PlaceKind.REGION: "parent",
    PlaceKind.MUNICIPALITY: "covers",
    PlaceKind.LEADER_AREA: "leader_areas",
}
BATCH = 500


def reach_rows(project_places, page_ids):
    """(page id, facet, place id) of ``page_ids``, read from ``project_places`` (a manager, so
    the migration can pass its historical model)."""
    rows = set()
    for kind, step in STEPS.items():
        for path in ("place", f"place__{step}"):
            rows.update(
                (page, str(kind), place)
                for page, place in project_places.filter(
                    page_id__in=page_ids, **{f"{path}__kind": kind}
                ).values_list("page_id", path)
            )
    return sorted(rows)


def rebuild(page_ids, project_places=None, reach=None):
    """Rewrites the rows of ``page_ids`` (live or not: listings filter on that themselves)."""
    project_places = project_places or ProjectPlace.objects
    reach = reach or ProjectPlaceReach
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), BATCH):
        batch = page_ids[start : start + BATCH]
        with transaction.atomic():
            reach.objects.filter(page_id__in=batch).delete()
            reach.objects.bulk_create(
                reach(page_id=page, facet=facet, place_id=place)
                for page, facet, place in reach_rows(project_places, batch)
            )


def pages_near(place_ids):
    """Projects whose rows may change with the places ``place_ids``: those naming one of them or
    a place one step away on a chain, and those that reach one of them now."""
    named = Q(place_id__in=place_ids)
    for step in ("parent", "children", "covers", "leader_areas"):
        named |= Q(**{f"place__{step}__in": place_ids})
    pages = set(ProjectPlace.objects.filter(named).values_list("page_id", flat=True))
    pages.update(
        ProjectPlaceReach.objects.filter(place_id__in=place_ids).values_list("page_id", flat=True)
    )
    return pages


def _page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if update_fields is None and not raw:
        rebuild([instance.pk])


def _row_changed(sender, instance, origin=None, raw=False, **kwargs):
    if raw or isinstance(origin, ProjectPage):
        return
    rebuild([instance.page_id])


def _place_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        rebuild(pages_near([instance.pk]))


def _covers_changed(sender, instance, action, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        rebuild(pages_near([instance.pk, *(pk_set or ())]))


def connect():
    post_save.connect(_page_saved, sender=ProjectPage, dispatch_uid="project_reach_save")
    post_save.connect(_row_changed, sender=ProjectPlace, dispatch_uid="project_reach_row")
    post_delete.connect(_row_changed, sender=ProjectPlace, dispatch_uid="project_reach_row_del")
    post_save.connect(_place_saved, sender=Place, dispatch_uid="project_reach_place")
    m2m_changed.connect(_covers_changed, sender=Place.covers.through, dispatch_uid="project_reach")
