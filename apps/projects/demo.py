"""Project database demo content from the seed texts (our own wording): the Leader area's event
calendar projects and the events its co-financing supported, a regional culture project, a
national local-finance project, Kalmar County's service project and a Danish culture network."""

import datetime
from decimal import Decimal

from apps.core.demo import T, ensure_translations, get_or_add_child, source_locale, strings
from apps.network.models import Organisation, Place
from apps.projects.models import (
    FundingProgramme,
    PartnerRole,
    ProjectFunder,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProjectPlace,
    ProjectTheme,
    Theme,
)

THEMES = [
    ("culture", T("Kultur", "Culture"), False),
    ("events", T("Evenemang", "Events"), False),
    ("local-finance", T("Lokal finansiering", "Local finance"), False),
    ("rural-services", T("Service på landsbygden", "Rural services"), False),
    ("good-event", T("Det goda evenemanget", "The good event"), False),
    ("sustainability", T("Hållbarhet", "Sustainability"), True),
    ("gender-equality", T("Jämställdhet", "Gender equality"), True),
    ("diversity", T("Mångfald", "Diversity"), True),
    ("youth-participation", T("Ungas delaktighet", "Youth participation"), True),
]

PROGRAMMES = [
    (
        "leader",
        T("Leader i landsbygdsprogrammet", "Leader in the Rural Development Programme"),
        None,
    ),
    ("rural-programme", T("Landsbygdsprogrammet", "Rural Development Programme"), None),
    ("event-cofinancing", T("Medfinansiering av evenemang", "Co-financing of events"), "alh"),
    ("culture-agreement", T("Kulturaftale", "Culture agreement"), "kulturregion-storstrom"),
]

HORIZONTAL = ["sustainability", "gender-equality", "diversity", "youth-participation"]

