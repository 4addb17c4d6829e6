"""Admin screens for newsletters: send a test to oneself, send now or schedule (only with the
"send newsletters" permission), see each sending's deliveries by state and retry the failed
ones, draft a digest, and move a list's subscribers in and out as CSV."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from apps.newsletters import csv_io, deliveries, sending
from apps.newsletters.digest import DEFAULT_DAYS, archive_for, draft_digest, last_sent
from apps.newsletters.models import (
    Delivery,
    DeliveryStatus,
    NewsletterArchivePage,
    NewsletterList,
    NewsletterPage,
    Sending,
)

SEND_PERMISSION = "newsletters.send_newsletter"


def can_send(user):
    return user.has_perm(SEND_PERMISSION)


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=gettext_lazy("Leave empty to send now."),
    )


def send_view(request, page_id):
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = ScheduleForm(request.POST or None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test":
            if not request.user.email:
                messages.error(request, _("Your account has no e-mail address."))
            else:
                sending.send_test(page, request.user)
                messages.success(
                    request, _("A test was sent to %(email)s.") % {"email": request.user.email}
                )
            return redirect("newsletter_send", page_id=page.pk)
        if action == "send":
            if not can_send(request.user):
                raise PermissionDenied
            if form.is_valid():
                when = form.cleaned_data["when"]
                if when is not None and when < timezone.now():
                    form.add_error("when", _("Choose a time in the future, or leave it empty."))
                elif request.POST.get("confirmed") != "yes":
                    return _confirm_sending(request, page, form)
                else:
                    try:
                        sending.schedule(page, request.user, when)
                    except sending.NotSendable as error:
                        messages.error(request, str(error))
                    else:
                        messages.success(
                            request,
                            _("The newsletter is scheduled.") if when else _("Sending started."),
                        )
                    return redirect("newsletter_send", page_id=page.pk)
    return TemplateResponse(
        request,
        "newsletters/admin/send.html",
        {
            "page": page,
            "form": form,
            "can_send": can_send(request.user),
            "recipient_count": sending.recipients(page.newsletter_list).count(),
            "sendings": _sendings_with_counts(page),
            "delivery_states": DeliveryStatus.labels,
            "preview_url": reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
            + "?mode=email",
        },
        status=400 if form.errors else 200,
    )


#: Failed deliveries listed per sending, with the mail server's answer.
FAILED_SHOWN = 20


def _sendings_with_counts(page):
    """The page's sendings, each with its number of deliveries per state (one query for all)
    and its first failed deliveries."""
    sendings = list(Sending.objects.filter(page__translation_key=page.translation_key))
    counts = deliveries.counts(sendings)
    for item in sendings:
        item.state_counts = list(counts[item.pk].values())
        item.failed = counts[item.pk][DeliveryStatus.FAILED]
        item.failed_shown = (
            Delivery.objects.filter(sending=item, status=DeliveryStatus.FAILED)
            .select_related("subscription")
            .order_by("pk")[:FAILED_SHOWN]
            if item.failed
            else []
        )
    return sendings


@require_POST
def retry_failed_view(request, sending_id):
    """Failed deliveries of a sending (refused for good, or out of attempts) become due again,
    for when the cause is fixed (a full mailbox emptied, the mail server's settings)."""
    item = get_object_or_404(Sending, pk=sending_id)
    page = item.page.specific
    if not (can_send(request.user) and page.permissions_for_user(request.user).can_edit()):
        raise PermissionDenied
    number = deliveries.retry_failed(item)
    if number:
        from apps.newsletters.tasks import send_newsletter

        send_newsletter.enqueue(item.pk)
        messages.success(
            request,
            ngettext(
                "%(count)d failed delivery will be retried.",
                "%(count)d failed deliveries will be retried.",
                number,
            )
            % {"count": number},
        )
    else:
        messages.info(request, _("There are no failed deliveries to retry."))
    return redirect("newsletter_send", page_id=page.pk)


def _confirm_sending(request, page, form):
    """Sending cannot be undone, so the button first shows how many people will get the issue
    and sends only when that page is confirmed."""
    return TemplateResponse(
        request,
        "newsletters/admin/send_confirm.html",
        {
            "page": page,
            "form": form,
            "when": form.cleaned_data["when"],
            "recipient_count": sending.recipients(page.newsletter_list).count(),
        },
    )


def export_view(request, list_id):
    if not request.user.has_perm("newsletters.view_subscription"):
        raise PermissionDenied
    newsletter_list = get_object_or_404(NewsletterList, pk=list_id)
    response = HttpResponse(
        csv_io.export_confirmed(newsletter_list), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{newsletter_list.slug}.csv"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"))


def import_view(request, list_id):
    if not request.user.has_perm("newsletters.add_subscription"):
        raise PermissionDenied
    newsletter_list = get_object_or_404(NewsletterList, pk=list_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors, summary = [], None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"].read().decode("utf-8-sig", errors="replace")
        try:
            summary = csv_io.import_subscribers(
                newsletter_list, text, source_detail=f"import by {request.user.get_username()}"
            )
        except csv_io.ImportRejected as rejected:
            errors = rejected.errors
        else:
            from apps.newsletters.tasks import send_confirmation

            for nonce in summary.nonces:
                send_confirmation.enqueue(nonce)
    return TemplateResponse(
        request,
        "newsletters/admin/import.html",
        {"newsletter_list": newsletter_list, "form": form, "errors": errors, "summary": summary},
        status=400 if errors else 200,
    )


class DigestForm(forms.Form):
    days = forms.IntegerField(
        label=gettext_lazy("Days"),
        min_value=1,
        max_value=90,
        initial=DEFAULT_DAYS,
        help_text=gettext_lazy(
            "How far back to look if the list has no sent issue yet; otherwise the draft has "
            "what was published since the last issue was sent."
        ),
    )


def digest_view(request, archive_id):
    archive = get_object_or_404(NewsletterArchivePage, pk=archive_id)
    target = archive_for(archive.newsletter_list)  # the draft goes in the list's language
    if not target.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    form = DigestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page = draft_digest(archive.newsletter_list, form.cleaned_data["days"], request.user)
        messages.success(request, _("A draft digest was created; review it before sending."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "newsletters/admin/digest.html",
        {
            "archive": archive,
            "form": form,
            "last_sent": last_sent(archive.newsletter_list),
            "language": target.locale,
        },
        status=400 if form.errors else 200,
    )
