"""Applying through a call's form: the page shows the form only while the call takes
applications, refuses a late or early post with a clear message (storing nothing, but showing
the applicant's answers back), keeps each application with its attachments and a reference
number, and e-mails a receipt to the applicant and a notice to the call's contact. Posts are
rate-limited per client, as every public write is."""

import logging
import smtplib

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from apps.core import ratelimit
from apps.projects import conf
from apps.projects.calls.attachments import save_attachment
from apps.projects.models import ApplicationMethod, CallSubmission
from apps.projects.models.call_submission import next_reference

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 3600


def over_rate_limit(request):
    """Count this application against the client's hourly budget; True once it is spent."""
    try:
        ratelimit.check(
            "call-applications",
            ratelimit.client_ip(request),
            conf.applications_per_hour(),
            WINDOW_SECONDS,
        )
    except ratelimit.RateLimited:
        return True
    return False


def _render(page, request, form=None, refusal=None, status=200):
    context = page.get_context(request)
    context["form"] = form
    context["refusal"] = refusal
    context["accepting"] = page.accepts_applications()
    return TemplateResponse(request, page.get_template(request), context, status=status)


def answers_kept(page, request):
    """An unbound form showing what the applicant typed, so a refusal (deadline passed while
    they wrote, call paused, rate limit) does not throw their text away. Files cannot be
    offered back; the browser keeps nothing of an upload."""
    form = page.get_form(page=page, user=request.user)
    form.initial = {
        name: field.widget.value_from_datadict(request.POST, {}, form.add_prefix(name))
        for name, field in form.fields.items()
        if not isinstance(field, forms.FileField)
    }
    return form


def serve_call(page, request, *args, **kwargs):
    if page.application_method != ApplicationMethod.FORM:
        return Page.serve(page, request, *args, **kwargs)
    accepting = page.accepts_applications()
    if request.method != "POST":
        form = page.get_form(page=page, user=request.user) if accepting else None
        return _render(page, request, form)
    if not accepting:
        refusal = (
            _("Applications to this call are paused. Nothing was sent; please try again later.")
            if page.paused
            else _(
                "This call is not open for applications now, so your application was not "
                "received. Check the dates above."
            )
        )
        return _render(page, request, answers_kept(page, request), refusal, status=409)
    if over_rate_limit(request):
        refusal = _("Too many applications from your connection. Please try again in an hour.")
        return _render(page, request, answers_kept(page, request), refusal, status=429)
    form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    if not form.is_valid():
        return _render(page, request, form, status=400)
    submission = page.process_form_submission(form)
    return page.render_landing_page(request, submission, *args, **kwargs)


def store_application(page, form):
    data, attachments = {}, {}
    for name, value in form.cleaned_data.items():
        if isinstance(value, UploadedFile):
            attachments[name] = save_attachment(page.translation_key, value)
            data[name] = value.name
        else:
            data[name] = value
    with transaction.atomic():
        submission = CallSubmission.objects.create(
            form_data=data,
            page=page,
            language=page.locale.language_code,
            attachments=attachments,
            reference=next_reference(page),
        )
    send_application_mails(page, form, submission)
    return submission


def _answers(form):
    rows = []
    for field in form:
        value = form.cleaned_data.get(field.name)
        if isinstance(value, UploadedFile):
            value = value.name
        elif isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        rows.append((field.label, "" if value is None else value))
    return rows


def applicant_address(page, form):
    for field in page.get_form_fields():
        if field.field_type == "email" and form.cleaned_data.get(field.clean_name):
            return form.cleaned_data[field.clean_name]
    return None


def contact_address(page):
    if page.contact and page.contact.email:
        return page.contact.email
    return page.funder.email or None


def _send(message):
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send %r", message.subject)


def send_application_mails(page, form, submission):
    """The application is stored before anything is sent, so a mail server that is down never
    loses an application; the failure is logged for the operators."""
    answers = _answers(form)
    url = settings.WAGTAILADMIN_BASE_URL + page.url if page.url else ""
    contact = contact_address(page)
    applicant = applicant_address(page, form)
    if applicant:
        with translation.override(page.locale.language_code):
            context = {"page": page, "answers": answers, "url": url, "submission": submission}
            _send(
                EmailMessage(
                    subject=_("We have received your application to “%(call)s”")
                    % {"call": page.title},
                    body=render_to_string("projects/calls/email/receipt.txt", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[applicant],
                    reply_to=[contact] if contact else None,
                )
            )
    if contact:
        with translation.override(settings.LANGUAGE_CODE):
            admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
                "wagtailforms:list_submissions", args=[page.pk]
            )
            context = {
                "page": page,
                "answers": answers,
                "url": url,
                "admin_url": admin_url,
                "submission": submission,
            }
            _send(
                EmailMessage(
                    subject=_("New application to “%(call)s”") % {"call": page.title},
                    body=render_to_string("projects/calls/email/notice.txt", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[contact],
                    reply_to=[applicant] if applicant else None,
                )
            )
