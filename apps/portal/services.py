"""What organisers do to events, as functions the views call: save a draft, submit it, cancel
an event or one date. Every change is a Wagtail revision by the organiser, so the admin's
history shows who did what; only cancellations publish without review, because people who
planned to come must hear at once (they change a fact, never the text). Organisers hold no
Wagtail page permissions, so the portal's own checks (``owned_events``, ``can_submit``, trust)
stand in for them when it publishes on their behalf."""

from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection

from apps.events.models import EventStatus, Venue
from apps.portal.content import (
    apply_form,
    calendar_for,
    cancellations_with,
    new_page,
    unique_slug,
)
from apps.portal.models import Moderation, PortalEvent, TrustedOrganisation
from apps.portal.moderation import ensure_moderation, open_workflow_state

UPLOAD_COLLECTION = "Organiser uploads"


class NotAllowed(Exception):
    """The action does not apply to the event in its current state."""


def upload_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=UPLOAD_COLLECTION).first()
    return existing or root.add_child(name=UPLOAD_COLLECTION)


def store_image(upload, description, user):
    image_model = get_image_model()
    image = image_model(
        title=(description or upload.name)[:255],
        description=description[:255] if hasattr(image_model, "description") else "",
        file=upload,
        collection=upload_collection(),
        uploaded_by_user=user,
    )
    image.save()
    return image


def venue_from(data, locale):
    if data.get("venue"):
        return data["venue"]
    if data.get("new_venue_name"):
        return Venue.objects.create(
            name=data["new_venue_name"],
            address=data.get("new_venue_address", ""),
            postcode=data.get("new_venue_postcode", ""),
            town=data.get("new_venue_town", ""),
            municipality=data["new_venue_municipality"],
            locale=locale,
        )
    return None


def _withdraw(page, user):
    """An edit withdraws a pending review: approving would publish the latest revision, which
    the moderator has not seen."""
    state = open_workflow_state(page)
    if state is not None:
        state.cancel(user=user)


@transaction.atomic
def save_event(account, data, texts, page=None, moves=None):
    """Create or update the event's draft; returns the original page. ``moves`` (unsaved
    EventMovedDate rows) replace the event's moved dates; None leaves them as they are."""
    user = account.user
    if page is None:
        draft = new_page(data, texts, account.organisation, user)
        draft.moved_dates = moves or []
        draft.venue = venue_from(data, draft.locale)
        if data.get("image"):
            draft.image = store_image(data["image"], data.get("image_description", ""), user)
        calendar = calendar_for(draft.locale.language_code)
        draft.slug = unique_slug(calendar, draft.title)
        calendar.add_child(instance=draft)
        draft.save_revision(user=user, log_action=True)
        PortalEvent.objects.create(
            page=draft, organisation=account.organisation, created_by=user, texts=texts
        )
        return draft
    draft = page.get_latest_revision_as_object()
    apply_form(draft, data, texts, venue_from(data, page.locale))
    if moves is not None:
        draft.moved_dates = moves
    if data.get("remove_image"):
        draft.image = None
    if data.get("image"):
        draft.image = store_image(data["image"], data.get("image_description", ""), user)
    _withdraw(page, user)
    draft.save_revision(user=user, log_action=True)
    portal, _created = PortalEvent.objects.get_or_create(
        page=page, defaults={"organisation": account.organisation, "created_by": user}
    )
    portal.texts = texts
    portal.moderation = Moderation.DRAFT
    portal.save()
    return page


def is_trusted(organisation):
    return TrustedOrganisation.objects.filter(
        organisation__translation_key=organisation.translation_key
    ).exists()


@transaction.atomic
def submit(account, page):
    """Send the latest revision for review, or publish it at once for a trusted organisation."""
    if not account.can_submit:
        raise NotAllowed
    return submit_for(account.organisation, account.user, page)


def submit_for(organisation, user, page):
    """``submit`` without an account: feed subscriptions send what they import on behalf of
    the organiser who added them, through the same review (or trust)."""
    portal, _created = PortalEvent.objects.get_or_create(
        page=page, defaults={"organisation": organisation, "created_by": user}
    )
    _withdraw(page, user)
    portal.submitted_by = user
    portal.submitted_at = timezone.now()
    portal.reason = ""
    if is_trusted(organisation):
        portal.moderation = Moderation.APPROVED
        portal.save()
        page.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return portal
    portal.moderation = Moderation.SUBMITTED
    portal.save()
    ensure_moderation().start(page, user)
    return portal


class PendingChanges(NotAllowed):
    """Cancelling publishes at once; with changes not yet approved it would publish (or drop)
    what no moderator has seen."""


def _publish_fact_change(account, page, change):
    if not page.live or not account.can_submit:
        raise NotAllowed
    if page.has_unpublished_changes:
        raise PendingChanges
    _withdraw(page, account.user)
    live = type(page).objects.get(pk=page.pk)
    change(live)
    live.save_revision(user=account.user, log_action=True).publish(
        user=account.user, skip_permission_checks=True
    )
    return live


@transaction.atomic
def cancel_event(account, page):
    if page.status == EventStatus.CANCELLED:
        raise NotAllowed

    def change(live):
        live.status = EventStatus.CANCELLED

    return _publish_fact_change(account, page, change)


@transaction.atomic
def cancel_occurrence(account, page, day, note):
    def change(live):
        live.cancellations = cancellations_with(live, day, note)

    return _publish_fact_change(account, page, change)
