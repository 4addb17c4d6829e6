"""What moderators handle in the admin besides the workflow itself: accounts waiting to be
linked to an organisation, proposed organisations, and which organisations publish without
review. Confirming a proposal creates the organisation in the directory."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from apps.core.demo import source_locale
from apps.network.models import Organisation
from apps.network.validators import normalise_org_number
from apps.portal import emails
from apps.portal.models import (
    OrganisationProposal,
    OrganiserAccount,
    ProposalStatus,
    TrustedOrganisation,
)


def free_slug(name):
    base = slugify(name)[:100] or "organisation"
    slug, number = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def confirm_proposal(proposal):
    """Create (or take the chosen) organisation, let everyone who proposed it act for it and
    tell them by e-mail (only those not yet acting for it, so saving the proposal again sends
    nothing)."""
    organisation = proposal.organisation
    if organisation is None:
        try:
            org_number = normalise_org_number("SE", proposal.org_number)
        except ValidationError:
            org_number = ""
        organisation = Organisation.objects.create(
            name=proposal.name,
            slug=free_slug(proposal.name),
            kind=proposal.kind,
            municipality=proposal.municipality,
            org_number=org_number,
            website=proposal.website,
            locale=source_locale(),
        )
        proposal.organisation = organisation
    proposal.status = ProposalStatus.CONFIRMED
    proposal.save()
    for account in proposal.accounts.select_related("user"):
        newly_confirmed = account.organisation_id is None
        account.organisation = organisation
        account.save(update_fields=["organisation"])
        if newly_confirmed and account.user.is_active:
            emails.send_organisation_confirmed(account, organisation)
    return organisation


class ProposalEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        if instance.status == ProposalStatus.CONFIRMED:
            confirm_proposal(instance)
        return instance


class OrganisationProposalViewSet(ModelViewSet):
    model = OrganisationProposal
    icon = "group"
    menu_label = _("Proposed organisations")
    edit_view_class = ProposalEditView
    form_fields = [
        "name",
        "kind",
        "municipality",
        "org_number",
        "website",
        "organisation",
        "status",
    ]
    list_display = ["name", "kind", "municipality", "status", "created"]
    list_filter = ["status"]
    ordering = ["-created"]
    inspect_view_enabled = False


class OrganiserAccountViewSet(ModelViewSet):
    model = OrganiserAccount
    icon = "user"
    menu_label = _("Organiser accounts")
    form_fields = ["organisation", "role"]
    list_display = [
        "user",
        "organisation",
        "requested_organisation",
        "proposal",
        "role",
        "email_verified_at",
    ]
    list_filter = ["role"]
    ordering = ["-created"]
    add_view_enabled = False
    inspect_view_enabled = False


class TrustedOrganisationViewSet(ModelViewSet):
    model = TrustedOrganisation
    icon = "success"
    menu_label = _("Trusted organisations")
    form_fields = ["organisation", "note"]
    list_display = ["organisation", "note", "trusted_since"]
    inspect_view_enabled = False


class OrganiserPortalGroup(ViewSetGroup):
    items = (OrganiserAccountViewSet, OrganisationProposalViewSet, TrustedOrganisationViewSet)
    menu_icon = "group"
    menu_label = _("Organiser portal")
    menu_name = "organiser-portal"
