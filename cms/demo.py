"""Demo content for the site itself: the home page, an about page, settings and footer.

Facts come from the seed texts in shared/seeds (a Leader-area event calendar, a regional culture
project, a national local-finance project, a region's small grant, a Danish culture network);
the sentences are our own.
"""

from wagtail.models import Page, Site

from apps.core.demo import (
    T,
    ensure_translations,
    get_or_add_child,
    paragraphs,
    source_locale,
    strings,
)
from cms.models import HomePage, SiteFooter, SiteSettings, StandardPage

HOME_TITLE = T("Bygd", "Bygd")
HOME_INTRO = T(
    "Projekt, evenemang, utlysningar och nyheter från landsbygden i Norden – samlat på ett ställe.",
    "Projects, events, funding calls and news from the Nordic countryside, gathered in one place.",
)
HOME_BODY = (
    T(
        "Här hittar du utvecklingsprojekt från Kalmar län till Sörmland och Storstrømsområdet, "
        "kalendern där föreningar själva lägger in sina evenemang och de bidrag som går att söka just nu.",
        "Here you will find development projects from Kalmar County to Sörmland and the Storstrøm "
        "area, the calendar where associations post their own events, and the grants that are open right now.",
    ),
)
ABOUT_TITLE = T("Om Bygd", "About Bygd")
ABOUT_SUMMARY = T(
    "Bygd är en öppen plattform för föreningar, Leaderområden, regioner och kommuner som driver "
    "utveckling på landsbygden.",
    "Bygd is an open platform for associations, Leader areas, regions and municipalities working "
    "on rural development.",
)
ABOUT_BODY = (
    T(
        "Många bygder har redan en kalender, en projektlista och ett nyhetsbrev – men på var sitt "
        "ställe. Bygd samlar dem så att besökare hittar allt som händer och så att andra webbplatser "
        "kan hämta innehållet via ett öppet API.",
        "Many rural areas already have a calendar, a project list and a newsletter – each in its own "
        "place. Bygd brings them together so that visitors find everything that is going on, and so "
        "that other websites can reuse the content through an open API.",
    ),
    T(
        "Ett exempel: i Leaderområdet Astrid Lindgrens Hembygd, som omfattar sex kommuner i Småland, "
        "har arrangörer under många år kunnat lägga upp sina egna evenemang gratis.",
        "One example: in the Leader area Astrid Lindgrens Hembygd, which covers six municipalities "
        "in Småland, organisers have for many years been able to post their own events for free.",
    ),
    T(
        "Allt innehåll skrivs på svenska och översätts till engelska. Finns en text bara på ett "
        "språk visas originalet, tydligt märkt.",
        "All content is written in Swedish and translated into English. Where a text exists in only "
        "one language, the original is shown, clearly marked.",
    ),
)
FOOTER_TEXT = T(
    "Bygd är fri programvara för landsbygdsutveckling i Norden.",
    "Bygd is free software for rural development in the Nordic countries.",
)


def load(log):
    home = ensure_home(log)
    ensure_about(home, log)
    ensure_settings(home, log)
    return home


def ensure_home(log):
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    sv = source_locale()
    home = HomePage.objects.filter(locale=sv).first()
    if home is None:
        root = Page.get_first_root_node()
        body, body_strings = paragraphs(*HOME_BODY)
        home = HomePage(
            title=HOME_TITLE.sv,
            slug="hem",
            locale=sv,
            intro=HOME_INTRO.sv,
            body=body,
            listing_summary=HOME_INTRO.sv,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        log(f"  created home page “{home.title}”")
    else:
        body_strings = paragraphs(*HOME_BODY)[1]
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Bygd"
        site.save()
        if not isinstance(old_root.specific, HomePage) and old_root.depth == 2:
            old_root.delete()
            log("  replaced Wagtail's welcome page with the Bygd home page")
    ensure_translations(
        home, {"en": {**strings(HOME_TITLE, HOME_INTRO), "hem": "home", **body_strings}}, log
    )
    return home


def ensure_about(home, log):
    body, body_strings = paragraphs(*ABOUT_BODY)
    about, _created = get_or_add_child(
        home,
        StandardPage,
        "om-bygd",
        log,
        title=ABOUT_TITLE.sv,
        listing_summary=ABOUT_SUMMARY.sv,
        body=body,
        show_in_menus=True,
    )
    ensure_translations(
        about,
        {"en": {**strings(ABOUT_TITLE, ABOUT_SUMMARY), "om-bygd": "about-bygd", **body_strings}},
        log,
    )
    return about


def ensure_settings(home, log):
    site = Site.objects.get(root_page=home)
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.organisation_name:
        settings_obj.organisation_name = "Bygd"
        settings_obj.contact_email = "info@bygd.example"
        settings_obj.postal_address = "Bygd\nStorgatan 1\n598 30 Vimmerby"
        settings_obj.save()
        log("  filled in site settings")
    footer = SiteFooter.objects.filter(locale=home.locale).first()
    if footer is None:
        footer = SiteFooter.objects.create(locale=home.locale, text=f"<p>{FOOTER_TEXT.sv}</p>")
        log("  created site footer")
    ensure_translations(footer, {"en": strings(FOOTER_TEXT)}, log)
