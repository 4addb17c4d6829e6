"""Higher apps (projects, events, calls) register what they can offer newsletters here from their
AppConfig.ready, so the newsletters app never imports them."""


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
