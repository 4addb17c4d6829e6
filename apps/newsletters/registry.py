"""Higher apps (projects, events, calls) register what they can offer newsletters here from their
AppConfig.ready, so the newsletters app never imports them."""


class NewsletterContent:
    """What a higher app offers newsletters: "latest posts of project X", "upcoming events
    matching a filter", "open calls".

    ``items(locale, parameter, limit, since)`` returns dicts with ``title``, ``url`` (absolute),
    and optionally ``summary`` and ``date``; ``since`` is an aware datetime or None and limits the
    items to those published since then, by the content's own publication date.

    ``only_new``: a digest asks only for what is new since the last issue; content that matters
    while it lasts (upcoming events, open calls) says False and is listed whatever its age.

    ``page_types`` are the page models editors may pick into an issue one by one, and
    ``describe(pages, locale)`` returns ``{translation_key: item}`` for picked pages, each in
    ``locale`` where translated, in a fixed number of queries however many were picked."""

    def __init__(
        self, name, label, items, parameter_help="", only_new=True, page_types=(), describe=None
    ):
        self.name = name
        self.label = label
        self.items = items
        self.parameter_help = parameter_help
        self.only_new = only_new
        self.page_types = tuple(page_types)
        self.describe = describe


NEWSLETTER_CONTENT = {}


def register_newsletter_content(name, label, items, **options):
    NEWSLETTER_CONTENT[name] = NewsletterContent(name, label, items, **options)
    return NEWSLETTER_CONTENT[name]


def newsletter_content_choices():
    return [(name, content.label) for name, content in NEWSLETTER_CONTENT.items()]


def pickable_page_types():
    """Every page model some registered content lets editors pick, in registration order."""
    return [
        model
        for content in NEWSLETTER_CONTENT.values()
        if content.describe
        for model in content.page_types
    ]


def describe_pages(pages, locale):
    """Items for picked pages in the order picked; pages no registered content describes, or
    that are no longer published, are left out."""
    by_content = {}
    for page in pages:
        content = _content_for(type(page))
        if content is not None:
            by_content.setdefault(content.name, []).append(page)
    described = {}
    for name, chosen in by_content.items():
        described.update(NEWSLETTER_CONTENT[name].describe(chosen, locale))
    return [described[page.translation_key] for page in pages if page.translation_key in described]


def _content_for(model):
    for content in NEWSLETTER_CONTENT.values():
        if content.describe and issubclass(model, content.page_types):
            return content
    return None
