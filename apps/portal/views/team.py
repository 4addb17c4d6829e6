"""Colleagues: an organisation admin invites people by e-mail (a signed, single-use link) and
removes them. Accounts of other organisations are 404 here like events are."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login, password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from apps.core.tokens import new_nonce
from apps.portal import emails, tokens
from apps.portal.accounts import create_user, current_language
from apps.portal.forms import InviteForm
from apps.portal.models import (
    OrganiserAccount,
    OrganiserInvitation,
    OrganiserRole,
)
from apps.portal.permissions import account_for, org_admin_required
from apps.portal.views.accounts import page


@never_cache
@org_admin_required
def team_view(request):
    account = request.organiser
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = OrganiserInvitation.objects.create(
            organisation=account.organisation,
            email=form.cleaned_data["email"],
            invited_by=account.user,
        )
        emails.send_invitation(invitation, account.language)
        messages.success(request, _("The invitation is sent."))
        return redirect("portal:team")
    members = OrganiserAccount.objects.filter(organisation=account.organisation).select_related(
        "user"
    )
    invitations = OrganiserInvitation.objects.filter(
        organisation=account.organisation, accepted_at__isnull=True
    )
    return page(
        request,
        "team.html",
        {"account": account, "members": members, "invitations": invitations, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@org_admin_required
def remove_member_view(request, pk):
    account = request.organiser
    member = get_object_or_404(
        OrganiserAccount.objects.exclude(pk=account.pk), pk=pk, organisation=account.organisation
    )
    member.organisation = None
    member.role = OrganiserRole.MEMBER
    member.save(update_fields=["organisation", "role"])
    messages.success(
        request, _("%(email)s no longer acts for your organisation.") % {"email": member.user.email}
    )
    return redirect("portal:team")


@require_POST
@org_admin_required
def withdraw_invitation_view(request, pk):
    invitation = get_object_or_404(
        OrganiserInvitation,
        pk=pk,
        organisation=request.organiser.organisation,
        accepted_at__isnull=True,
    )
    invitation.delete()
    messages.success(request, _("The invitation is withdrawn."))
    return redirect("portal:team")


class AcceptForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=150)
    password1 = forms.CharField(
        label=gettext_lazy("Password"), strip=False, widget=forms.PasswordInput
    )
    password2 = forms.CharField(
        label=gettext_lazy("Password again"), strip=False, widget=forms.PasswordInput
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") != data.get("password2"):
            self.add_error("password2", gettext_lazy("The two passwords differ."))
        elif data.get("password1"):
            try:
                password_validation.validate_password(data["password1"])
            except ValidationError as error:
                self.add_error("password1", error)
        return data


def _invitation(token):
    pk, nonce = tokens.read_token(tokens.INVITE, token)
    return OrganiserInvitation.objects.select_related("organisation").get(
        pk=pk, nonce=nonce, accepted_at__isnull=True
    )


@never_cache
@sensitive_post_parameters("password1", "password2")
def accept_invitation_view(request, token):
    """A new address chooses a password here; an existing organiser account joins after logging
    in as that address. The link proves the mailbox, so the address counts as verified."""
    try:
        invitation = _invitation(token)
    except (tokens.InvalidToken, OrganiserInvitation.DoesNotExist):
        return page(request, "invalid_link.html", status=400)
    user_model = get_user_model()
    existing = user_model.objects.filter(username=invitation.email).first()
    current = account_for(request.user)
    if existing is not None:
        if current is None or current.user_id != existing.pk:
            return page(request, "invitation_login.html", {"invitation": invitation})
        if request.method == "POST":
            _join(current, invitation)
            messages.success(
                request,
                _("You now act for %(organisation)s.")
                % {"organisation": invitation.organisation.name},
            )
            return redirect("portal:home")
        return page(request, "invitation_accept.html", {"invitation": invitation})
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = create_user(
                    invitation.email, form.cleaned_data["name"], form.cleaned_data["password1"]
                )
                account = OrganiserAccount.objects.create(user=user, language=current_language())
                _join(account, invitation)
        except IntegrityError:
            # The same form sent twice at once: the other request created the account first.
            return page(request, "invitation_login.html", {"invitation": invitation})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("portal:home")
    return page(
        request,
        "invitation_accept.html",
        {"invitation": invitation, "form": form},
        status=400 if form.errors else 200,
    )


def _join(account, invitation):
    """Joining makes a plain member: a role or a pending proposal from elsewhere does not carry
    over to the organisation that invited."""
    account.organisation = invitation.organisation
    account.role = OrganiserRole.MEMBER
    account.requested_organisation = None
    account.proposal = None
    account.email_verified_at = account.email_verified_at or timezone.now()
    account.save()
    invitation.accepted_at = timezone.now()
    invitation.nonce = new_nonce()
    invitation.save(update_fields=["accepted_at", "nonce"])