PROJECTS = [
    dict(
        slug="allt-som-sker",
        featured=True,
        title=T("Allt som sker", "Allt som sker"),
        identifier="ALH-2017-01",
        summary=T(
            "Leaderområdets evenemangskalender fick en ny plattform, och minst tjugo evenemang genomfördes "
            "tillsammans med föreningar.",
            "The Leader area's event calendar got a new platform, and at least twenty events were held "
            "together with local associations.",
        ),
        owner="alh",
        programme="leader",
        start=datetime.date(2017, 1, 1),
        end=datetime.date(2018, 12, 31),
        themes=["events", "good-event", *HORIZONTAL],
        places=["leader-alh"],
        currency="SEK",
    ),
    dict(
        slug="allt-som-sker-2",
        title=T("Allt som sker 2.0", "Allt som sker 2.0"),
        identifier="ALH-2019-01",
        summary=T(
            "Fortsatt utveckling av evenemangen i området under 2019, med kalendern som nav.",
            "Further development of events in the area during 2019, with the calendar at the centre.",
        ),
        owner="alh",
        programme="leader",
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2019, 12, 31),
        themes=["events", "good-event"],
        places=["leader-alh"],
        currency="SEK",
    ),
    dict(
        slug="skordemarknad-hogsby",
        title=T("Skördemarknad i Högsby", "Harvest market in Högsby"),
        identifier="ALH-EV-0007",
        summary=T(
            "En marknad med lokala producenter där ungdomar planerade programmet tillsammans med föreningen.",
            "A market with local producers where young people planned the programme together with the association.",
        ),
        owner="alh",
        funders=[("alh", Decimal("15000"))],
        programme="event-cofinancing",
        start=datetime.date(2018, 9, 1),
        end=datetime.date(2018, 9, 30),
        amount=Decimal("15000"),
        budget=Decimal("42000"),
        in_kind=Decimal("18000"),
        award=datetime.date(2018, 5, 14),
        themes=["good-event", "youth-participation"],
        places=["SE-0821"],
        currency="SEK",
    ),
    dict(
        slug="teaterkvall-eksjo",
        title=T("Teaterkväll i Eksjö", "An evening of theatre in Eksjö"),
        identifier="ALH-EV-0012",
        summary=T(
            "En föreställning med tillgänglig lokal och tolkning, för att fler ska kunna delta.",
            "A performance in an accessible venue with interpretation, so that more people can take part.",
        ),
        owner="alh",
        funders=[("alh", Decimal("12500"))],
        programme="event-cofinancing",
        start=datetime.date(2018, 3, 1),
        end=datetime.date(2018, 3, 31),
        amount=Decimal("12500"),
        budget=Decimal("30000"),
        award=datetime.date(2017, 12, 4),
        themes=["good-event", "culture", "diversity"],
        places=["SE-0686"],
        currency="SEK",
    ),
    dict(
        slug="sormlandska-kulturtillgangar",
        title=T("Sörmländska kulturtillgångar", "Sörmland's cultural assets"),
        identifier="RS-2021-KULTUR",
        summary=T(
            "Ett treårigt projekt som bygger hållbara, stöttande strukturer för kulturlivets aktörer i Sörmland, "
            "med mötesplatser och samverkan som ledord.",
            "A three-year project building lasting support structures for cultural actors in Sörmland, "
            "with meeting places and cooperation as guiding words.",
        ),
        owner="region-sormland",
        # Co-financed: the seed names both funders but not their shares.
        funders=[("kulturradet", None), ("region-sormland", None)],
        start=datetime.date(2021, 1, 1),
        end=datetime.date(2023, 12, 31),
        themes=["culture"],
        places=["SE-04"],
        partners=[("kulturradet", PartnerRole.FUNDER)],
        currency="SEK",
        contacts=["Elin Selig", "Marie Anstadius"],
    ),
    dict(
        slug="lokal-finansiering",
        title=T(
            "Lokal finansiering – för landsbygdens utveckling",
            "Local finance for rural development",
        ),
        identifier="HSSL-LOKALFIN",
        summary=T(
            "Nationellt projekt som stödjer minst fem lokala finansieringsinitiativ genom inspirationsträffar, "
            "coachning och en handbok om organisationsmodeller.",
            "A national project supporting at least five local finance initiatives through inspiration meetings, "
            "coaching and a handbook on ways to organise.",
        ),
        owner="hela-sverige",
        programme="rural-programme",
        start=datetime.date(2016, 1, 1),
        end=datetime.date(2018, 6, 30),
        themes=["local-finance"],
        places=["SE"],
        currency="SEK",
    ),
    dict(
        slug="flernivasamverkan",
        title=T(
            "Flernivåsamverkan för stärkt regional service",
            "Multi-level cooperation for stronger regional services",
        ),
        identifier="RKL-2017-SERVICE",
        summary=T(
            "Region Kalmar län bygger ett nätverk av landsbygdsutvecklare och prövar nya sätt att behålla "
            "service på landsbygden, tillsammans med lokala utvecklingsgrupper.",
            "Region Kalmar County builds a network of rural development officers and tries new ways to keep "
            "services in the countryside, together with local development groups.",
        ),
        owner="region-kalmar-lan",
        programme="rural-programme",
        start=datetime.date(2017, 1, 1),
        end=datetime.date(2019, 12, 31),
        themes=["rural-services"],
        places=["SE-08"],
        currency="SEK",
        funders=[("region-kalmar-lan", None), ("lansstyrelsen-kalmar", None)],
        partners=[
            ("lansstyrelsen-kalmar", PartnerRole.CO_FINANCIER),
            ("hela-sverige", PartnerRole.PARTNER),
        ],
        contacts=["Daniel Granello"],
    ),
    dict(
        slug="kulturaktorer-storstrom",
        title=T(
            "Nätverk för kulturaktörer i Storstrøm", "A network for cultural actors in Storstrøm"
        ),
        identifier="KRS-NETVAERK",
        summary=T(
            "Nätverksträffar och kursdagar i affärsutveckling, fundraising och mobilfilm för kulturaktörer i "
            "de danska aftalekommunerna.",
            "Network meetings and course days in business development, fundraising and mobile film-making for "
            "cultural actors in the Danish partner municipalities.",
        ),
        owner="kulturregion-storstrom",
        programme="culture-agreement",
        start=datetime.date(2015, 1, 1),
        end=datetime.date(2026, 12, 31),
        themes=["culture"],
        places=["DK-390", "DK-370"],
        currency="DKK",
    ),
]

