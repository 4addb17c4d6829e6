import pytest

from apps.core.localize import translate
from apps.network.factories import NetworkIndexPageFactory


@pytest.fixture
def network_index(home_en, home, en):
    index = NetworkIndexPageFactory(parent=home, title="Nätverk", slug="natverk")
    index.save_revision().publish()
    translate(index, en, {"Nätverk": "Network", "natverk": "network"})
    index.refresh_from_db()
    return index
