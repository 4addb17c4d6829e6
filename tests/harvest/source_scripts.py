"""What the source site's own `manage.py shell` runs to fill and change it (its own process,
its own database): a home page, a project database and a calendar with COUNT projects and
events, and then one of each change a harvester must follow."""

FILL = """
import datetime
from decimal import Decimal
from wagtail.models import Page, Site
from apps.events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from apps.network.factories import OrganisationFactory
from apps.network.models import Place
from apps.projects.factories import (
    FundingProgrammeFactory, ProjectFunderFactory, ProjectIndexPageFactory, ProjectPageFactory,
    ProjectPartnerFactory, ProjectPlaceFactory, ProjectThemeFactory, ThemeFactory,
)
from cms.factories import HomePageFactory

root = Page.get_first_root_node()
home = HomePageFactory(parent=root, title="Grannbygden", slug="hem")
home.save_revision().publish()
Site.objects.update_or_create(is_default_site=True, defaults={
    "hostname": "localhost", "port": 80, "root_page": home, "site_name": "Grannbygden"})
Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
index = ProjectIndexPageFactory(parent=home)
index.save_revision().publish()
calendar = EventIndexPageFactory(parent=home)
calendar.save_revision().publish()
owners = [OrganisationFactory(slug=f"forening-{n}", name=f"Förening {n}") for n in range(3)]
venue = VenueFactory(name="Grannbygdens hus")
themes = [ThemeFactory(slug="natur", name="Natur"), ThemeFactory(slug="kultur", name="Kultur")]
programme = FundingProgrammeFactory(slug="leader", name="Leader", funder=owners[2])
for n in range(COUNT):
    project = ProjectPageFactory(
        parent=index, title=f"Projekt {n}", slug=f"projekt-{n}", summary=f"Om projekt {n}.",
        owner_organisation=owners[n % 3], amount_granted="1000.50",
    )
    if n == 0:
        project.funding_programme, project.amount_granted = programme, Decimal("1000.50")
        project.body = [("paragraph", '<p>Om <b>projektet</b>, <a href="/om/">mer</a>.</p>'
                                      '<script>alert(1)</script>')]
        for theme in themes:
            project.themes.add(ProjectThemeFactory.build(theme=theme))
        project.places.add(ProjectPlaceFactory.build(place=Place.objects.get(identifier="SE-0884")))
        project.partners.add(ProjectPartnerFactory.build(organisation=owners[1], role="lead"))
        project.funders.add(ProjectFunderFactory.build(organisation=owners[2], amount=Decimal("600.00")))
    project.save_revision().publish()
    EventPageFactory(
        parent=calendar, title=f"Evenemang {n}", slug=f"evenemang-{n}", organiser=owners[n % 3],
        venue=venue, start_date=datetime.date.today() + datetime.timedelta(days=3 + n % 60),
    ).save_revision().publish()
"""

CHANGE = """
from apps.events.models import EventPage
from apps.network.models import Organisation
from apps.projects.models import ProjectIndexPage, ProjectPage
from apps.projects.factories import ProjectPageFactory

def page(model, slug):
    return model.objects.get(slug=slug)

for model, kind in ((ProjectPage, "projekt"), (EventPage, "evenemang")):
    changed = page(model, f"{kind}-0")
    changed.title = changed.title + " (ändrad)"
    changed.summary = "Nu med mer."
    changed.save_revision().publish()
    edited_here = page(model, f"{kind}-3")
    edited_here.summary = "Ändrad vid källan."
    edited_here.save_revision().publish()
    page(model, f"{kind}-1").unpublish()
    page(model, f"{kind}-2").delete()
ProjectPageFactory(
    parent=ProjectIndexPage.objects.get(), title="Nytt projekt", slug="nytt",
    owner_organisation=Organisation.objects.get(slug="forening-1"),
).save_revision().publish()
renamed = Organisation.objects.get(slug="forening-0")
renamed.name = "Förening noll"
renamed.save()
"""

