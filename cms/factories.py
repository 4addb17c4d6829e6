import factory
import wagtail_factories

from apps.core.factories import LocaleFactory
from cms.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Bygd"
    slug = factory.Sequence(lambda n: f"hem-{n}")
    intro = "Projekt och evenemang på landsbygden."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sida {n}")
    slug = factory.Sequence(lambda n: f"sida-{n}")
    listing_summary = "En sida om bygden."

    class Meta:
        model = StandardPage
