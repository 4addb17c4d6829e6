"""Directory demo content from the seed texts: Leader areas, the organisations and people the
seeds name, and two networks (rural developers in Kalmar County, Kulturregion Storstrøm)."""

import datetime

from apps.core.demo import T, ensure_translations, get_or_add_child, source_locale, strings
from apps.network.models import (
    NetworkContact,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
    NetworkPlace,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    PlaceKind,
)

LEADER_AREAS = [
    ("alh", "Astrid Lindgrens Hembygd", "SE", ["0682", "0686", "0884", "0860", "0821", "0882"]),
    ("sjobygden", "Leader Sjöbygden", "SE", ["0482", "0483", "0428", "0461"]),
    ("sydsjaelland", "LAG Sydsjælland", "DK", ["390", "370", "320"]),
]

ORGANISATIONS = [
    (
        "alh",
        "Föreningen Astrid Lindgrens Hembygd",
        OrganisationKind.LAG,
        "SE",
        "0884",
        T(
            "Leaderområde i sex kommuner i Småland som driver evenemangskalendern Allt som sker.",
            "Leader area in six municipalities in Småland that runs the Allt som sker event calendar.",
        ),
        "https://www.astridlindgrenshembygd.se/",
    ),
    (
        "region-kalmar-lan",
        "Region Kalmar län",
        OrganisationKind.REGION,
        "SE",
        "0880",
        T(
            "Regionen arbetar med landsbygdens utveckling och det regionala serviceprogrammet.",
            "The region works on rural development and the regional service programme.",
        ),
        "",
    ),
    (
        "lansstyrelsen-kalmar",
        "Länsstyrelsen i Kalmar län",
        OrganisationKind.AUTHORITY,
        "SE",
        "0880",
        T(
            "Statens myndighet i länet; medfinansierar bygdepengen och servicearbetet.",
            "The state's authority in the county; co-finances the village grant and the service work.",
        ),
        "",
    ),
    (
        "region-sormland",
        "Region Sörmland",
        OrganisationKind.REGION,
        "SE",
        "0480",
        T(
            "Regionen bakom projektet Sörmländska kulturtillgångar.",
            "The region behind the project Sörmländska kulturtillgångar.",
        ),
        "",
    ),
    (
        "kulturradet",
        "Statens kulturråd",
        OrganisationKind.AUTHORITY,
        "SE",
        "0180",
        T(
            "Statlig myndighet som finansierar kulturprojekt i hela landet.",
            "Government agency that funds cultural projects across Sweden.",
        ),
        "https://www.kulturradet.se/",
    ),
    (
        "hela-sverige",
        "Hela Sverige ska leva",
        OrganisationKind.ASSOCIATION,
        "SE",
        "0180",
        T(
            "Riksorganisation för lokala utvecklingsgrupper, med förankring i hela Kalmar län.",
            "National federation of local development groups, with members throughout Kalmar County.",
        ),
        "https://www.helasverige.se/",
    ),
    (
        "kulturregion-storstrom",
        "Kulturregion Storstrøm",
        OrganisationKind.NETWORK,
        "DK",
        "390",
        T(
            "Dansk kulturregion där kommunerna samarbetar om nätverk och kurser för kulturaktörer.",
            "Danish culture region where the municipalities cooperate on networks and courses for cultural actors.",
        ),
        "",
    ),
]

PEOPLE = [
    ("Cathrine Jansson", T("Projektledare", "Project manager"), "alh"),
    (
        "Daniel Granello",
        T("Landsbygdsutvecklare", "Rural development officer"),
        "region-kalmar-lan",
    ),
    ("Elin Selig", T("Projektledare", "Project manager"), "region-sormland"),
    ("Marie Anstadius", T("Projektledare", "Project manager"), "region-sormland"),
]

