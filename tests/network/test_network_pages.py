import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from apps.core.localize import translate
from apps.network.factories import (
    NetworkContactFactory,
    NetworkMembershipFactory,
    NetworkPageFactory,
    OrganisationFactory,
    PersonFactory,
)
from apps.network.models import NetworkIndexPage, NetworkPage
from cms.models import HomePage, StandardPage


class NetworkPageRulesTests(WagtailPageTestCase):
    def test_network_pages_live_under_the_network_index(self):
        self.assertAllowedParentPageTypes(NetworkIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage})
        self.assertAllowedSubpageTypes(NetworkPage, set())
        self.assertCanNotCreateAt(StandardPage, NetworkPage)


def make_network(index, members=2):
    network = NetworkPageFactory(
        parent=index,
        title="Landsbygdsutvecklare",
        slug="lu",
        purpose="Ett nätverk för landsbygdsutvecklare.",
    )
    for i in range(members):
        NetworkMembershipFactory(
            page=network,
            role="Medlem",
            since=datetime.date(2017, 1, 1),
            organisation=OrganisationFactory(name=f"Kommun {i}", slug=f"kommun-{i}"),
        )
    NetworkContactFactory(
        page=network, person=PersonFactory(name="Daniel", email_public=True, email="d@example.org")
    )
    network.save_revision().publish()
    return network


@pytest.mark.django_db
def test_network_page_lists_members_and_contacts(client, network_index):
    make_network(network_index)
    response = client.get("/sv/natverk/lu/")
    assert response.status_code == 200
    assert "Kommun 0" in response.text
    assert "/sv/natverk/organisationer/kommun-0/" in response.text
    assert "d@example.org" in response.text


@pytest.mark.django_db
def test_translated_network_keeps_members_and_links_translated_organisations(
    client, network_index, en
):
    network = make_network(network_index, members=1)
    organisation = network.members.get().organisation
    translate(
        organisation, en, {"En förening som arbetar för bygden.": "An association for the area."}
    )
    translate(
        network,
        en,
        {
            "Landsbygdsutvecklare": "Rural developers",
            "Medlem": "Member",
            "Ett nätverk för landsbygdsutvecklare.": "A network for rural developers.",
        },
    )
    response = client.get("/en/network/lu/")
    assert response.status_code == 200
    assert "Rural developers" in response.text
    assert "Member" in response.text
    assert "2017" in response.text
    assert "/en/network/organisations/kommun-0/" in response.text


@pytest.mark.django_db
def test_content_api_exposes_members(client, network_index):
    network = make_network(network_index)
    body = client.get(f"/api/v2/pages/{network.pk}/").json()
    assert body["purpose"] == "Ett nätverk för landsbygdsutvecklare."
    assert [m["organisation"]["slug"] for m in body["members"]] == ["kommun-0", "kommun-1"]
    assert body["members"][0]["since"] == "2017-01-01"
    assert body["contacts"] == [
        {"name": "Daniel", "role": "Projektledare", "email": "d@example.org", "phone": None}
    ]


@pytest.mark.django_db
def test_organisation_page_lists_its_networks(client, network_index):
    make_network(network_index, members=1)
    response = client.get("/sv/natverk/organisationer/kommun-0/")
    assert "Landsbygdsutvecklare" in response.text
    body = client.get("/api/organisations/kommun-0/").json()
    assert body["networks"][0]["network"] == "Landsbygdsutvecklare"


@pytest.mark.django_db
def test_network_page_query_count_is_flat(client, network_index):
    network = make_network(network_index, members=2)

    def queries():
        client.get("/sv/natverk/lu/")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/sv/natverk/lu/").status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for i in range(15):
        NetworkMembershipFactory(page=network, organisation=OrganisationFactory(slug=f"extra-{i}"))
    network.save_revision().publish()
    assert queries() == few


@pytest.mark.django_db
def test_english_network_page_resolves_translated_members_in_constant_queries(
    client, network_index, en
):
    network = make_network(network_index, members=2)
    translate(network, en, {"Landsbygdsutvecklare": "Rural developers", "lu": "rd"})

    def queries():
        client.get("/en/network/rd/")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/en/network/rd/")
        assert response.status_code == 200
        return len(ctx.captured_queries), response.text

    for row in network.members.all():
        translate(row.organisation, en, {"En förening som arbetar för bygden.": "An association."})
    few, _text = queries()
    added = [OrganisationFactory(slug=f"more-{i}") for i in range(10)]
    for organisation in added:
        NetworkMembershipFactory(page=network, organisation=organisation)
    network.save_revision().publish()
    translate(network, en, {"Landsbygdsutvecklare": "Rural developers", "lu": "rd"})
    for organisation in added:
        translate(organisation, en, {"En förening som arbetar för bygden.": "An association."})
    many, text = queries()
    assert many == few
    assert "/en/network/organisations/more-9/" in text
    assert text.count("An association") == 0, "members list names, not descriptions"
