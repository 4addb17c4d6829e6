"""Editors manage harvest sources as snippets and read each one's last summary."""

import pytest
from django.urls import reverse

from apps.harvest.factories import HarvestSourceFactory
from apps.harvest.models import HarvestSource

pytestmark = pytest.mark.django_db


def test_editors_list_add_and_inspect_sources(admin_client):
    source = HarvestSourceFactory(name="Grannbygden", last_summary="projects: created 3")
    listing = admin_client.get(reverse("wagtailsnippets_harvest_harvestsource:list"))
    assert "Grannbygden" in listing.content.decode()

    inspect = admin_client.get(
        reverse("wagtailsnippets_harvest_harvestsource:inspect", args=[source.pk])
    )
    assert "projects: created 3" in inspect.content.decode()

    added = admin_client.post(
        reverse("wagtailsnippets_harvest_harvestsource:add"),
        {
            "name": "Nabo",
            "base_url": "https://nabo.example.org/",
            "kinds": "projects,events",
            "active": "on",
        },
    )
    assert added.status_code == 302
    assert HarvestSource.objects.get(name="Nabo").kind_list == ["projects", "events"]


def test_unknown_kinds_are_refused_and_nothing_is_saved(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_harvest_harvestsource:add"),
        {"name": "Nabo", "base_url": "https://nabo.example.org/", "kinds": "weather"},
    )
    assert response.status_code == 200
    assert not HarvestSource.objects.exists()
