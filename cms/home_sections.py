"""The home page's sections (featured projects, upcoming events, open calls, latest news,
newsletter signup). Each app adds its section here as it arrives; a section with nothing to
show is left out rather than shown empty."""

from apps.events.sections import home_section as upcoming_events


def sections_for(request, home_page):
    sections = []
    for provider in PROVIDERS:
        section = provider(request, home_page)
        if section:
            sections.append(section)
    return sections


PROVIDERS = [upcoming_events]
