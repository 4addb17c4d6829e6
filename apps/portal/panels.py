"""A panel at the top of the event editor telling moderators who submitted the event for
which organisation, and which other events in the municipality happen at the same time."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class OrganiserPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Organiser portal"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/admin/organiser_panel.html"

        def _portal(self):
            from apps.portal.models import PortalEvent

            if not getattr(self.instance, "pk", None):
                return None
            return (
                PortalEvent.objects.select_related(
                    "organisation", "submitted_by", "created_by", "organisation__portal_trust"
                )
                .filter(page__translation_key=self.instance.translation_key)
                .first()
            )

        def is_shown(self):
            self.portal = self._portal()
            return self.portal is not None

        def get_context_data(self, parent_context=None):
            from apps.portal.clashes import find_clashes

            context = super().get_context_data(parent_context)
            page = self.instance
            municipality = page.venue.municipality_id if page.venue_id else None
            person = self.portal.submitted_by or self.portal.created_by
            context.update(
                {
                    "portal": self.portal,
                    "person": person,
                    "trusted": hasattr(self.portal.organisation, "portal_trust"),
                    "clashes": find_clashes(page, municipality),
                }
            )
            return context
