import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.localize import sync, translate
from apps.network.factories import (
    NetworkMembershipFactory,
    NetworkPageFactory,
    OrganisationFactory,
    PersonFactory,
    municipality,
)
from apps.network.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db


def test_swedish_org_number_is_checked_and_normalised(sv):
    organisation = OrganisationFactory.build(country="SE", org_number="5560360793", slug="volvo")
    organisation.full_clean()
    assert organisation.org_number == "556036-0793"
    organisation.org_number = "556036-0794"
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "org_number" in error.value.message_dict


def test_municipality_must_be_in_the_organisations_country(sv):
    organisation = OrganisationFactory.build(country="DK", municipality=municipality("0884"))
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "municipality" in error.value.message_dict


def test_translation_keeps_facts_and_translates_the_description(sv, en):
    organisation = OrganisationFactory(
        slug="alh",
        name="Astrid Lindgrens Hembygd",
        description="Leaderområde i Småland.",
        phone="0492-123 45",
    )
    english = translate(organisation, en, {"Leaderområde i Småland.": "Leader area in Småland."})
    assert english.description == "Leader area in Småland."
    assert (english.slug, english.name, english.phone) == (
        "alh",
        "Astrid Lindgrens Hembygd",
        "0492-123 45",
    )
    assert english.municipality == organisation.municipality
    organisation.phone = "0492-999 99"
    organisation.municipality = municipality("0860")
    organisation.save()
    (english,) = sync(organisation)
    english.refresh_from_db()
    assert english.phone == "0492-999 99"
    assert english.municipality.code == "0860"


