"""Tags only the reference site's templates use (its footer and site-name overrides under
cms/templates/bygd/includes/); Bygd's apps load bygd_tags from apps.core instead."""

from django import template

from cms.models import SiteFooter

register = template.Library()


@register.simple_tag
def site_footer():
    return SiteFooter.for_active_language()
