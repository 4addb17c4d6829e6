"""Admin side of applications. Wagtail shows a form page's submissions to everyone who may edit
the page; applications carry personal data, so for calls we narrow that to the call's moderators:
users who may publish it (Wagtail's Moderators group, or a group given "Publish" on the calls
page). Attachments are served only to those same users."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from apps.core.spreadsheet import safe_cell
from apps.projects.calls.attachments import private_storage
from apps.projects.models import CallSubmission, FundingCallPage


def only_call_moderators(user, editable_forms):
    publishable = page_permission_policy.instances_user_has_permission_for(user, "publish")
    hidden_calls = FundingCallPage.objects.exclude(pk__in=publishable.values("pk"))
    return editable_forms.exclude(pk__in=hidden_calls.values("pk"))


class CallSubmissionsListView(SubmissionsListView):
    """Wagtail's list of a form's submissions, with each attachment as a link (named after the
    uploaded file) to the permission-checked download view instead of a bare address. The CSV
    export keeps the plain address, and its cells are made formula-safe like every export's:
    applicants write them."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: safe_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        positions = {
            name: index for index, (name, _label) in enumerate(self.form_page.get_data_fields())
        }
        submissions = {submission.pk: submission for submission in context["submissions"]}
        for row in context["data_rows"]:
            submission = submissions[row["model_id"]]
            for field_name in submission.attachments:
                if field_name in positions:
                    row["fields"][positions[field_name]] = format_html(
                        '<a href="{}">{}</a>',
                        reverse("call_attachment", args=[submission.pk, field_name]),
                        submission.form_data.get(field_name) or field_name,
                    )
        return context


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
