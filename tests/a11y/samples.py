"""One sample of every public page type in both languages, built with the factories, and the
list of what counts as a public page type: every Wagtail page model, every route of a routable
page and every named view in the host's language-prefixed URLs. A page type without a sample
and without a reason to skip it fails tests/a11y/test_public_pages.py."""

import datetime

from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from apps.core.localize import translate
from apps.network.factories import (
    NetworkMembershipFactory,
    NetworkPageFactory,
    OrganisationFactory,
    PersonFactory,
)
from apps.newsletters.factories import (
    ConsentTextFactory,
    NewsletterArchivePageFactory,
    NewsletterListFactory,
    NewsletterPageFactory,
    SubscriptionFactory,
)
from apps.newsletters.models import SubscriptionStatus
from apps.newsletters.tokens import DATA, confirm_token, make_token, unsubscribe_token
from apps.portal.factories import OrganiserAccountFactory
from apps.projects.factories import (
    FundingCallIndexPageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
    ProjectPostPageFactory,
    ThemeFactory,
)
from cms.factories import StandardPageFactory
from tests.clock import TODAY
from tests.projects.conftest import make_call, make_project

LANGUAGES = ("sv", "en")
# The answer a visitor gets on the samples that are not 200 OK: an unknown address, and the
# "this link is not valid" pages for a made-up token.
STATUS = {
    "404": 404,
    **dict.fromkeys(
        (
            "portal:verify",
            "portal:accept_invitation",
            "newsletter-confirm?invalid",
        ),
        400,
    ),
}

# Views in the language-prefixed URLs that are not public pages a visitor opens.
NOT_PUBLIC = {
    "wagtail_serve": "serves the page models, sampled one by one",
    "wagtailcore_login": "Wagtail's own form for restricted pages; Bygd has none",
    "wagtailcore_authenticate_with_password": "Wagtail's own form for restricted pages",
    "portal:event": "an organiser's own event, behind the login",
    "portal:event_edit": "an organiser's own event, behind the login",
    "portal:event_preview": "an organiser's own event, behind the login",
    "portal:event_cancel": "an organiser's own event, behind the login",
    "newsletter-signup": "POST only; its form is a block on the pages",
    "portal:logout": "POST only",
    "portal:resend_verification": "POST only",
    "portal:event_submit": "POST only",
    "portal:occurrence_cancel": "POST only",
    "portal:remove_member": "POST only",
    "portal:withdraw_invitation": "POST only",
    "portal:remove_feed": "POST only",
}


# Pages an organiser sees after signing in (the test signs in a sample organiser for these).
SIGNED_IN = {"portal:home", "portal:event_new", "portal:team", "portal:feeds"}

# Forms sent empty, to check the page that answers with the errors: {sample: CSS selector}.
EMPTY_FORMS = {
    "projects.FundingCallPage": "main form[method=post]",
    "newsletters.NewsletterArchivePage": ".newsletter-signup form",
    "portal:login": "main form[method=post]",
    "portal:signup": "main form[method=post]",
    "portal:password_reset": "main form[method=post]",
    "newsletter-data-request": "main form[method=post]",
    "portal:event_new": "form.event-form",
}


def _i18n_names(patterns, namespace=None, inside=False):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            space = namespace
            if pattern.namespace:
                space = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _i18n_names(
                pattern.url_patterns,
                space,
                inside or isinstance(pattern.pattern, LocalePrefixPattern),
            )
        elif inside and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def public_page_types():
    """Every page model (``app.Model``), every route of a routable one (``app.Model:route``) and
    every named language-prefixed view, less those in NOT_PUBLIC."""
    kinds = set()
    for model in get_page_models():
        if model is Page:
            continue
        kinds.add(model._meta.label)
        if issubclass(model, RoutablePageMixin):
            for route in model.get_resolver().url_patterns:
                if route.name != "index_route":
                    kinds.add(f"{model._meta.label}:{route.name}")
    kinds.update(_i18n_names(get_resolver().url_patterns))
    return kinds - set(NOT_PUBLIC)


def _body(text, image):
    return [
        ("heading", {"text": text, "level": "h2"}),
        (
            "image",
            {
                "image": image,
                "alt_text": "Folk på bygdegården",
                "caption": "Årsmötet",
                "credit": "",
            },
        ),
        ("paragraph", RichText(f"<p>{text}. <a href='https://example.org/'>Läs mer</a>.</p>")),
        ("quote", {"quote": "Bygden lever.", "attribution": "En invånare"}),
        ("fact_box", {"heading": "Fakta", "facts": [{"label": "År", "value": "2026"}]}),
        (
            "call_to_action",
            {
                "text": "Kontakta oss",
                "description": "Vi svarar gärna.",
                "url": "https://example.org/",
            },
        ),
    ]


