"""Admin side of applications. Wagtail shows a form page's submissions to everyone who may edit
the page; applications carry personal data, so for calls we narrow that to the call's moderators:
users who may publish it (Wagtail's Moderators group, or a group given "Publish" on the calls
page). Attachments are served only to those same users."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from apps.projects.calls.attachments import private_storage
from apps.projects.models import CallSubmission, FundingCallPage


def only_call_moderators(user, editable_forms):
    publishable = page_permission_policy.instances_user_has_permission_for(user, "publish")
    hidden_calls = FundingCallPage.objects.exclude(pk__in=publishable.values("pk"))
    return editable_forms.exclude(pk__in=hidden_calls.values("pk"))


def attachment(request, submission_id, field_name):
    submission = get_object_or_404(CallSubmission, pk=submission_id)
    stored = submission.attachments.get(field_name)
    if not stored:
        raise Http404
    call_key = Page.objects.filter(pk=submission.page_id).values("translation_key")
    allowed = get_forms_for_user(request.user).filter(translation_key__in=call_key)
    if not allowed.exists():
        raise PermissionDenied
    storage = private_storage()
    if not storage.exists(stored):
        raise Http404
    name = submission.form_data.get(field_name) or stored.rsplit("/", 1)[-1]
    return FileResponse(storage.open(stored, "rb"), as_attachment=True, filename=name)


def admin_urls():
    return [
        path(
            "calls/attachments/<int:submission_id>/<str:field_name>/",
            attachment,
            name="call_attachment",
        )
    ]
