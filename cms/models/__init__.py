from cms.models.home_page import HomePage
from cms.models.site_settings import SiteFooter, SiteSettings
from cms.models.standard_page import StandardPage

__all__ = ["HomePage", "SiteFooter", "SiteSettings", "StandardPage"]
