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
