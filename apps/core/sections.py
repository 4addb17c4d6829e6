"""Sections a site's home page shows, offered by the installed apps.

Each app registers a provider from its AppConfig.ready: ``provider(request, page)`` returns None
(nothing to show; a section is left out rather than shown empty) or a dict with ``template``,
``title`` and whatever the template needs. ``order`` places the section; lower comes first. A
host's home page calls ``home_sections(request, self)`` from ``get_context``."""

_HOME_SECTIONS = {}


def register_home_section(provider, order):
    _HOME_SECTIONS[f"{provider.__module__}.{provider.__qualname__}"] = (order, provider)
    return provider


def home_sections(request, page):
    sections = []
    for _order, provider in sorted(_HOME_SECTIONS.values(), key=lambda entry: entry[0]):
        section = provider(request, page)
        if section:
            sections.append(section)
    return sections
