"""Calendar feeds: an organiser subscribes the address of their organisation's own calendar
(Google, Outlook, a website's .ics) and the daily ``fetch_feed_subscriptions`` imports it into
moderation. Subscriptions of other organisations are 404 here, like their events."""

from django import forms
from django.contrib import messages
from django.core.validators import URLValidator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from apps.core.public_http import SCHEMES
from apps.portal.models import FeedSubscription
from apps.portal.permissions import organiser_required
from apps.portal.views.accounts import page


class FeedForm(forms.Form):
    url = forms.URLField(
        label=gettext_lazy("Address of the calendar (.ics)"),
        max_length=500,
        assume_scheme="https",
        validators=[
            URLValidator(
                schemes=sorted(SCHEMES),
                message=gettext_lazy("Give an address that starts with https:// or http://."),
            )
        ],
        help_text=gettext_lazy(
            "The calendar's public iCalendar address, e.g. Google Calendar's "
            "“Public address in iCal format”."
        ),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_url(self):
        url = self.cleaned_data["url"]
        if FeedSubscription.objects.filter(organisation=self.organisation, url=url).exists():
            raise forms.ValidationError(_("Your organisation already subscribes to this address."))
        return url


def _account(request):
    account = request.organiser
    if not account.can_submit:
        raise Http404
    return account


@never_cache
@organiser_required
def feeds_view(request):
    account = _account(request)
    form = FeedForm(request.POST or None, organisation=account.organisation)
    if request.method == "POST" and form.is_valid():
        FeedSubscription.objects.create(
            organisation=account.organisation, url=form.cleaned_data["url"], created_by=account.user
        )
        messages.success(
            request, _("The calendar is added. Its events are fetched once a day for review.")
        )
        return redirect("portal:feeds")
    subscriptions = FeedSubscription.objects.filter(organisation=account.organisation)
    return page(
        request,
        "feeds.html",
        {"account": account, "subscriptions": subscriptions, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@organiser_required
def remove_feed_view(request, pk):
    account = _account(request)
    subscription = get_object_or_404(FeedSubscription, pk=pk, organisation=account.organisation)
    subscription.delete()
    messages.success(
        request,
        _("%(url)s is no longer fetched. Events already imported stay.")
        % {"url": subscription.url},
    )
    return redirect("portal:feeds")