FILL_CALLS_AND_NEWS = """
import datetime
from apps.network.models import Organisation
from apps.projects.factories import (
    FundingCallIndexPageFactory, FundingCallPageFactory, NewsIndexPageFactory,
    ProjectPostPageFactory,
)
from apps.projects.models import ProjectPage
from cms.models import HomePage

home = HomePage.objects.get(slug="hem")
calls = FundingCallIndexPageFactory(parent=home)
calls.save_revision().publish()
news = NewsIndexPageFactory(parent=home)
news.save_revision().publish()
for n in range(4):
    FundingCallPageFactory(
        parent=calls, title=f"Utlysning {n}", slug=f"utlysning-{n}", identifier=f"utlysning-{n}",
        funder=Organisation.objects.get(slug=f"forening-{n % 3}"),
        opens_date=datetime.date.today() - datetime.timedelta(days=10),
        closes_date=datetime.date.today() + datetime.timedelta(days=30 + n),
        budget="50000.00", max_grant="10000.00",
    ).save_revision().publish()
funded = ProjectPage.objects.get(slug="projekt-4")
funded.funding_call = calls.get_children().specific().get(slug="utlysning-0")
funded.save_revision().publish()
for n in range(4):
    parent = ProjectPage.objects.get(slug=f"projekt-{4 + n // 2}") if n % 2 else news
    ProjectPostPageFactory(
        parent=parent, title=f"Nyhet {n}", slug=f"nyhet-{n}", lead=f"Om nyhet {n}.",
        date=datetime.date(2026, 11, 1 + n),
    ).save_revision().publish()
"""

CHANGE_CALLS_AND_NEWS = """
from apps.projects.models import FundingCallPage, ProjectPostPage
from apps.projects.models import NewsIndexPage
from apps.projects.factories import FundingCallPageFactory, ProjectPostPageFactory

for model, kind, field in ((FundingCallPage, "utlysning", "summary"),
                           (ProjectPostPage, "nyhet", "lead")):
    changed = model.objects.get(slug=f"{kind}-0")
    changed.title = changed.title + " (ändrad)"
    setattr(changed, field, "Nu med mer.")
    changed.save_revision().publish()
    model.objects.get(slug=f"{kind}-1").unpublish()
    model.objects.get(slug=f"{kind}-2").delete()
ProjectPostPageFactory(
    parent=NewsIndexPage.objects.get(), title="Ny nyhet", slug="ny", lead="Alldeles ny.",
).save_revision().publish()
"""

TRANSLATE_PROJECT = """
from wagtail.models import Locale
from apps.core.localize import translate
from apps.events.models import EventIndexPage, EventPage
from apps.projects.factories import ProjectPostPageFactory
from apps.projects.models import ProjectIndexPage, ProjectPage

en = Locale.objects.get(language_code="en")
translate(ProjectIndexPage.objects.get(locale__language_code="sv"), en, {})
translate(
    ProjectPage.objects.get(slug="projekt-4"), en,
    {"Projekt 4": "Project 4", "Om projekt 4.": "About project 4."},
)
translate(EventIndexPage.objects.get(locale__language_code="sv"), en, {})
translate(EventPage.objects.get(slug="evenemang-4"), en, {"Evenemang 4": "Event 4"})
project = ProjectPage.objects.get(slug="projekt-4", locale__language_code="sv")
post = ProjectPostPageFactory(parent=project, title="Nyhet", slug="nyhet", lead="Hej.")
post.save_revision().publish()
translate(post, en, {"Nyhet": "News", "Hej.": "Hello."})
"""

CHANGE_TRANSLATED_PROJECT = """
from apps.projects.models import ProjectPage

english = ProjectPage.objects.get(slug="projekt-4", locale__language_code="en")
english.summary = "More about project 4."
english.save_revision().publish()
ProjectPage.objects.get(slug="projekt-5", locale__language_code="sv").delete()
"""

DELETE_TRANSLATED_PROJECT = """
from apps.projects.models import ProjectPage

ProjectPage.objects.get(slug="projekt-4", locale__language_code="sv").delete()
"""

WEEKLY = """
import datetime
from apps.events.factories import EventPageFactory
from apps.events.models import (
    EventCancellation, EventExcludedDate, EventExtraDate, EventIndexPage, EventMovedDate, Venue,
)
from apps.network.models import Organisation

start = datetime.date.today() + datetime.timedelta(days=5)
week = lambda n: start + datetime.timedelta(weeks=n)
event = EventPageFactory.build(
    title="Veckodans", slug="veckodans", organiser=Organisation.objects.get(slug="forening-1"),
    venue=Venue.objects.get(name="Grannbygdens hus"), start_date=start,
    start_time=datetime.time(19, 0), end_time=datetime.time(22, 0),
    frequency="weekly", ends="after", count=8,
)
event.extra_dates.add(EventExtraDate(date=week(9) + datetime.timedelta(days=1)))
event.excluded_dates.add(EventExcludedDate(date=week(2)))
event.cancellations.add(EventCancellation(date=week(1), note="Midsommar"))
event.moved_dates.add(EventMovedDate(date=week(3), start_time=datetime.time(18, 0)))
EventIndexPage.objects.get().add_child(instance=event)
event.save_revision().publish()
print(event.translation_key)
"""
