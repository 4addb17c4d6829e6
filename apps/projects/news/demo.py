"""News demo: a news index and three blog posts per demo project, written from the seeds' facts
in our own words, each translated into English."""

import datetime

from apps.core.demo import T, ensure_translations, get_or_add_child, paragraphs, strings
from apps.network.models import Person
from apps.projects.models import NewsIndexPage, PostAuthor, ProjectPage, ProjectPostPage

D = datetime.date

POSTS = {
    "allt-som-sker": [
        (
            "ny-plattform",
            D(2017, 11, 20),
            ["kalender", "digitalt"],
            T("Kalendern har fått en ny plattform", "The calendar has a new platform"),
            T(
                "Allt som sker har flyttat till en ny databas med tydligare design.",
                "Allt som sker has moved to a new database with a clearer design.",
            ),
            T(
                "Arrangörer i de sex kommunerna loggar in som förut och lägger upp sina evenemang utan kostnad.",
                "Organisers in the six municipalities log in as before and post their events free of charge.",
            ),
        ),
        (
            "tjugo-evenemang",
            D(2018, 6, 12),
            ["evenemang", "föreningar"],
            T("Halvvägs till tjugo evenemang", "Halfway to twenty events"),
            T(
                "Tio föreningar har redan genomfört evenemang med medfinansiering.",
                "Ten associations have already held events with co-financing.",
            ),
            T(
                "Stödet är högst 15 000 kronor per evenemang och ska gå till arrangemang som tar hänsyn till "
                "hållbarhet, jämställdhet, mångfald och ungas delaktighet.",
                "The support is at most 15,000 kronor per event and goes to events that consider sustainability, "
                "gender equality, diversity and youth participation.",
            ),
        ),
        (
            "fyrtiotusen-besokare",
            D(2018, 12, 3),
            ["kalender", "statistik"],
            T("Över 40 000 besökare på ett år", "More than 40,000 visitors in a year"),
            T(
                "Kalendern används flitigt av både besökare och lokala medier.",
                "The calendar is widely used by visitors and local media alike.",
            ),
            T(
                "Många webbplatser i området länkar till kalendern, som nu har funnits i ungefär femton år.",
                "Many websites in the area link to the calendar, which has now existed for about fifteen years.",
            ),
        ),
    ],
    "allt-som-sker-2": [
        (
            "nytt-ar",
            D(2019, 1, 15),
            ["evenemang"],
            T("Allt som sker 2.0 drar igång", "Allt som sker 2.0 gets going"),
            T(
                "Under 2019 fortsätter satsningen på evenemangsutveckling i Leaderområdet.",
                "In 2019 the work on developing events in the Leader area continues.",
            ),
            T(
                "Fokus ligger på att fler arrangörer ska hitta kalendern och på att sprida goda exempel.",
                "The focus is on helping more organisers find the calendar and on sharing good examples.",
            ),
        ),
        (
            "arrangorstraff",
            D(2019, 4, 2),
            ["föreningar", "träff"],
            T("Träff för arrangörer i Vimmerby", "Meeting for organisers in Vimmerby"),
            T(
                "Föreningar och företag delade erfarenheter av att planera hållbara evenemang.",
                "Associations and companies shared experience of planning sustainable events.",
            ),
            T(
                "Deltagarna tog fram en checklista som alla arrangörer kan använda.",
                "The participants drew up a checklist that every organiser can use.",
            ),
        ),
        (
            "sammanfattning-2019",
            D(2019, 12, 10),
            ["evenemang", "statistik"],
            T("Ett år av evenemang – en sammanfattning", "A year of events in review"),
            T(
                "Projektet summerar året och lämnar över kalendern till föreningen.",
                "The project sums up the year and hands the calendar over to the association.",
            ),
            T(
                "Kalendern ägs och drivs vidare av föreningen Astrid Lindgrens Hembygd.",
                "The calendar will continue to be owned and run by the Astrid Lindgrens Hembygd association.",
            ),
        ),
    ],
    "skordemarknad-hogsby": [
        (
            "planering",
            D(2018, 6, 1),
            ["ungdomar"],
            T("Unga planerar skördemarknaden", "Young people plan the harvest market"),
            T(
                "En grupp ungdomar har tagit fram programmet tillsammans med föreningen.",
                "A group of young people has put the programme together with the association.",
            ),
            T(
                "De har bokat lokala producenter och planerat aktiviteter för barn.",
                "They have booked local producers and planned activities for children.",
            ),
        ),
        (
            "marknadsdagen",
            D(2018, 9, 16),
            ["marknad"],
            T("Marknadsdagen i bilder", "Market day in pictures"),
            T(
                "Hundratals besökare kom till skördemarknaden i Högsby.",
                "Hundreds of visitors came to the harvest market in Högsby.",
            ),
            T(
                "Producenterna sålde slut på det mesta redan före lunch.",
                "The producers had sold out of most things before lunch.",
            ),
        ),
        (
            "lardomar",
            D(2018, 10, 5),
            ["ungdomar", "lärdomar"],
            T("Vad vi lärde oss", "What we learned"),
            T(
                "Föreningen delar sina erfarenheter av att låta unga leda arbetet.",
                "The association shares what it learned from letting young people lead the work.",
            ),
            T(
                "Nästa år vill de bjuda in fler skolor redan under planeringen.",
                "Next year they want to invite more schools already at the planning stage.",
            ),
        ),
    ],
    "teaterkvall-eksjo": [
        (
            "tillganglig-lokal",
            D(2018, 1, 20),
            ["tillgänglighet"],
            T("En tillgänglig teaterkväll", "An accessible evening of theatre"),
            T(
                "Föreställningen ges i en lokal utan trappor och med teckenspråkstolkning.",
                "The performance takes place in a step-free venue with sign language interpretation.",
            ),
            T(
                "Målet är att alla som vill ska kunna komma.",
                "The aim is that everyone who wants to can come.",
            ),
        ),
        (
            "biljetter",
            D(2018, 2, 15),
            ["teater"],
            T("Biljetterna släpps", "Tickets on sale"),
            T(
                "Biljetterna finns nu att köpa, med rabatt för unga.",
                "Tickets are now on sale, with a discount for young people.",
            ),
            T(
                "Föreningen har också reserverat platser för rullstolsburna.",
                "The association has also reserved places for wheelchair users.",
            ),
        ),
        (
            "efter-forestallningen",
            D(2018, 3, 25),
            ["teater", "lärdomar"],
            T("Efter föreställningen", "After the performance"),
            T(
                "Publiken var större och mer blandad än någonsin.",
                "The audience was larger and more varied than ever.",
            ),
            T(
                "Tolkningen uppskattades och kommer att finnas med nästa gång.",
                "The interpretation was appreciated and will be offered again next time.",
            ),
        ),
    ],
    "sormlandska-kulturtillgangar": [
        (
            "behovsanalys",
            D(2021, 9, 1),
            ["behovsanalys", "kultur"],
            T("Tre behov i kulturlivet", "Three needs in cultural life"),
            T(
                "Behovsanalysen pekar på stöttande strukturer, samverkan och mötesplatser.",
                "The needs analysis points to support structures, cooperation and meeting places.",
            ),
            T(
                "En arbetsgrupp med det fria kulturlivet, kommunerna och regionen tar arbetet vidare.",
                "A working group from the independent arts, the municipalities and the region takes the work forward.",
            ),
        ),
        (
            "frukostmoten",
            D(2022, 2, 8),
            ["frukostträff", "digitalt"],
            T(
                "Digitala frukostträffar för kulturaktörer",
                "Digital breakfast meetings for cultural actors",
            ),
            T(
                "Projektet bjuder in till träffar över bransch- och konstformsgränser.",
                "The project invites people to meetings across sectors and art forms.",
            ),
            T(
                "Datumen annonseras här i bloggen, i sociala medier och i nyhetsbrevet.",
                "The dates are announced here on the blog, on social media and in the newsletter.",
            ),
        ),
        (
            "vaaren-2022",
            D(2022, 3, 28),
            ["lösningsförslag"],
            T("Var står projektet nu?", "Where does the project stand?"),
            T(
                "Under våren bearbetas lösningsförslagen från höstens arbetsgrupp.",
                "This spring the proposals from the autumn working group are being developed.",
            ),
            T(
                "Samtidigt undersöks hur förslagen kan testas i skarpt läge.",
                "At the same time we are looking at how the proposals can be tested for real.",
            ),
        ),
    ],
    "lokal-finansiering": [
        (
            "inspiratorstraffar",
            D(2016, 4, 10),
            ["lokalt kapital"],
            T(
                "Fem inspiratörsträffar runt om i landet",
                "Five inspiration meetings around the country",
            ),
            T(
                "Träffarna utformas efter lokala och regionala behov.",
                "The meetings are shaped by local and regional needs.",
            ),
            T(
                "Projektet står för en extern inspiratör och coachning efteråt; arrangörerna ordnar lokal och fika.",
                "The project pays for an outside speaker and follow-up coaching; the hosts arrange the venue and coffee.",
            ),
        ),
        (
            "handbok",
            D(2017, 2, 20),
            ["handbok", "lokalt kapital"],
            T("En handbok om lokala finansieringslösningar", "A handbook on local finance"),
            T(
                "Handboken jämför organisationsmodeller och hur man kommer igång.",
                "The handbook compares ways to organise and how to get started.",
            ),
            T(
                "Den bygger på erfarenheter från tidigare projekt om lokal kapitalbildning.",
                "It builds on experience from earlier projects on raising local capital.",
            ),
        ),
        (
            "lokalekonomidagarna",
            D(2017, 10, 5),
            ["konferens"],
            T("Seminarium på Lokalekonomidagarna", "Seminar at the local economy days"),
            T(
                "Projektet deltar i planeringen av den nationella mötesplatsen för lokal ekonomi.",
                "The project takes part in planning the national meeting place for local economy.",
            ),
            T(
                "Vid seminariet sprids modellerna till forskare, beslutsfattare och praktiker.",
                "The seminar shares the models with researchers, decision-makers and practitioners.",
            ),
        ),
    ],
    "flernivasamverkan": [
        (
            "natverket-startar",
            D(2017, 3, 15),
            ["nätverk", "service"],
            T(
                "Nätverk för landsbygdsutvecklare startar",
                "A network for rural development officers starts",
            ),
            T(
                "Kommunernas landsbygdsutvecklare i Kalmar län möts för första gången.",
                "The rural development officers of Kalmar County's municipalities meet for the first time.",
            ),
            T(
                "Nätverket ska driva gemensamma frågor och sprida goda exempel.",
                "The network will pursue shared issues and spread good examples.",
            ),
        ),
        (
            "nya-metoder",
            D(2018, 5, 22),
            ["service"],
            T("Nya sätt att behålla service", "New ways to keep services"),
            T(
                "Lokala utvecklingsgrupper testar lösningar för service på landsbygden.",
                "Local development groups test solutions for rural services.",
            ),
            T(
                "Arbetet görs tillsammans med Hela Sverige ska leva, som finns i hela länet.",
                "The work is done together with Hela Sverige ska leva, which is present throughout the county.",
            ),
        ),
        (
            "slutrapport",
            D(2019, 12, 12),
            ["service", "lärdomar"],
            T("Projektet avslutas", "The project comes to an end"),
            T("Nätverket lever vidare efter projektet.", "The network lives on after the project."),
            T(
                "Erfarenheterna förs in i det regionala serviceprogrammet.",
                "The experience feeds into the regional service programme.",
            ),
        ),
    ],
    "kulturaktorer-storstrom": [
        (
            "kursdagar-2017",
            D(2017, 5, 4),
            ["kurs", "nätverk"],
            T(
                "Kursdagar om nätverk och affärsutveckling",
                "Course days on networks and business development",
            ),
            T(
                "Två kursdagar för kreativa yrken hölls under våren.",
                "Two course days for the creative professions were held in spring.",
            ),
            T(
                "Deltagarna fick också kontakt med varandra där samarbeten låg nära till hands.",
                "Participants were also put in touch with each other where cooperation seemed natural.",
            ),
        ),
        (
            "mobilfilm",
            D(2018, 3, 14),
            ["kurs", "film"],
            T("Berätta med mobilen", "Storytelling with a phone"),
            T(
                "En kursdag lärde ut hur man gör korta filmer för att marknadsföra aktiviteter.",
                "A course day taught how to make short films to promote activities.",
            ),
            T(
                "Filmerna kan också användas som kommunikationskanal mot publiken.",
                "The films can also be used as a way to talk to audiences.",
            ),
        ),
        (
            "fundraising",
            D(2018, 10, 9),
            ["fundraising"],
            T("Fundraising för nya aktiviteter", "Fundraising for new activities"),
            T(
                "Kulturaktörer kan få hjälp att hitta stöd via en fondportal.",
                "Cultural actors can get help finding funding through a foundations portal.",
            ),
            T(
                "Sekretariatet erbjuder också sparring i projektutveckling.",
                "The secretariat also offers sparring on project development.",
            ),
        ),
    ],
}

