from wagtail import hooks

from apps.portal.admin import OrganiserPortalGroup


@hooks.register("register_admin_viewset")
def register_organiser_portal():
    return OrganiserPortalGroup()
