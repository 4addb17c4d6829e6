import pytest

from apps.network.factories import OrganisationFactory, PersonFactory
from apps.network.models import Place

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/network/organisation/",
        "/admin/snippets/network/organisation/?kind=lag",
        "/admin/snippets/network/person/",
        "/admin/snippets/network/place/?kind=leader_area",
        "/admin/snippets/projects/theme/",
        "/admin/snippets/projects/fundingprogramme/",
    ],
)
def test_directory_admin_listings_open_and_filter(admin_client, url):
    PersonFactory(organisation=OrganisationFactory(name="Hembygdsföreningen"))
    response = admin_client.get(url)
    assert response.status_code == 200


def test_organisation_search_in_the_admin(admin_client, sv):
    OrganisationFactory(name="Astrid Lindgrens Hembygd", slug="alh")
    OrganisationFactory(name="Region Kalmar län", slug="rkl")
    response = admin_client.get("/admin/snippets/network/organisation/", {"q": "Astrid"})
    assert "Astrid Lindgrens Hembygd" in response.text
    assert "Region Kalmar län" not in response.text


def test_place_chooser_finds_shipped_municipalities(admin_client):
    """Shipped places come from a data migration; they must be in the search index anyway."""
    response = admin_client.get("/admin/snippets/choose/network/place/results/", {"q": "Vimmerby"})
    assert response.status_code == 200
    assert "Vimmerby" in response.text
    response = admin_client.get("/admin/snippets/choose/network/place/results/", {"q": "Nyköp"})
    assert "Nyköping" in response.text


def test_place_chooser_lists_by_country_then_region_then_name(admin_client):
    before_denmark = Place.objects.filter(country__lt="DK").count()
    page = before_denmark // 10 + 2  # a page of Danish regions and municipalities
    response = admin_client.get("/admin/snippets/choose/network/place/", {"p": page})
    assert response.status_code == 200
    shown = list(response.context["results"])
    assert {place.country for place in shown} == {"DK"}
    for before, after in zip(shown, shown[1:], strict=False):
        if after.kind == "municipality":
            region = after.parent
            assert before in (region, *region.children.all()), "municipalities follow their region"
            if before.kind == "municipality":
                assert before.name <= after.name
