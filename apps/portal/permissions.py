"""Who may see what in the portal. Every event lookup goes through ``owned_events`` so that an
event of another organisation is indistinguishable from one that does not exist (404)."""

from functools import wraps
from urllib.parse import urlencode

from django.db.models import F, OuterRef, Subquery
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from apps.events.models import EventPage
from apps.portal.models import OrganiserAccount


def account_for(user):
    if not user.is_authenticated:
        return None
    try:
        return user.organiser_account
    except OrganiserAccount.DoesNotExist:
        return None


def organiser_required(view):
    """Only signed-in organisers; anyone else goes to the portal's login page. The account hangs
    on the request as ``request.organiser``."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        account = account_for(request.user)
        if account is None or not request.user.is_active:
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('portal:login')}?{query}")
        request.organiser = account
        return view(request, *args, **kwargs)

    return wrapper


def org_admin_required(view):
    @wraps(view)
    @organiser_required
    def wrapper(request, *args, **kwargs):
        if not request.organiser.is_org_admin or request.organiser.organisation_id is None:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def owned_events(account):
    """The original page of every event whose organiser is the account's organisation (in any
    language), whoever created it: portal, admin or import."""
    if account is None or account.organisation_id is None:
        return EventPage.objects.none()
    first_of_group = (
        EventPage.objects.filter(translation_key=OuterRef("translation_key"))
        .order_by("pk")
        .values("pk")[:1]
    )
    return (
        EventPage.objects.filter(organiser__translation_key=account.organisation.translation_key)
        .annotate(original_pk=Subquery(first_of_group))
        .filter(pk=F("original_pk"))
    )


def get_owned_event(account, pk):
    return get_object_or_404(owned_events(account).select_related("locale"), pk=pk)