INDEX_TITLE = T("Nyheter", "News")
INDEX_INTRO = T("Nytt från projekten och från Bygd.", "News from the projects and from Bygd.")
AUTHORS = {
    "allt-som-sker": "Cathrine Jansson",
    "sormlandska-kulturtillgangar": "Elin Selig",
    "flernivasamverkan": "Daniel Granello",
}


def load(home, log):
    index, _created = get_or_add_child(
        home,
        NewsIndexPage,
        "nyheter",
        log,
        title=INDEX_TITLE.sv,
        intro=INDEX_INTRO.sv,
        show_in_menus=True,
    )
    ensure_translations(
        index, {"en": {**strings(INDEX_TITLE, INDEX_INTRO), "nyheter": "news"}}, log
    )
    for project_slug, posts in POSTS.items():
        project = ProjectPage.objects.filter(slug=project_slug, locale=home.locale).first()
        if project is None:
            continue
        for slug, date, tags, title, lead, body in posts:
            existing = project.get_children().filter(slug=slug).first()
            blocks, body_strings = paragraphs(body)
            if existing is None:
                post = ProjectPostPage(
                    title=title.sv,
                    slug=slug,
                    lead=lead.sv,
                    body=blocks,
                    date=date,
                    locale=project.locale,
                )
                post.tags.add(*tags)
                author = Person.objects.filter(
                    name=AUTHORS.get(project_slug, ""), locale=project.locale
                ).first()
                if author:
                    post.authors.add(PostAuthor(person=author))
                else:
                    post.byline = "Redaktionen"
                project.add_child(instance=post)
                post.save_revision().publish()
                log(f"  created post “{post.title}”")
            else:
                post = existing.specific
            ensure_translations(
                post,
                {"en": {**strings(title, lead), **body_strings, "Redaktionen": "The editors"}},
                log,
            )
