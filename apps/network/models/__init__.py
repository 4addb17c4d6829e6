from apps.network.models.network_pages import (
    NetworkContact,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
    NetworkPlace,
)
from apps.network.models.organisations import Organisation, OrganisationKind
from apps.network.models.people import Person
from apps.network.models.places import Place, PlaceKind

__all__ = [
    "NetworkContact",
    "NetworkIndexPage",
    "NetworkMembership",
    "NetworkPage",
    "NetworkPlace",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Place",
    "PlaceKind",
]
