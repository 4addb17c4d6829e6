"""Moderation of portal events with Wagtail's own workflow: one GroupApprovalTask for the
"Calendar moderators" group. ``ensure_moderation`` creates the group, task and workflow if they
are missing and is safe to call any number of times (submission, demo loader, tests), so a site
works without a manual set-up step; renaming them in the admin is not supported."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowState,
    WorkflowTask,
)

GROUP_NAME = "Calendar moderators"
TASK_NAME = "Calendar moderators approve"
WORKFLOW_NAME = "Calendar moderation"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MODEL_PERMISSIONS = [
    "view_organiseraccount",
    "change_organiseraccount",
    "view_organisationproposal",
    "change_organisationproposal",
    "delete_organisationproposal",
    "view_trustedorganisation",
    "add_trustedorganisation",
    "change_trustedorganisation",
    "delete_trustedorganisation",
]
# Marked for translation so the catalogue carries them for the admin's language.
LABELS = (_("Calendar moderators"), _("Calendar moderation"))


@transaction.atomic
def ensure_moderation():
    """The workflow for portal submissions, with its group and the group's permissions on every
    calendar page and on images (moderators need to see uploads)."""
    from apps.events.models import EventIndexPage
    from apps.portal.models import OrganiserAccount

    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(access)
    for calendar in EventIndexPage.objects.all():
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=calendar,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    root = Collection.get_first_root_node()
    if root is not None:
        for codename in ("choose_image", "change_image"):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailimages", codename=codename
                ),
            )
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label=OrganiserAccount._meta.app_label,
            codename__in=MODEL_PERMISSIONS,
        )
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(group)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def open_workflow_state(page):
    """The page's workflow that is under review or waiting for changes, if any."""
    return (
        WorkflowState.objects.for_instance(page)
        .filter(status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES])
        .first()
    )


def _portal_event(object_id):
    from apps.portal.models import PortalEvent

    return (
        PortalEvent.objects.select_related("page", "submitted_by", "created_by")
        .filter(page_id=object_id)
        .first()
    )


def on_published(sender, instance, revision=None, **kwargs):
    """Whoever publishes the original (workflow, trusted organiser, moderator in the editor),
    its translations follow with the organiser's text, and "My events" says published. A
    revision approved for a later go-live tells the organiser now, when it really is public."""
    from apps.portal.content import publish_translations
    from apps.portal.emails import send_moderation_result
    from apps.portal.models import Moderation

    portal = _portal_event(instance.pk)
    go_live_at = revision.approved_go_live_at if revision is not None else None
    if portal is None or (go_live_at is not None and go_live_at > timezone.now()):
        return  # Wagtail signals a revision scheduled for later as published, too
    publish_translations(instance, portal)
    if portal.moderation != Moderation.APPROVED or portal.reason:
        portal.moderation = Moderation.APPROVED
        portal.reason = ""
        portal.save(update_fields=["moderation", "reason", "updated"])
    if go_live_at is not None:
        send_moderation_result(portal, approved=True)


def on_approved(sender, instance, user=None, **kwargs):
    """Tell the organiser "published" only if it is: an approved revision with a go-live date
    in the future (a new event or an edit) is scheduled, not public yet."""
    from apps.portal.emails import send_moderation_result

    portal = _portal_event(instance.object_id)
    if portal is None:
        return
    page = type(portal.page).objects.get(pk=portal.page_id)
    if page.live and page.scheduled_revision is None:
        send_moderation_result(portal, approved=True)


def refuse_second_decision(sender, instance, **kwargs):
    """Wagtail checks a task is still in progress on the copy it loaded, so two moderators (or
    two clicks) deciding at the same time would both approve and publish twice. Locking the row
    makes the second wait for the first and then be refused (403, never a 500)."""
    from apps.events.models import EventPage

    if instance.pk is None or instance.finished_at is None:
        return
    if instance.workflow_state.content_type_id != ContentType.objects.get_for_model(EventPage).pk:
        return
    stored = (
        type(instance)
        .objects.select_for_update()
        .filter(pk=instance.pk)
        .values_list("status", "finished_at")
        .first()
    )
    if stored and stored[0] != instance.STATUS_IN_PROGRESS and stored[1] != instance.finished_at:
        raise PermissionDenied


def on_rejected(sender, instance, user=None, **kwargs):
    from apps.portal.emails import send_moderation_result
    from apps.portal.models import Moderation

    portal = _portal_event(instance.object_id)
    if portal is None:
        return
    task_state = instance.current_task_state
    portal.reason = task_state.specific.get_comment() if task_state else ""
    portal.moderation = Moderation.REJECTED
    portal.save(update_fields=["moderation", "reason", "updated"])
    send_moderation_result(portal, approved=False, reason=portal.reason)


def connect():
    from django.db.models.signals import pre_save
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import page_published, workflow_approved, workflow_rejected

    from apps.events.models import EventPage

    page_published.connect(on_published, sender=EventPage, dispatch_uid="portal-published")
    workflow_approved.connect(on_approved, sender=WorkflowState, dispatch_uid="portal-approved")
    workflow_rejected.connect(on_rejected, sender=WorkflowState, dispatch_uid="portal-rejected")
    pre_save.connect(refuse_second_decision, sender=TaskState, dispatch_uid="portal-decided-once")
