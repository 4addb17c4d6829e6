"""Factories every app's factories build on. Locales are get-or-create: each configured language
has one row (made by migrations), and a test asks for it rather than making a second."""

import factory
import wagtail_factories
from wagtail.models import Locale


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "sv"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class ImageFactory(wagtail_factories.ImageFactory):
    """A Wagtail image with a generated file; pass ``file=`` for a given size."""

    title = factory.Sequence(lambda n: f"Bild {n}")