INDEX_TITLE = T("Nätverk", "Network")
INDEX_INTRO = T(
    "Organisationer, personer och nätverk som driver utveckling på landsbygden.",
    "Organisations, people and networks working on rural development.",
)
NETWORKS = [
    (
        "landsbygdsutvecklare-kalmar",
        T("Landsbygdsutvecklare i Kalmar län", "Rural developers in Kalmar County"),
        T(
            "Ett regionalt nätverk där kommunernas landsbygdsutvecklare driver gemensamma frågor, "
            "delar erfarenheter och hittar projekt att göra tillsammans.",
            "A regional network where the municipalities' rural development officers pursue shared "
            "issues, swap experience and find projects to run together.",
        ),
        datetime.date(2017, 3, 1),
        [
            ("region-kalmar-lan", T("Samordnare", "Coordinator"), datetime.date(2017, 3, 1)),
            ("lansstyrelsen-kalmar", T("Medfinansiär", "Co-funder"), datetime.date(2017, 3, 1)),
            ("hela-sverige", T("Samarbetspartner", "Partner"), datetime.date(2017, 9, 1)),
        ],
        ["Daniel Granello"],
        ["SE-08"],
    ),
    (
        "kulturregion-storstrom",
        T("Kulturregion Storstrøm", "Kulturregion Storstrøm"),
        T(
            "Ett nätverk av kulturinstitutioner och kulturaktörer i de danska aftalekommunerna, med "
            "nätverksträffar och kurser i till exempel fundraising.",
            "A network of cultural institutions and actors in the Danish partner municipalities, with "
            "network meetings and courses in subjects such as fundraising.",
        ),
        datetime.date(2013, 1, 1),
        [("kulturregion-storstrom", T("Sekretariat", "Secretariat"), datetime.date(2013, 1, 1))],
        [],
        ["DK-390", "DK-370"],
    ),
]


def load(home, log):
    ensure_leader_areas(log)
    organisations = ensure_organisations(log)
    people = ensure_people(organisations, log)
    ensure_network_pages(home, organisations, people, log)


def ensure_leader_areas(log):
    for code, name, country, municipality_codes in LEADER_AREAS:
        area, created = Place.objects.get_or_create(
            kind=PlaceKind.LEADER_AREA, country=country, code=code, defaults={"name": name}
        )
        if created:
            area.covers.set(
                Place.objects.filter(
                    kind=PlaceKind.MUNICIPALITY, country=country, code__in=municipality_codes
                )
            )
            log(f"  created Leader area {name} ({len(municipality_codes)} municipalities)")


def ensure_organisations(log):
    sv = source_locale()
    result = {}
    for slug, name, kind, country, municipality_code, description, website in ORGANISATIONS:
        organisation = Organisation.objects.filter(slug=slug, locale=sv).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                slug=slug,
                name=name,
                kind=kind,
                country=country,
                municipality=Place.objects.get(
                    kind=PlaceKind.MUNICIPALITY, country=country, code=municipality_code
                ),
                description=description.sv,
                website=website,
                locale=sv,
            )
            log(f"  created organisation {name}")
        ensure_translations(organisation, {"en": strings(description)}, log)
        result[slug] = organisation
    return result


def ensure_people(organisations, log):
    sv = source_locale()
    result = {}
    for name, role, organisation_slug in PEOPLE:
        person = Person.objects.filter(name=name, locale=sv).first()
        if person is None:
            person = Person.objects.create(
                name=name, role=role.sv, organisation=organisations[organisation_slug], locale=sv
            )
            log(f"  created person {name}")
        ensure_translations(person, {"en": strings(role)}, log)
        result[name] = person
    return result


def ensure_network_pages(home, organisations, people, log):
    index, _created = get_or_add_child(
        home,
        NetworkIndexPage,
        "natverk",
        log,
        title=INDEX_TITLE.sv,
        intro=INDEX_INTRO.sv,
        show_in_menus=True,
    )
    ensure_translations(
        index, {"en": {**strings(INDEX_TITLE, INDEX_INTRO), "natverk": "network"}}, log
    )
    for slug, title, purpose, founded, members, contacts, places in NETWORKS:
        existing = index.get_children().filter(slug=slug).first()
        if existing is None:
            page = NetworkPage(
                title=title.sv,
                slug=slug,
                purpose=purpose.sv,
                founded=founded,
                locale=index.locale,
                listing_summary=purpose.sv,
            )
            for organisation_slug, role, since in members:
                page.members.add(
                    NetworkMembership(
                        organisation=organisations[organisation_slug], role=role.sv, since=since
                    )
                )
            for name in contacts:
                page.contacts.add(NetworkContact(person=people[name]))
            for identifier in places:
                page.places.add(NetworkPlace(place=Place.objects.get(identifier=identifier)))
            index.add_child(instance=page)
            page.save_revision().publish()
            log(f"  created network “{page.title}”")
        else:
            page = existing.specific
        role_strings = strings(*[role for _slug, role, _since in members])
        ensure_translations(page, {"en": {**strings(title, purpose), **role_strings}}, log)