INDEX_TITLE = T("Projekt", "Projects")
INDEX_INTRO = T(
    "Sök bland utvecklingsprojekt på landsbygden: vem som driver dem, var, med vilka pengar och vad de ledde till.",
    "Search rural development projects: who runs them, where, with what funding and what came out of them.",
)


def load(home, log):
    themes = _taxonomy(Theme, THEMES, log)
    programmes = _programmes(log)
    index, _created = get_or_add_child(
        home,
        ProjectIndexPage,
        "projekt",
        log,
        title=INDEX_TITLE.sv,
        intro=INDEX_INTRO.sv,
        show_in_menus=True,
    )
    ensure_translations(
        index, {"en": {**strings(INDEX_TITLE, INDEX_INTRO), "projekt": "projects"}}, log
    )
    for spec in PROJECTS:
        _project(index, spec, themes, programmes, log)


def _taxonomy(model, rows, log):
    sv = source_locale()
    result = {}
    for slug, name, horizontal in rows:
        item = model.objects.filter(slug=slug, locale=sv).first()
        if item is None:
            item = model.objects.create(
                slug=slug, name=name.sv, locale=sv, is_horizontal=horizontal
            )
            log(f"  created {model._meta.verbose_name} {name.sv}")
        ensure_translations(item, {"en": strings(name)}, log)
        result[slug] = item
    return result


def _programmes(log):
    sv = source_locale()
    result = {}
    for slug, name, funder in PROGRAMMES:
        item = FundingProgramme.objects.filter(slug=slug, locale=sv).first()
        if item is None:
            item = FundingProgramme.objects.create(
                slug=slug,
                name=name.sv,
                locale=sv,
                funder=Organisation.objects.filter(slug=funder, locale=sv).first()
                if funder
                else None,
            )
            log(f"  created funding programme {name.sv}")
        ensure_translations(item, {"en": strings(name)}, log)
        result[slug] = item
    return result


def _org(slug):
    return Organisation.objects.get(slug=slug, locale=source_locale()) if slug else None


def _project(index, spec, themes, programmes, log):
    from apps.network.models import Person
    from apps.projects.models import ProjectContact

    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is None:
        page = ProjectPage(
            title=spec["title"].sv,
            slug=spec["slug"],
            identifier=spec["identifier"],
            summary=spec["summary"].sv,
            planned_start=spec["start"],
            planned_end=spec["end"],
            owner_organisation=_org(spec["owner"]),
            funding_programme=programmes.get(spec.get("programme")),
            amount_granted=spec.get("amount"),
            total_budget=spec.get("budget"),
            in_kind_value=spec.get("in_kind"),
            award_date=spec.get("award"),
            currency=spec["currency"],
            is_featured=spec.get("featured", False),
            locale=index.locale,
        )
        for slug in spec["themes"]:
            page.themes.add(ProjectTheme(theme=themes[slug]))
        for identifier in spec["places"]:
            page.places.add(ProjectPlace(place=Place.objects.get(identifier=identifier)))
        for slug, role in spec.get("partners", []):
            page.partners.add(ProjectPartner(organisation=_org(slug), role=role))
        for slug, amount in spec.get("funders", []):
            page.funders.add(ProjectFunder(organisation=_org(slug), amount=amount))
        for name in spec.get("contacts", []):
            page.contacts.add(
                ProjectContact(person=Person.objects.get(name=name, locale=index.locale))
            )
        index.add_child(instance=page)
        page.save_revision().publish()
        log(f"  created project “{page.title}”")
    else:
        page = existing.specific
    ensure_translations(page, {"en": strings(spec["title"], spec["summary"])}, log)