def _english(page, en, words=None):
    """The page's English translation; ``words`` maps Swedish strings (and the slug) to English."""
    return translate(page, en, {page.title: f"{page.title} (en)", **(words or {})})


def build(home, home_en, en, network_index, calendar, publish):
    """The site: {kind: {language: path}} with one sample per public page type, and the user of
    the organiser who sees the SIGNED_IN ones."""
    samples = {}

    def add(kind, sv_page, en_page, suffix=""):
        samples[kind] = {"sv": sv_page.url + suffix, "en": en_page.url + suffix}

    samples["cms.HomePage"] = {"sv": home.url, "en": home_en.url}
    image = ImageFactory(title="Bygdegården")

    about = StandardPageFactory(
        parent=home, title="Om bygden", slug="om", body=_body("Om oss", image)
    )
    about.save_revision().publish()
    add("cms.StandardPage", about, _english(about, en, {"om": "about"}))

    culture = ThemeFactory(slug="culture", name="Kultur")
    translate(culture, en, {"Kultur": "Culture"})
    projects = ProjectIndexPageFactory(parent=home, title="Projekt", slug="projekt")
    projects.save_revision().publish()
    projects_en = translate(projects, en, {"Projekt": "Projects", "projekt": "projects"})
    owner = OrganisationFactory(name="Byalaget", slug="byalaget")
    project = make_project(
        projects,
        title="Bygdens berättelser",
        slug="berattelser",
        themes=[culture],
        owner=owner,
        amount="120000",
        places=["SE-08"],
        body=_body("Projektet", image),
        image=image,
        image_alt="Bygdegården",
    )
    project_en = _english(project, en)
    add("projects.ProjectIndexPage", projects, projects_en)
    samples["projects.ProjectIndexPage?filtered"] = {
        "sv": projects.url + "?theme=culture&ordering=title",
        "en": projects_en.url + "?theme=culture&ordering=title",
    }
    samples["projects.ProjectIndexPage?none"] = {
        "sv": projects.url + "?q=zzzzqqq",
        "en": projects_en.url + "?q=zzzzqqq",
    }
    samples["projects.ProjectIndexPage:statistics"] = {
        "sv": projects.statistics_url() + "?theme=culture&year_from=2017&year_to=2023",
        "en": projects_en.statistics_url() + "?theme=culture&year_from=2017&year_to=2023",
    }
    add("projects.ProjectPage", project, project_en)

    news = NewsIndexPageFactory(parent=home)
    news.save_revision().publish()
    news_en = translate(news, en, {"Nyheter": "News", "nyheter": "news"})
    add("projects.NewsIndexPage", news, news_en)
    post = ProjectPostPageFactory.build(
        title="Nu startar vi", slug="start", body=_body("Start", image)
    )
    project.add_child(instance=post)
    post.save_revision().publish()
    add("projects.ProjectPostPage", post, _english(post, en))

    calls = FundingCallIndexPageFactory(parent=home)
    calls.save_revision().publish()
    calls_en = translate(calls, en, {"Utlysningar": "Calls", "utlysningar": "calls"})
    add("projects.FundingCallIndexPage", calls, calls_en)
    add("projects.FundingCallIndexPage?none", calls, calls_en, "?theme=culture&status=closed")
    call = make_call(
        calls,
        title="Idéslanten",
        slug="ideslanten",
        themes=[culture],
        places=["SE-08"],
        opens_date=TODAY - datetime.timedelta(days=30),
        closes_date=TODAY + datetime.timedelta(days=30),
        contact=PersonFactory(name="Daniel Granello"),
        form_fields=[
            ("Förening", "singleline", True),
            ("E-post", "email", True),
            ("Beskrivning", "multiline", False),
            ("Budget", "file", False),
        ],
    )
    add("projects.FundingCallPage", call, _english(call, en))

    event = publish(
        title="Stickcafé",
        slug="stickcafe",
        start_date=TODAY + datetime.timedelta(days=3),
        organiser=owner,
    )
    calendar_en = calendar.get_translation(en)
    add("events.EventIndexPage", calendar, calendar_en)
    add("events.EventIndexPage:list_view", calendar, calendar_en)
    add("events.EventIndexPage?none", calendar, calendar_en, "?q=zzzzqqq&free=1")
    # Routes with a word per language cannot be reversed; these are the words a visitor sees.
    month = f"{TODAY.year}-{TODAY.month:02d}"
    samples["events.EventIndexPage:this-month"] = {
        "sv": calendar.url + "manad/",
        "en": calendar_en.url + "month/",
    }
    samples["events.EventIndexPage:month"] = {
        "sv": calendar.url + f"manad/{month}/",
        "en": calendar_en.url + f"month/{month}/",
    }
    week, day = event.start_date.strftime("%G-W%V"), event.start_date.isoformat()
    samples["events.EventIndexPage:week"] = {
        "sv": calendar.url + f"vecka/{week}/",
        "en": calendar_en.url + f"week/{week}/",
    }
    samples["events.EventIndexPage:day"] = {
        "sv": calendar.url + f"dag/{day}/",
        "en": calendar_en.url + f"day/{day}/",
    }
    samples["events.EventIndexPage:archive"] = {
        "sv": calendar.url + "arkiv/",
        "en": calendar_en.url + "archive/",
    }
    samples["events.EventIndexPage:archive?none"] = {
        "sv": calendar.url + "arkiv/?q=zzzzqqq",
        "en": calendar_en.url + "archive/?q=zzzzqqq",
    }
    samples["events.EventIndexPage:venue"] = {
        "sv": calendar.url + f"plats/{event.venue.slug}/",
        "en": calendar_en.url + f"venue/{event.venue.slug}/",
    }
    add("events.EventPage", event, _english(event, en))

    network_en = network_index.get_translation(en)
    add("network.NetworkIndexPage", network_index, network_en)
    network = NetworkPageFactory.build(title="Kulturnätverket", slug="kultur")
    network.members.add(NetworkMembershipFactory.build(organisation=owner))
    network_index.add_child(instance=network)
    network.save_revision().publish()
    add("network.NetworkPage", network, _english(network, en, {"kultur": "culture"}))
    samples["network.NetworkIndexPage:organisations"] = {
        "sv": network_index.url + "organisationer/",
        "en": network_en.url + "organisations/",
    }
    samples["network.NetworkIndexPage:organisations?none"] = {
        "sv": network_index.url + "organisationer/?q=zzzzqqq",
        "en": network_en.url + "organisations/?q=zzzzqqq",
    }
    samples["network.NetworkIndexPage:organisation"] = {
        "sv": network_index.url + "organisationer/byalaget/",
        "en": network_en.url + "organisations/byalaget/",
    }

    newsletter_list = NewsletterListFactory(name="Bygdebrevet", slug="bygdebrevet")
    consent = ConsentTextFactory()
    ConsentTextFactory(language="en", text="I want the newsletter and can leave at any time.")
    archive = NewsletterArchivePageFactory(
        parent=home, slug="nyhetsbrev", newsletter_list=newsletter_list
    )
    archive.save_revision().publish()
    archive_en = translate(archive, en, {"Nyhetsbrev": "Newsletter", "nyhetsbrev": "newsletter"})
    add("newsletters.NewsletterArchivePage", archive, archive_en)
    issue = NewsletterPageFactory(parent=archive, title="Nummer 1", slug="nummer-1")
    issue.save_revision().publish()
    add("newsletters.NewsletterPage", issue, _english(issue, en))

    pending = SubscriptionFactory(
        newsletter_list=newsletter_list,
        status=SubscriptionStatus.UNCONFIRMED,
        confirm_nonce="a11y",
        consent_text=consent,
        confirmed_at=None,
    )
    subscriber = SubscriptionFactory(newsletter_list=newsletter_list, consent_text=consent)
    views = {
        "search": ((), "?q=bygd"),
        "portal:home": ((), ""),
        "portal:event_new": ((), ""),
        "portal:team": ((), ""),
        "portal:feeds": ((), ""),
        "portal:signup": ((), ""),
        "portal:signup_done": ((), ""),
        "portal:verify": (("not-a-token",), ""),
        "portal:login": ((), ""),
        "portal:password_reset": ((), ""),
        "portal:password_reset_done": ((), ""),
        "portal:password_reset_confirm": (("MQ", "not-a-token"), ""),
        "portal:password_reset_complete": ((), ""),
        "portal:accept_invitation": (("not-a-token",), ""),
        "newsletter-confirm": ((confirm_token(pending.confirm_nonce),), ""),
        "newsletter-confirm?invalid": (("not-a-token",), ""),
        "newsletter-unsubscribe": ((unsubscribe_token(subscriber),), ""),
        "newsletter-data-request": ((), ""),
        "newsletter-my-data": ((make_token(DATA, {"d": subscriber.email_digest}),), ""),
    }
    for kind, (args, query) in views.items():
        samples[kind] = {}
        for language in LANGUAGES:
            with translation.override(language):
                samples[kind][language] = reverse(kind.split("?")[0], args=args) + query
    samples["404"] = {language: f"/{language}/finns-inte/" for language in LANGUAGES}
    return samples, OrganiserAccountFactory(organisation=owner).user
