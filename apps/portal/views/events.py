"""My events: list, create, edit, copy, preview, submit, cancel. Every view that takes an id
resolves it through ``get_owned_event``, so another organisation's event is a 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from apps.events.models import EventOccurrence
from apps.portal import emails, services
from apps.portal.clashes import find_clashes
from apps.portal.content import form_initial
from apps.portal.forms import CancelEventForm, CancelOccurrenceForm, EventForm
from apps.portal.moved_dates import MovedDateFormSet, initial_moves
from apps.portal.permissions import get_owned_event, organiser_required
from apps.portal.ratelimit import RateLimited, check_attempt
from apps.portal.status import EventRow, my_events, portal_of, rows
from apps.portal.views.accounts import page, rate_limited

PENDING_CHANGES = gettext_lazy(
    "This event has changes that no moderator has approved yet. Cancel it once the review is "
    "done, or ask a moderator."
)

PER_PAGE = 25


@never_cache
@organiser_required
def home_view(request):
    account = request.organiser
    paginator = Paginator(my_events(account), PER_PAGE)
    page_of = paginator.get_page(request.GET.get("page"))
    return page(
        request,
        "home.html",
        {"account": account, "rows": rows(page_of.object_list), "events": page_of},
    )


@require_POST
@organiser_required
def resend_verification_view(request):
    account = request.organiser
    try:
        check_attempt(request, "verify", account.user.email)
    except RateLimited as error:
        return rate_limited(request, error)
    if not account.is_verified:
        emails.send_verification(account)
    messages.info(request, _("We have sent a new link to your e-mail address."))
    return redirect("portal:home")


def _event_form(request, initial=None, original_language=None, has_image=False):
    return EventForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        original_language=original_language,
        has_image=has_image,
    )


def _valid(form, moves):
    """Both validated, so every error shows at once."""
    form_valid = form.is_valid()
    return moves.is_valid() and form_valid


@never_cache
@organiser_required
def event_new_view(request):
    account = request.organiser
    if account.organisation_id is None:
        # Not a 404: the organiser did nothing wrong, a moderator has yet to confirm them.
        return page(request, "event_wait.html", {"account": account})
    initial = None
    source = request.GET.get("copy")
    if source:
        if not source.isdigit():
            raise Http404
        original = get_owned_event(account, int(source))
        initial = form_initial(original.get_latest_revision_as_object(), portal_of(original))
        for name in ("extra_dates", "excluded_dates"):
            initial[name] = ""
    form = _event_form(request, initial=initial)
    moves = MovedDateFormSet(request.POST or None, event_form=form)
    if request.method == "POST" and _valid(form, moves):
        event = services.save_event(account, form.cleaned_data, form.texts(), moves=moves.moves())
        messages.success(request, _("The event is saved as a draft."))
        return redirect("portal:event", pk=event.pk)
    return page(
        request,
        "event_form.html",
        {"form": form, "moves": moves, "copying": bool(source)},
        status=400 if form.errors or moves.total_error_count() else 200,
    )


@never_cache
@organiser_required
def event_edit_view(request, pk):
    account = request.organiser
    event = get_owned_event(account, pk)
    latest = event.get_latest_revision_as_object()
    form = _event_form(
        request,
        initial=form_initial(latest, portal_of(event)),
        original_language=event.locale.language_code,
        has_image=latest.image_id is not None,
    )
    moves = MovedDateFormSet(request.POST or None, initial=initial_moves(latest), event_form=form)
    if request.method == "POST" and _valid(form, moves):
        services.save_event(
            account, form.cleaned_data, form.texts(), page=event, moves=moves.moves()
        )
        messages.success(request, _("Your changes are saved as a draft. Submit them when ready."))
        return redirect("portal:event", pk=event.pk)
    return page(
        request,
        "event_form.html",
        {"form": form, "moves": moves, "event": event},
        status=400 if form.errors or moves.total_error_count() else 200,
    )


@never_cache
@organiser_required
def event_detail_view(request, pk):
    account = request.organiser
    event = get_owned_event(account, pk)
    latest = event.get_latest_revision_as_object()
    municipality = latest.venue.municipality_id if latest.venue_id else None
    upcoming = (
        EventOccurrence.objects.visible()
        .filter(series__key=event.translation_key, end__gte=timezone.now())
        .order_by("start")[:30]
    )
    return page(
        request,
        "event_detail.html",
        {
            "event": event,
            "latest": latest,
            "row": EventRow(
                type(event).objects.select_related("portal", "latest_revision").get(pk=event.pk)
            ),
            "clashes": find_clashes(latest, municipality),
            "occurrences": upcoming,
            "account": account,
            "trusted": services.is_trusted(account.organisation),
            "cancel_form": CancelOccurrenceForm(),
        },
    )


@never_cache
@organiser_required
def event_preview_view(request, pk):
    event = get_owned_event(request.organiser, pk)
    latest = event.get_latest_revision_as_object()
    response = latest.serve_preview(request, latest.default_preview_mode)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@organiser_required
def event_submit_view(request, pk):
    account = request.organiser
    event = get_owned_event(account, pk)
    if not account.can_submit:
        messages.error(request, _("Confirm your e-mail address before you submit events."))
        return redirect("portal:event", pk=event.pk)
    portal = services.submit(account, event)
    if portal.moderation == "approved":
        messages.success(request, _("The event is published."))
    else:
        messages.success(
            request,
            _("The event is sent to the moderators. We e-mail you when they have looked at it."),
        )
    return redirect("portal:event", pk=event.pk)


@never_cache
@organiser_required
def event_cancel_view(request, pk):
    account = request.organiser
    event = get_owned_event(account, pk)
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_event(account, event)
        except services.PendingChanges:
            messages.error(request, PENDING_CHANGES)
        except services.NotAllowed:
            messages.error(
                request, _("Only published events that are not cancelled can be cancelled.")
            )
        else:
            messages.success(request, _("The event is cancelled."))
        return redirect("portal:event", pk=event.pk)
    return page(request, "event_cancel.html", {"event": event, "form": form})


@require_POST
@organiser_required
def occurrence_cancel_view(request, pk):
    account = request.organiser
    event = get_owned_event(account, pk)
    form = CancelOccurrenceForm(request.POST)
    if form.is_valid():
        day = form.cleaned_data["date"]
        known = EventOccurrence.objects.visible().filter(
            series__key=event.translation_key,
            key__startswith=day.strftime("%Y%m%d"),
            end__gte=timezone.now(),
        )
        if known.exists():
            try:
                services.cancel_occurrence(account, event, day, form.cleaned_data["note"])
            except services.PendingChanges:
                messages.error(request, PENDING_CHANGES)
                return redirect("portal:event", pk=event.pk)
            except services.NotAllowed:
                pass
            else:
                messages.success(request, _("The date is cancelled."))
                return redirect("portal:event", pk=event.pk)
    messages.error(request, _("Choose one of the event's published dates."))
    return redirect("portal:event", pk=event.pk)
