"""The demo calendar's content: facts from the first seed text (the six municipalities of
Astrid Lindgrens Hembygd and the kinds of events its organisers post), with sentences of our
own. Kept apart from the loader so the data reads as a list."""

import datetime

from apps.core.demo import T

CALENDAR_TITLE = T("Kalender", "Calendar")
CALENDAR_INTRO = T(
    "Konserter, föreningsträffar, kurser och vandringar i Nässjö, Eksjö, Vimmerby, Hultsfred, "
    "Högsby och Oskarshamn. Arrangörer lägger själva in sina evenemang, utan kostnad.",
    "Concerts, association meetings, courses and walks in Nässjö, Eksjö, Vimmerby, Hultsfred, "
    "Högsby and Oskarshamn. Organisers add their own events, free of charge.",
)

CATEGORIES = [
    ("konsert", T("Konsert", "Concert")),
    ("foreningstraff", T("Föreningsträff", "Association meeting")),
    ("kurs", T("Kurs", "Course")),
    ("utstallning", T("Utställning", "Exhibition")),
    ("teater", T("Teater", "Theatre")),
    ("naturvandring", T("Naturvandring", "Nature walk")),
    ("kommunalt-mote", T("Kommunalt möte", "Municipal meeting")),
    ("festival", T("Festival", "Festival")),
]

# (name, address, postcode, town, municipality code, lat, lon, accessibility)
VENUES = [
    (
        "Kulturhuset Nässjö",
        "Storgatan 10",
        "571 31",
        "Nässjö",
        "0682",
        "57.6530",
        "14.6960",
        T("Hiss och hörslinga i stora salen.", "Lift and hearing loop in the main hall."),
    ),
    (
        "Eksjö kyrka",
        "Kyrkogatan 1",
        "575 30",
        "Eksjö",
        "0686",
        "57.6670",
        "14.9720",
        T("Ramp vid norra ingången.", "Ramp at the north entrance."),
    ),
    (
        "Bygdegården Vimmerby",
        "Parkgatan 4",
        "598 37",
        "Vimmerby",
        "0884",
        "57.6650",
        "15.8550",
        T("Allt i ett plan, handikapptoalett.", "All on one level, accessible toilet."),
    ),
    (
        "Biblioteket Hultsfred",
        "Stora Torget 2",
        "577 30",
        "Hultsfred",
        "0860",
        "57.4880",
        "15.8420",
        T("Entré utan trappsteg.", "Step-free entrance."),
    ),
    (
        "Naturum Högsby",
        "Allbovägen 3",
        "579 30",
        "Högsby",
        "0821",
        "57.1660",
        "16.0270",
        T("Grusstig, delvis kuperad.", "Gravel path, partly hilly."),
    ),
    (
        "Oskarshamns teater",
        "Hamngatan 5",
        "572 30",
        "Oskarshamn",
        "0882",
        "57.2640",
        "16.4480",
        T("Rullstolsplatser på första raden.", "Wheelchair spaces in the front row."),
    ),
]


def _next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7 or 7)


def _weeks_before_october_change(today):
    """A Tuesday three weeks before the next last Sunday of October (end of summer time)."""
    year = today.year if today < datetime.date(today.year, 10, 20) else today.year + 1
    last_sunday = max(
        datetime.date(year, 10, day)
        for day in range(25, 32)
        if datetime.date(year, 10, day).weekday() == 6
    )
    return last_sunday - datetime.timedelta(days=19)