def test_organisation_api_filters(client, sv):
    OrganisationFactory(
        slug="a",
        name="Bygdeföreningen Alpha",
        kind=OrganisationKind.ASSOCIATION,
        municipality=municipality("0884"),
    )
    OrganisationFactory(
        slug="b",
        name="Region Kalmar län",
        kind=OrganisationKind.REGION,
        municipality=municipality("0880"),
    )
    OrganisationFactory(
        slug="c",
        name="Region Sörmland",
        kind=OrganisationKind.REGION,
        municipality=municipality("0480"),
    )

    def slugs(**params):
        return [o["slug"] for o in client.get("/api/organisations/", params).json()["results"]]

    assert slugs(kind="region") == ["b", "c"]
    assert slugs(region="SE-08") == ["a", "b"]
    assert slugs(municipality="SE-0884") == ["a"]
    assert slugs(q="sörmland") == ["c"] or slugs(q="Sörmland") == ["c"]
    alpha = client.get("/api/organisations/a/", {"locale": "sv"}).json()
    assert alpha["municipality"] == {"value": "SE-0884", "name": "Vimmerby"}
    assert alpha["region"] == {"value": "SE-08", "name": "Kalmar län"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "club"}, "kind"),
        ({"municipality": "SE-9999"}, "municipality"),
        ({"region": "Kalmar"}, "region"),
        ({"modified_since": "yesterday"}, "modified_since"),
        ({"modified_since": "9999-12-31"}, "modified_since"),
    ],
)
def test_bad_organisation_filters_are_400(client, sv, params, field):
    response = client.get("/api/organisations/", params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_english_listing_falls_back_to_swedish_originals(client, sv, en):
    translated = OrganisationFactory(slug="translated", description="På svenska.")
    translate(translated, en, {"På svenska.": "In English."})
    OrganisationFactory(slug="swedish-only", description="Bara svenska.")
    results = client.get("/api/organisations/", {"locale": "en"}).json()["results"]
    by_slug = {o["slug"]: o for o in results}
    assert len(results) == 2
    assert by_slug["translated"]["description"] == "In English."
    assert by_slug["translated"]["is_fallback"] is False
    assert by_slug["swedish-only"]["is_fallback"] is True
    assert by_slug["swedish-only"]["locale"] == "sv"
    no_fallback = client.get("/api/organisations/", {"locale": "en", "fallback": "false"}).json()
    assert [o["slug"] for o in no_fallback["results"]] == ["translated"]


def test_detail_shows_only_public_contact_details(client, sv):
    organisation = OrganisationFactory(slug="alh")
    PersonFactory(
        organisation=organisation, name="Öppen", email="open@example.org", email_public=True
    )
    PersonFactory(
        organisation=organisation, name="Privat", email="secret@example.org", phone="070-1"
    )
    body = client.get("/api/organisations/alh/").json()
    people = {p["name"]: p for p in body["people"]}
    assert people["Öppen"]["email"] == "open@example.org"
    assert people["Privat"]["email"] is None
    assert people["Privat"]["phone"] is None
    assert "secret@example.org" not in str(body)


def test_organisation_list_query_count_is_flat(client, sv):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/api/organisations/", {"page_size": 100})
        return response.json()["count"], len(ctx.captured_queries)

    OrganisationFactory.create_batch(5)
    rows, few = queries()
    OrganisationFactory.create_batch(45)
    assert queries() == (50, few)


def test_directory_pages_in_both_languages(client, network_index, en):
    organisation = OrganisationFactory(
        slug="alh", name="Astrid Lindgrens Hembygd", description="Leaderområde i Småland."
    )
    translate(organisation, en, {"Leaderområde i Småland.": "Leader area in Småland."})
    OrganisationFactory(slug="bara-svenska", name="Bara Svenska Föreningen")
    sv_list = client.get("/sv/natverk/organisationer/")
    assert sv_list.status_code == 200
    assert "Astrid Lindgrens Hembygd" in sv_list.text
    en_list = client.get("/en/network/organisations/")
    assert "Bara Svenska Föreningen" in en_list.text
    assert "In Swedish" in en_list.text
    en_page = client.get("/en/network/organisations/alh/")
    assert en_page.status_code == 200
    assert "Leader area in Småland." in en_page.text
    assert "Vimmerby" in en_page.text
    assert client.get("/en/network/organisations/no-such-org/").status_code == 404
    assert client.get("/en/network/organisations/", {"kind": "club"}).status_code == 400


def test_directory_page_query_count_is_flat(client, network_index):
    def queries():
        client.get("/sv/natverk/organisationer/")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/sv/natverk/organisationer/").status_code == 200
        return len(ctx.captured_queries)

    OrganisationFactory.create_batch(3)
    few = queries()
    OrganisationFactory.create_batch(20)
    assert queries() == few


def test_organisation_in_use_cannot_be_deleted_in_the_admin(admin_client, network_index):
    organisation = OrganisationFactory(slug="in-use")
    network = NetworkPageFactory(parent=network_index)
    NetworkMembershipFactory(page=network, organisation=organisation)
    network.save_revision().publish()
    url = f"/admin/snippets/network/organisation/delete/{organisation.pk}/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Are you sure you want to delete" not in page.text, "no delete button is offered"
    response = admin_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/", "Wagtail refuses with a permission error"
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_unused_organisation_can_be_deleted(admin_client, sv):
    organisation = OrganisationFactory(slug="unused")
    response = admin_client.post(f"/admin/snippets/network/organisation/delete/{organisation.pk}/")
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


def test_an_organisation_in_use_is_kept_when_the_reference_index_lags(admin_client, network_index):
    """Wagtail's reference index is filled by a background task; until it is, the database's
    own protection must give a clear refusal, not a 500."""
    from wagtail.models import ReferenceIndex

    organisation = OrganisationFactory(slug="in-use-unindexed")
    network = NetworkPageFactory(parent=network_index)
    NetworkMembershipFactory(page=network, organisation=organisation)
    network.save_revision().publish()
    ReferenceIndex.objects.all().delete()
    url = f"/admin/snippets/network/organisation/delete/{organisation.pk}/"
    response = admin_client.post(url)
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert organisation.name in message
