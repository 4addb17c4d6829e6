"""Factories every app's factories build on. Locales are get-or-create: each configured language
has one row (made by migrations), and a test asks for it rather than making a second."""

import factory
import wagtail_factories
from wagtail.models import Locale

from apps.core.models import Provenance


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "sv"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class ImageFactory(wagtail_factories.ImageFactory):
    """A Wagtail image with a generated file; pass ``file=`` for a given size."""

    title = factory.Sequence(lambda n: f"Bild {n}")


class ProvenanceFactory(factory.django.DjangoModelFactory):
    """``ProvenanceFactory(item=page)``: marks an object as a copy from another site."""

    item = None
    site = "Grannbygden"
    url = factory.Sequence(lambda n: f"https://grannbygden.example.org/original-{n}/")
    identifier = factory.Sequence(lambda n: f"original-{n}")

    class Meta:
        model = Provenance