def events(today):
    tuesday = _next_weekday(today, 1)
    saturday = _next_weekday(today, 5)
    autumn = _weeks_before_october_change(today)
    h = datetime.time
    return [
        (
            "stickcafe",
            T("Stickcafé på biblioteket", "Knitting café at the library"),
            T(
                "Ta med stickningen och prata med grannarna varje tisdag kväll.",
                "Bring your knitting and chat with your neighbours every Tuesday evening.",
            ),
            "alh",
            3,
            ["foreningstraff"],
            {
                "start_date": tuesday,
                "start_time": h(18),
                "end_time": h(20),
                "frequency": "weekly",
                "weekdays": ["TU"],
                "ends": "never",
            },
            {
                "cancel": (
                    tuesday + datetime.timedelta(days=14),
                    T("Inställt på grund av sjukdom.", "Cancelled because of illness."),
                ),
                # (original date, new date, new start time, venue index): the library is
                # closed that week, so the café meets on the Wednesday at another venue.
                "move": (
                    tuesday + datetime.timedelta(days=21),
                    tuesday + datetime.timedelta(days=22),
                    h(17),
                    0,
                ),
            },
        ),
        (
            "slaktforskning",
            T("Kvällskurs i släktforskning", "Evening course in family history"),
            T(
                "Åtta tisdagar om kyrkböcker och arkiv, över omställningen till vintertid.",
                "Eight Tuesdays on parish records and archives, across the change to winter time.",
            ),
            "hela-sverige",
            0,
            ["kurs"],
            {
                "start_date": autumn,
                "start_time": h(18),
                "end_time": h(20, 30),
                "frequency": "weekly",
                "ends": "after",
                "count": 8,
                "is_free": False,
                "price_amount": 400,
            },
            {},
        ),
        (
            "sommarfestival",
            T("Sommarfestival i Vimmerby", "Summer festival in Vimmerby"),
            T(
                "Tre dagar med musik, marknad och barnaktiviteter i parken.",
                "Three days of music, market stalls and children's activities in the park.",
            ),
            "alh",
            2,
            ["festival", "konsert"],
            {
                "all_day": True,
                "start_time": None,
                "start_date": today + datetime.timedelta(days=20),
                "end_date": today + datetime.timedelta(days=22),
            },
            {},
        ),
        (
            "julkonsert",
            T("Julkonsert i Eksjö kyrka", "Christmas concert in Eksjö church"),
            T(
                "Kören och stråkensemblen sjunger in julen.",
                "The choir and string ensemble sing in Christmas.",
            ),
            "alh",
            1,
            ["konsert"],
            {
                "start_date": today + datetime.timedelta(days=12),
                "start_time": h(19),
                "end_time": h(21),
                "is_free": False,
                "price_amount": 150,
            },
            {},
        ),
        (
            "arsmote",
            T("Årsmöte i hembygdsföreningen", "Annual meeting of the local heritage society"),
            T("Verksamhetsberättelse, val och fika.", "Annual report, elections and coffee."),
            "hela-sverige",
            4,
            ["foreningstraff"],
            {
                "start_date": today + datetime.timedelta(days=9),
                "start_time": h(18, 30),
                "end_time": h(20),
            },
            {},
        ),
        (
            "medfinansiering",
            T(
                "Så söker du medfinansiering för ditt evenemang",
                "How to apply for co-financing for your event",
            ),
            T(
                "Genomgång av stödet på upp till 15 000 kronor per evenemang, i lokalen och på webben.",
                "A walk-through of the support of up to 15,000 kronor per event, on site and online.",
            ),
            "alh",
            0,
            ["kurs"],
            {
                "start_date": today + datetime.timedelta(days=5),
                "start_time": h(13),
                "end_time": h(15),
                "attendance_mode": "mixed",
                "online_url": "https://meet.example.org/medfinansiering",
            },
            {},
        ),
        (
            "hantverk",
            T("Utställning: Bygdens hantverk", "Exhibition: Local crafts"),
            T(
                "Textil, trä och smide från hantverkare i området.",
                "Textiles, woodwork and ironwork by craftspeople from the area.",
            ),
            "alh",
            2,
            ["utstallning"],
            {
                "all_day": True,
                "start_time": None,
                "start_date": today - datetime.timedelta(days=3),
                "end_date": today + datetime.timedelta(days=25),
            },
            {},
        ),
        (
            "sommarspel",
            T("Teater: Vinterspelet", "Theatre: The winter play"),
            T(
                "Amatörteatern spelar en komedi om en by som vill behålla sin affär.",
                "The amateur theatre plays a comedy about a village that wants to keep its shop.",
            ),
            "region-kalmar-lan",
            5,
            ["teater"],
            {
                "start_date": today + datetime.timedelta(days=15),
                "start_time": h(19),
                "end_time": h(21, 30),
                "is_free": False,
                "price_amount": 180,
                "audience": "adults",
            },
            {},
        ),
        (
            "naturvandring",
            T("Naturvandring i Högsby", "Nature walk in Högsby"),
            T(
                "Guidad vandring andra lördagen varje månad. Bra skor rekommenderas.",
                "Guided walk on the second Saturday of every month. Good shoes recommended.",
            ),
            "lansstyrelsen-kalmar",
            4,
            ["naturvandring"],
            {
                "start_date": saturday,
                "start_time": h(10),
                "end_time": h(13),
                "frequency": "monthly",
                "monthly_by": "weekday",
                "ends": "after",
                "count": 8,
                "audience": "all",
            },
            {},
        ),
        (
            "landsbygdsmote",
            T("Öppet möte om landsbygdens service", "Open meeting on rural services"),
            T(
                "Regionen berättar om serviceprogrammet och vill höra era frågor.",
                "The region presents the service programme and wants to hear your questions.",
            ),
            "region-kalmar-lan",
            5,
            ["kommunalt-mote"],
            {
                "start_date": today + datetime.timedelta(days=18),
                "start_time": h(18),
                "end_time": h(20),
            },
            {},
        ),
        (
            "goda-evenemanget",
            T("Workshop: Det goda evenemanget", "Workshop: The good event"),
            T(
                "Hur ditt evenemang kan främja hållbarhet, jämställdhet, mångfald och ungas delaktighet.",
                "How your event can promote sustainability, equality, diversity and young people's participation.",
            ),
            "alh",
            0,
            ["kurs"],
            {
                "start_date": today + datetime.timedelta(days=26),
                "start_time": h(9),
                "end_time": h(12),
            },
            {},
        ),
        (
            "sagostund",
            T("Sagostund för barn", "Story time for children"),
            T(
                "Högläsning ur Astrid Lindgrens böcker för barn mellan 3 och 7 år.",
                "Reading aloud from Astrid Lindgren's books for children aged 3 to 7.",
            ),
            "alh",
            3,
            ["foreningstraff"],
            {
                "start_date": _next_weekday(today, 2),
                "start_time": h(10),
                "end_time": h(10, 45),
                "frequency": "weekly",
                "ends": "after",
                "count": 10,
                "audience": "children",
                "age_min": 3,
                "age_max": 7,
            },
            {},
        ),
    ]
