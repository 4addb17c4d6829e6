"""Public newsletter pages. Every link in an e-mail opens a page with a button: link scanners
and previewers follow GETs, so only a POST (a person pressing the button) changes anything.
The one-click endpoint is the exception RFC 8058 defines for mail programs."""

from django import forms
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from apps.core.base_template import render
from apps.core.ratelimit import RateLimited
from apps.newsletters import signup, tokens
from apps.newsletters.addresses import address_digest
from apps.newsletters.models import SubscriptionSource
from apps.newsletters.privacy import erase
from apps.newsletters.ratelimit import check_rate

TEMPLATE_DIR = "newsletters/"


def _page(request, template, context=None, status=200):
    return render(request, TEMPLATE_DIR + template, context or {}, status=status)


def _rate_limited(request, error):
    response = _page(request, "rate_limited.html", status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


@never_cache
def signup_view(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        outcome = signup.handle_signup(
            request,
            request.POST,
            source=SubscriptionSource.FORM,
            source_detail=request.POST.get("source", ""),
        )
    except RateLimited as error:
        return _rate_limited(request, error)
    if not outcome.accepted:
        return _page(request, "signup_invalid.html", {"errors": outcome.errors}, status=400)
    return _page(request, "signup_done.html")


@never_cache
def confirm_view(request, token):
    try:
        if request.method == "POST":
            rows = signup.confirm(token)
            return _page(request, "confirmed.html", {"lists": _lists(rows)})
        rows = signup.pending_for(token)
    except tokens.InvalidToken:
        return _page(request, "invalid_link.html", status=400)
    return _page(request, "confirm.html", {"lists": _lists(rows), "consent": rows[0].consent_text})


def _lists(rows):
    language = translation.get_language()
    return [row.newsletter_list.in_language(language) for row in rows]


@never_cache
def unsubscribe_view(request, token):
    try:
        if request.method == "POST":
            row = signup.unsubscribe(token)
            return _page(request, "unsubscribed.html", {"lists": _lists([row])})
        row = signup.subscription_for(token)
    except tokens.InvalidToken:
        return _page(request, "invalid_link.html", status=400)
    return _page(request, "unsubscribe.html", {"lists": _lists([row])})


@csrf_exempt
@never_cache
def one_click_unsubscribe(request, token):
    """RFC 8058: the mail program POSTs ``List-Unsubscribe=One-Click`` with no cookies and
    follows no redirect, so this answers 200 itself; a GET (a person who clicked the header
    link in a program without one-click support) goes to the page with the button."""
    if request.method == "POST":
        try:
            signup.unsubscribe(token)
        except tokens.InvalidToken:
            return HttpResponse(
                _("This link is no longer valid."),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return HttpResponse(
            _("You have been unsubscribed."), content_type="text/plain; charset=utf-8"
        )
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        language = signup.subscription_for(token).language
    except tokens.InvalidToken:
        language = translation.get_language()
    with translation.override(language):
        return HttpResponseRedirect(reverse("newsletter-unsubscribe", args=[token]))


class DataRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)


@never_cache
def data_request_view(request):
    """Asking for one's data answers the same whether or not the address is known; the link
    to the data goes only to that mailbox."""
    form = DataRequestForm(request.POST or None)
    if request.method == "POST":
        try:
            check_rate(request, scope="data")
        except RateLimited as error:
            return _rate_limited(request, error)
        if form.is_valid():
            from apps.newsletters.tasks import send_data_link

            send_data_link.enqueue(address_digest(form.cleaned_data["email"]))
            return _page(request, "data_requested.html")
    return _page(request, "data_request.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
def my_data_view(request, token):
    try:
        digest = tokens.read_token(tokens.DATA, token)["d"]
    except (tokens.InvalidToken, KeyError, TypeError):
        return _page(request, "invalid_link.html", status=400)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "erase":
            erase(digest)
            return _page(request, "erased.html")
        if action == "export":
            from apps.newsletters.tasks import send_data_export

            send_data_export.enqueue(digest)
            return _page(request, "data_sent.html")
    return _page(request, "my_data.html")
