"""Higher apps (projects, events, calls) register what they can show on an organisation's page
here from their AppConfig.ready, so the network app never imports them."""

ORGANISATION_SECTIONS = []


def register_organisation_section(provider):
    """``provider(request, organisation)`` returns None or
    {"title": str, "template": str, "items": iterable} for the organisation page."""
    ORGANISATION_SECTIONS.append(provider)
    return provider


def organisation_sections(request, organisation):
    sections = []
    for provider in ORGANISATION_SECTIONS:
        section = provider(request, organisation)
        if section:
            sections.append(section)
    return sections


class NewsletterContent:
    """What a higher app offers newsletters: "latest posts of project X", "upcoming events
    matching a filter", "open calls". ``items(locale, parameter, limit, since)`` returns dicts
    with ``title``, ``url`` (absolute), and optionally ``summary`` and ``date``; ``since`` is an
    aware datetime or None and limits the items to those that are new since then (digests)."""

    def __init__(self, name, label, items, parameter_help=""):
        self.name = name
        self.label = label
        self.items = items
        self.parameter_help = parameter_help


NEWSLETTER_CONTENT = {}


def register_newsletter_content(name, label, items, parameter_help=""):
    NEWSLETTER_CONTENT[name] = NewsletterContent(name, label, items, parameter_help)
    return NEWSLETTER_CONTENT[name]


def newsletter_content_choices():
    return [(name, content.label) for name, content in NEWSLETTER_CONTENT.items()]
