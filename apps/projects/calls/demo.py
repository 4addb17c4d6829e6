"""Funding-call demo from the seed texts (our own wording): the Leader area Astrid Lindgrens
Hembygd's co-financing of events (up to 15 000 SEK per event, applied for on this site), Region
Kalmar län's village grant "idéslanten" (up to 15 000 SEK per place and year, by e-mail) and a
Danish fund for cultural actors in Storstrøm in DKK with two cut-off dates. Dates are set
relative to the day the demo is first loaded, so one call is open, one rolling and one has a
cut-off ahead; later runs only add what is missing and never move them. A "Call moderators"
group may publish calls and so sees their applications."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from apps.core.demo import T, ensure_translations, get_or_add_child, source_locale, strings
from apps.core.localize import sync
from apps.network.models import Organisation, Person, Place
from apps.projects.models import (
    FundingCallApplicant,
    FundingCallDeadline,
    FundingCallFormField,
    FundingCallIndexPage,
    FundingCallPage,
    FundingCallPlace,
    FundingCallTheme,
    FundingProgramme,
    ProjectIndexPage,
    ProjectPage,
    Theme,
)

INDEX_TITLE = T("Utlysningar", "Funding calls")
INDEX_INTRO = T(
    "Bidrag och stöd som föreningar, företag och grupper på landsbygden kan söka – öppna först, "
    "med sista ansökningsdag.",
    "Grants that associations, companies and local groups in the countryside can apply for – "
    "open calls first, with their deadlines.",
)
MODERATORS = "Call moderators"


def items(*texts):
    return [("item", text.sv) for text in texts], strings(*texts)


CALLS = [
    dict(
        slug="medfinansiering-evenemang",
        en_slug="event-co-financing",
        identifier="alh-event-cofinancing",
        title=T("Medfinansiering av evenemang", "Co-financing of events"),
        summary=T(
            "Föreningar och företag i Leaderområdet Astrid Lindgrens Hembygd kan få upp till "
            "15 000 kronor till evenemang som tar hänsyn till hållbarhet, jämställdhet, mångfald "
            "och ungas delaktighet.",
            "Associations and companies in the Astrid Lindgrens Hembygd Leader area can get up to "
            "15,000 kronor for events that consider sustainability, gender equality, diversity and "
            "young people's participation.",
        ),
        funder="alh",
        programme="event-cofinancing",
        intake="rolling",
        opens=-60,
        max_grant=Decimal("15000"),
        grant_basis=T("per evenemang", "per event"),
        currency="SEK",
        applicants=["association", "company"],
        places=["leader-alh"],
        themes=[
            "events",
            "good-event",
            "sustainability",
            "gender-equality",
            "diversity",
            "youth-participation",
        ],
        criteria=(
            T(
                "Evenemanget äger rum i någon av kommunerna Nässjö, Eksjö, Vimmerby, Hultsfred, "
                "Högsby eller Oskarshamn.",
                "The event takes place in one of the municipalities of Nässjö, Eksjö, Vimmerby, "
                "Hultsfred, Högsby or Oskarshamn.",
            ),
            T(
                "Evenemanget tar hänsyn till hållbarhet, jämställdhet, mångfald och ungas delaktighet.",
                "The event considers sustainability, gender equality, diversity and young people's "
                "participation.",
            ),
            T(
                "Evenemanget bidrar till en god evenemangskultur i området.",
                "The event contributes to a good culture of events in the area.",
            ),
        ),
        contents=(
            T("En beskrivning av evenemanget", "A description of the event"),
            T("En budget för evenemanget", "A budget for the event"),
        ),
        method="form",
        contact="Cathrine Jansson",
        form=[
            (T("Förening eller företag", "Association or company"), "singleline", True),
            (T("Kontaktperson", "Contact person"), "singleline", True),
            (T("E-post", "E-mail"), "email", True),
            (
                T(
                    "Evenemanget och hur det tar hänsyn till de horisontella målen",
                    "The event and how it considers the horizontal goals",
                ),
                "multiline",
                True,
            ),
            (T("Datum för evenemanget", "Date of the event"), "date", True),
            (T("Budget (fil)", "Budget (file)"), "file", False),
        ],
        thanks=T(
            "Tack! Vi återkommer när ansökan är behandlad.",
            "Thank you! We will be in touch once your application has been handled.",
        ),
        funded=["skordemarknad-hogsby", "teaterkvall-eksjo"],
    ),
    dict(
        slug="ideslanten",
        en_slug="ideslanten",
        identifier="ideslanten",
        title=T("Regional bygdepeng – idéslanten", "Regional village grant – idéslanten"),
        summary=T(
            "Föreningar och grupper på landsbygden i Kalmar län kan söka upp till 15 000 kronor "
            "per ort och år för mindre insatser som utvecklar bygden.",
            "Associations and groups in the countryside of Kalmar County can apply for up to "
            "15,000 kronor per place and year for small initiatives that develop their area.",
        ),
        funder="region-kalmar-lan",
        intake="period",
        opens=-30,
        closes=45,
        max_grant=Decimal("15000"),
        grant_basis=T("per ort och år", "per place and year"),
        currency="SEK",
        applicants=["association", "local_group"],
        places=["SE-08"],
        themes=["gender-equality"],
        criteria=(
            T(
                "Insatsen främjar lokal utveckling och är väl förankrad i bygden.",
                "The initiative furthers local development and is well rooted in the area.",
            ),
            T(
                "Föreningen eller gruppen har minst tio medlemmar.",
                "The association or group has at least ten members.",
            ),
            T(
                "Insatsen kommer både kvinnor och män till del.",
                "The initiative benefits both women and men.",
            ),
        ),
        eligible=(
            T("Hyra av lokal", "Renting a venue"),
            T("Föreläsare", "Speakers"),
            T("Dialoger och möten", "Dialogues and meetings"),
            T("Studieresor", "Study trips"),
        ),
        ineligible=(
            T("Lönekostnader", "Salaries"),
            T("Fysiska investeringar", "Physical investments"),
        ),
        contents=(
            T("Uppgifter om föreningen eller gruppen", "Details of the association or group"),
            T("Kontaktperson", "A contact person"),
            T(
                "En beskrivning av insatsen och hur den främjar lokal utveckling",
                "A description of the initiative and how it furthers local development",
            ),
            T(
                "En beskrivning av hur insatsen är förankrad i bygden",
                "A description of how the initiative is rooted in the area",
            ),
            T("En översiktlig budget", "An outline budget"),
        ),
        method="email",
        email="bygdepeng@example.org",
        contact="Daniel Granello",
        funded=[],
    ),
    dict(
        slug="kulturpulje-storstrom",
        en_slug="culture-fund-storstrom",
        identifier="kulturpulje-storstrom",
        title=T("Pulje för kulturaktörer i Storstrøm", "Fund for cultural actors in Storstrøm"),
        summary=T(
            "Kulturaktörer och kulturföreningar i aftalekommunerna kan söka stöd till nätverk, "
            "kompetensutveckling och nya kulturaktiviteter för fler invånare.",
            "Cultural actors and cultural associations in the partner municipalities can apply for "
            "support for networks, skills development and new cultural activities for more residents.",
        ),
        funder="kulturregion-storstrom",
        programme="culture-agreement",
        intake="cutoffs",
        time_zone="Europe/Copenhagen",
        cutoffs=[20, 110],
        max_grant=Decimal("25000"),
        currency="DKK",
        applicants=["cultural_actor", "association"],
        places=["DK-390", "DK-370"],
        themes=["culture"],
        criteria=(
            T(
                "Aktiviteten stärker nätverk mellan kulturaktörer.",
                "The activity strengthens networks between cultural actors.",
            ),
            T(
                "Fler invånare får uppleva eller delta i kulturella aktiviteter och gemenskaper.",
                "More residents get to experience or take part in cultural activities and communities.",
            ),
        ),
        eligible=(
            T(
                "Kursdagar, till exempel i fundraising eller affärsutveckling",
                "Course days, for example in fundraising or business development",
            ),
            T("Nätverksträffar", "Network meetings"),
        ),
        method="url",
        url="https://kulturregion.example.dk/pulje",
        funded=["kursdagar-storstrom-2018"],
    ),
]

EXTRA_PROJECTS = [
    dict(
        slug="kursdagar-storstrom-2018",
        title=T(
            "Kursdagar i mobilberättande och fundraising",
            "Course days in mobile storytelling and fundraising",
        ),
        identifier="KRS-KURS-2018",
        summary=T(
            "Tre kursdagar 2018 där kulturaktörer lärde sig göra korta filmer med mobilen och söka "
            "pengar till nya aktiviteter.",
            "Three course days in 2018 where cultural actors learnt to make short films with their "
            "phones and to raise money for new activities.",
        ),
        owner="kulturregion-storstrom",
        funder="kulturregion-storstrom",
        programme="culture-agreement",
        start=datetime.date(2018, 2, 1),
        end=datetime.date(2018, 11, 30),
        amount=Decimal("24000"),
        award=datetime.date(2018, 1, 15),
        themes=["culture"],
        places=["DK-390"],
        currency="DKK",
    ),
]


def load(home, log):
    from apps.projects.demo import _project

    index, _created = get_or_add_child(
        home,
        FundingCallIndexPage,
        "utlysningar",
        log,
        title=INDEX_TITLE.sv,
        intro=INDEX_INTRO.sv,
        show_in_menus=True,
    )
    ensure_translations(
        index, {"en": {**strings(INDEX_TITLE, INDEX_INTRO), "utlysningar": "calls"}}, log
    )
    projects = ProjectIndexPage.objects.filter(locale=home.locale).first()
    if projects is not None:
        sv = source_locale()
        themes = {theme.slug: theme for theme in Theme.objects.filter(locale=sv)}
        programmes = {item.slug: item for item in FundingProgramme.objects.filter(locale=sv)}
        for spec in EXTRA_PROJECTS:
            _project(projects, spec, themes, programmes, log)
    for spec in CALLS:
        call = _call(index, spec, log)
        _link_funded(call, spec["funded"], home.locale, log)
    _moderators(index, log)


def _local_day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def _call(index, spec, log):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    criteria, criteria_strings = items(*spec.get("criteria", ()))
    contents, content_strings = items(*spec.get("contents", ()))
    eligible, eligible_strings = items(*spec.get("eligible", ()))
    ineligible, ineligible_strings = items(*spec.get("ineligible", ()))
    texts = [spec["title"], spec["summary"]]
    texts += [spec[key] for key in ("grant_basis", "thanks") if key in spec]
    texts += [label for label, _type, _required in spec.get("form", [])]
    mapping = {
        **strings(*texts),
        **criteria_strings,
        **content_strings,
        **eligible_strings,
        **ineligible_strings,
        spec["slug"]: spec["en_slug"],
    }
    if existing is not None:
        call = existing.specific
    else:
        sv = source_locale()
        call = FundingCallPage(
            title=spec["title"].sv,
            slug=spec["slug"],
            identifier=spec["identifier"],
            summary=spec["summary"].sv,
            listing_summary=spec["summary"].sv,
            funder=Organisation.objects.get(slug=spec["funder"], locale=sv),
            programme=FundingProgramme.objects.filter(
                slug=spec.get("programme", ""), locale=sv
            ).first(),
            intake=spec["intake"],
            time_zone=spec.get("time_zone", "Europe/Stockholm"),
            opens_date=_local_day(spec["opens"]) if "opens" in spec else None,
            closes_date=_local_day(spec["closes"]) if "closes" in spec else None,
            max_grant=spec["max_grant"],
            grant_basis=spec["grant_basis"].sv if "grant_basis" in spec else "",
            currency=spec["currency"],
            criteria=criteria,
            required_contents=contents,
            eligible_costs=eligible,
            ineligible_costs=ineligible,
            application_method=spec["method"],
            application_email=spec.get("email", ""),
            application_url=spec.get("url", ""),
            contact=Person.objects.filter(name=spec.get("contact", ""), locale=sv).first(),
            thank_you_text=spec["thanks"].sv if "thanks" in spec else "",
            locale=index.locale,
        )
        for offset in spec.get("cutoffs", []):
            call.deadlines.add(FundingCallDeadline(date=_local_day(offset), time=datetime.time(12)))
        for kind in spec["applicants"]:
            call.eligible_applicants.add(FundingCallApplicant(kind=kind))
        for identifier in spec["places"]:
            call.places.add(FundingCallPlace(place=Place.objects.get(identifier=identifier)))
        for slug in spec["themes"]:
            call.themes.add(FundingCallTheme(theme=Theme.objects.get(slug=slug, locale=sv)))
        for label, field_type, required in spec.get("form", []):
            call.form_fields.add(
                FundingCallFormField(label=label.sv, field_type=field_type, required=required)
            )
        index.add_child(instance=call)
        call.save_revision().publish()
        log(f"  created funding call “{call.title}”")
    ensure_translations(call, {"en": mapping}, log)
    return call


def _link_funded(call, slugs, locale, log):
    for project in ProjectPage.objects.filter(slug__in=slugs, locale=locale, funding_call=None):
        project.funding_call = call
        project.save_revision().publish()
        sync(project)
        log(f"  linked project “{project.title}” to call “{call.title}”")


def _moderators(index, log):
    group, created = Group.objects.get_or_create(name=MODERATORS)
    if created:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        log(f"  created group {MODERATORS}")
    for page in index.get_translations(inclusive=True):
        for action in ("add", "change", "publish"):
            if not GroupPagePermission.objects.filter(
                group=group, page=page, permission__codename=f"{action}_page"
            ).exists():
                GroupPagePermission.objects.create(group=group, page=page, permission_type=action)
                log(f"  {MODERATORS} may {action} calls in {page.locale.language_code}")
