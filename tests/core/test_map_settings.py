"""The map's tile server is a setting `manage.py check` verifies, so a typo is named at deploy
time rather than drawing a map of broken images."""

import pytest

from apps.core import conf


@pytest.mark.parametrize(
    ("value", "fine"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", True),
        ("https://{s}.tiles.example/{z}/{x}/{y}.png", True),
        ("/tiles/{z}/{x}/{y}.png", True),
        (None, True),
        ("ftp://tiles.example/{z}/{x}/{y}.png", False),
        ("https://tiles.example/{z}/{x}.png", False),
        (42, False),
    ],
)
def test_tile_url_rule(settings, value, fine):
    settings.BYGD_MAP_TILE_URL = value
    problem = conf.map_tile_url.problem()
    assert (problem is None) == fine, problem
    if not fine:
        assert problem.startswith("BYGD_MAP_TILE_URL=")
