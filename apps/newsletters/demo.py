"""Newsletter demo content from the seeds: the regional culture project whose followers used to
mail "Nyhetsbrev" to be put on a list, and the local-finance project room's mailing list."""

from django.utils import timezone

from apps.core.demo import (
    T,
    ensure_translations,
    get_or_add_child,
    paragraphs,
    source_locale,
    strings,
)
from apps.newsletters.models import (
    ConsentText,
    NewsletterArchivePage,
    NewsletterList,
    NewsletterPage,
    Sending,
    SendingStatus,
)

CONSENT = T(
    "Jag vill få nyhetsbrevet via e-post. Jag kan avsluta prenumerationen när som helst via "
    "länken i varje utskick, och begära ut eller radera mina uppgifter.",
    "I want to receive the newsletter by e-mail. I can unsubscribe at any time with the link in "
    "every issue, and ask for or erase my data.",
)
LISTS = [
    (
        "kulturtillgangar",
        T("Sörmländska kulturtillgångar", "Sörmland cultural assets"),
        T(
            "Frukostträffar, arbetsgruppernas resultat och nytt från kulturlivet i Sörmland.",
            "Breakfast meetings, the working groups' results and news from cultural life in Sörmland.",
        ),
        "Region Sörmland",
    ),
    (
        "lokal-finansiering",
        T("Lokal finansiering", "Local finance"),
        T(
            "Inspiratörsträffar och exempel på hur bygder samlar lokalt kapital.",
            "Inspiration meetings and examples of how rural areas raise local capital.",
        ),
        "Hela Sverige ska leva",
    ),
]
ARCHIVE_TITLE = T("Nyhetsbrev", "Newsletter")
ARCHIVE_INTRO = T(
    "Utskicken från Sörmländska kulturtillgångar. Prenumerera så får du nästa nummer direkt.",
    "The issues from Sörmländska kulturtillgångar. Subscribe to get the next one directly.",
)
ISSUE_TITLE = T(
    "Digital frukostträff och ny arbetsgrupp", "Digital breakfast meeting and a new working group"
)
ISSUE_BODY = (
    T(
        "Projektet bjuder in kulturaktörer i hela Sörmland till en digital frukostträff om stöttande strukturer.",
        "The project invites cultural actors across Sörmland to a digital breakfast meeting on support structures.",
    ),
    T(
        "Arbetsgruppen med det fria kulturlivet, kommunerna och regionen har lämnat sina förslag; nu prövas de i praktiken.",
        "The working group of independent artists, the municipalities and the region has made its proposals; now they are being tried out.",
    ),
)


def load(home, log):
    sv = source_locale()
    for language, text in (("sv", CONSENT.sv), ("en", CONSENT.en)):
        if not ConsentText.objects.filter(language=language).exists():
            ConsentText.objects.create(language=language, text=text)
            log(f"  created consent text ({language})")
    lists = {}
    for slug, name, description, sender in LISTS:
        newsletter_list = NewsletterList.objects.filter(slug=slug, locale=sv).first()
        if newsletter_list is None:
            newsletter_list = NewsletterList.objects.create(
                slug=slug,
                name=name.sv,
                description=description.sv,
                sender_name=sender,
                sender_email="nyhetsbrev@bygd.example",
                locale=sv,
            )
            log(f"  created newsletter list {name.sv}")
        ensure_translations(newsletter_list, {"en": strings(name, description)}, log)
        lists[slug] = newsletter_list
    archive, _created = get_or_add_child(
        home,
        NewsletterArchivePage,
        "nyhetsbrev",
        log,
        title=ARCHIVE_TITLE.sv,
        intro=ARCHIVE_INTRO.sv,
        newsletter_list=lists["kulturtillgangar"],
    )
    ensure_translations(
        archive, {"en": {**strings(ARCHIVE_TITLE, ARCHIVE_INTRO), "nyhetsbrev": "newsletter"}}, log
    )
    body, body_strings = paragraphs(*ISSUE_BODY)
    issue, _created = get_or_add_child(
        archive, NewsletterPage, "frukosttraff", log, title=ISSUE_TITLE.sv, body=body
    )
    ensure_translations(issue, {"en": {**strings(ISSUE_TITLE), **body_strings}}, log)
    _sending, created = Sending.objects.get_or_create(
        page=issue,
        defaults={
            "newsletter_list": lists["kulturtillgangar"],
            "status": SendingStatus.DONE,
            "scheduled_for": timezone.now(),
            "finished_at": timezone.now(),
        },
    )
    if created:
        log("  archived the demo issue as sent")
