import pytest
import time_machine
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from apps.core import hot_entries
from apps.core.localize import translate
from apps.events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from apps.network.factories import NetworkIndexPageFactory, OrganisationFactory
from cms.factories import HomePageFactory
from tests.clock import NOON
from tests.ical_js import ical_js  # noqa: F401 (a fixture for every test package)


@pytest.fixture(autouse=True)
def site_day(request):
    """Every test starts at noon of the run's day (tests/clock.py says why), except those
    whose other processes read the real clock."""
    if request.node.get_closest_marker("real_clock"):
        yield
        return
    with time_machine.travel(NOON, tick=True):
        yield


@pytest.fixture
def sv(db):
    return Locale.objects.get(language_code="sv")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(sv):
    """A Swedish home page as the default site's root, as `load_demo` sets it up."""
    root = Page.get_first_root_node()
    page = HomePageFactory(parent=root, title="Bygd", slug="hem", intro="Välkommen till bygden.")
    page.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": page, "site_name": "Bygd"},
    )
    Page.objects.filter(depth=2).exclude(pk=page.pk).exclude(locale__language_code="en").delete()
    page.refresh_from_db()
    return page


@pytest.fixture
def home_en(home, en):
    page = translate(
        home, en, {"Välkommen till bygden.": "Welcome to the countryside.", "hem": "home"}
    )
    home.refresh_from_db()
    return page


@pytest.fixture
def network_index(home_en, home, en):
    """The directory's index page in Swedish with its English translation."""
    index = NetworkIndexPageFactory(parent=home, title="Nätverk", slug="natverk")
    index.save_revision().publish()
    translate(index, en, {"Nätverk": "Network", "natverk": "network"})
    index.refresh_from_db()
    return index


@pytest.fixture
def http_cache(settings):
    """The shared response cache as production runs it (test settings switch it off)."""
    del settings.BYGD_CACHED_PATHS  # apps.core.conf's default
    cache.clear()
    hot_entries.clear()
    yield
    cache.clear()
    hot_entries.clear()


# The calendar fixtures serve the events and the portal tests alike.
@pytest.fixture
def calendar(home_en, home, en):
    index = EventIndexPageFactory(parent=home, title="Kalender", slug="kalender")
    index.save_revision().publish()
    translate(index, en, {"Kalender": "Calendar", "kalender": "calendar"})
    index.refresh_from_db()
    return index


@pytest.fixture
def publish(calendar):
    """Create and publish an event under the calendar; keyword arguments are page fields,
    ``rows`` maps inline relation names to lists of row objects."""

    def make(rows=None, **fields):
        fields.setdefault("organiser", OrganisationFactory())
        fields.setdefault("venue", VenueFactory())
        page = EventPageFactory.build(**fields)
        for relation, items in (rows or {}).items():
            for item in items:
                getattr(page, relation).add(item)
        calendar.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make
