import pytest

from apps.core.localize import translate
from apps.events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from apps.network.factories import OrganisationFactory


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
