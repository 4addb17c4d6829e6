import datetime

import factory
import wagtail_factories

from apps.core.factories import LocaleFactory
from apps.network.factories import OrganisationFactory, PersonFactory
from apps.projects.models import (
    FundingCallIndexPage,
    FundingCallPage,
    FundingProgramme,
    NewsIndexPage,
    PostAuthor,
    ProjectContact,
    ProjectFunder,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProjectPlace,
    ProjectPostPage,
    ProjectTheme,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Theme


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")
    funder = factory.SubFactory(OrganisationFactory)
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = FundingProgramme


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projekt"
    slug = "projekt"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    summary = "Ett projekt för bygden."
    planned_start = datetime.date(2017, 1, 1)
    planned_end = datetime.date(2018, 12, 31)
    owner_organisation = factory.SubFactory(OrganisationFactory)
    currency = "SEK"

    class Meta:
        model = ProjectPage


class ProjectThemeFactory(factory.django.DjangoModelFactory):
    """Inline rows are built for an unsaved page (``page.themes.add(ProjectThemeFactory.build())``)
    and saved with it, so the snippets they point at are always created."""

    theme = factory.LazyFunction(lambda: ThemeFactory())

    class Meta:
        model = ProjectTheme


class ProjectPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectPlace


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    organisation = factory.LazyFunction(lambda: OrganisationFactory())
    role = "partner"

    class Meta:
        model = ProjectPartner


class ProjectFunderFactory(factory.django.DjangoModelFactory):
    organisation = factory.LazyFunction(lambda: OrganisationFactory())

    class Meta:
        model = ProjectFunder


class ProjectContactFactory(factory.django.DjangoModelFactory):
    person = factory.LazyFunction(lambda: PersonFactory())

    class Meta:
        model = ProjectContact


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nyheter"
    slug = "nyheter"

    class Meta:
        model = NewsIndexPage


class ProjectPostPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inlägg {n}")
    slug = factory.Sequence(lambda n: f"inlagg-{n}")
    lead = "Nytt från projektet."

    class Meta:
        model = ProjectPostPage


class PostAuthorFactory(factory.django.DjangoModelFactory):
    person = factory.LazyFunction(lambda: PersonFactory())

    class Meta:
        model = PostAuthor


class FundingCallIndexPageFactory(wagtail_factories.PageFactory):
    title = "Utlysningar"
    slug = "utlysningar"

    class Meta:
        model = FundingCallIndexPage


class FundingCallPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Utlysning {n}")
    slug = factory.Sequence(lambda n: f"utlysning-{n}")
    summary = "Stöd till lokala initiativ."
    funder = factory.SubFactory(OrganisationFactory)
    intake = "period"
    opens_date = datetime.date(2026, 1, 1)
    closes_date = datetime.date(2026, 10, 25)
    currency = "SEK"
    application_method = "form"

    class Meta:
        model = FundingCallPage
