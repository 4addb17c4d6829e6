import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from apps.network.factories import LeaderAreaFactory, municipality
from apps.network.models import Place, PlaceKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "country", "expected"),
    [
        (PlaceKind.MUNICIPALITY, "SE", 290),
        (PlaceKind.MUNICIPALITY, "DK", 98),
        (PlaceKind.REGION, "SE", 21),
        (PlaceKind.REGION, "DK", 5),
    ],
)
def test_every_shipped_region_and_municipality_has_a_map_position_after_migrate(
    kind, country, expected
):
    places = Place.objects.filter(kind=kind, country=country)
    assert places.count() == expected
    assert not places.filter(latitude__isnull=True).exists()
    assert not places.filter(longitude__isnull=True).exists()


def test_positions_lie_in_their_country():
    kiruna, copenhagen = municipality("2584"), Place.objects.get(identifier="DK-101")
    assert 67 < kiruna.latitude < 69 and 19 < kiruna.longitude < 22
    assert 55.5 < copenhagen.latitude < 55.8 and 12.4 < copenhagen.longitude < 12.7
    assert not Place.objects.filter(country="SE", latitude__lt=55).exists()
    assert not Place.objects.filter(country="DK", longitude__gt=15.5).exists()


def test_load_places_restores_a_lost_position():
    Place.objects.filter(identifier="SE-0884").update(latitude=None, longitude=None)
    out = io.StringIO()
    call_command("load_places", stdout=out)
    assert "1 map positions set" in out.getvalue()
    assert municipality("0884").latitude is not None
    call_command("load_places", stdout=out)
    assert "0 map positions set" in out.getvalue()


def test_leader_area_without_position_sits_at_the_mean_of_its_municipalities():
    area = LeaderAreaFactory()
    kalmar, vimmerby = municipality("0880"), municipality("0884")
    area.covers.set([kalmar, vimmerby])
    located = Place.objects.with_point().get(pk=area.pk)
    assert located.point_latitude == pytest.approx((kalmar.latitude + vimmerby.latitude) / 2)
    assert located.point_longitude == pytest.approx((kalmar.longitude + vimmerby.longitude) / 2)


def test_leader_area_position_set_by_an_editor_wins():
    area = LeaderAreaFactory(latitude=Decimal("57.1"), longitude=Decimal("15.9"))
    area.covers.set([municipality("0880")])
    located = Place.objects.with_point().get(pk=area.pk)
    assert (located.point_latitude, located.point_longitude) == (Decimal("57.1"), Decimal("15.9"))


def test_half_a_position_is_refused():
    area = LeaderAreaFactory.build(latitude=Decimal("57.1"))
    with pytest.raises(ValidationError) as error:
        area.clean()
    assert "longitude" in error.value.message_dict
