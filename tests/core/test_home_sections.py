"""Home sections come from the installed apps' registrations, in their order, and a section
with nothing to show is left out."""

from apps.core import sections


def test_installed_apps_register_their_home_sections_in_order():
    registered = [
        provider.__name__ for _order, provider in sorted(sections._HOME_SECTIONS.values())
    ]
    assert registered == [
        "featured_projects",
        "home_section",  # upcoming events
        "home_section",  # open calls
        "latest_news",
        "newsletter_section",
    ]


def test_a_host_adds_its_own_section_and_empty_ones_are_left_out(monkeypatch):
    monkeypatch.setattr(sections, "_HOME_SECTIONS", {})

    def greeting(request, page):
        return {"template": "host/greeting.html", "title": "Hej"}

    def nothing(request, page):
        return None

    def first(request, page):
        return {"template": "host/first.html", "title": "Först"}

    sections.register_home_section(greeting, order=20)
    sections.register_home_section(nothing, order=5)
    sections.register_home_section(first, order=1)
    sections.register_home_section(first, order=1)  # registering twice (ready() twice) adds once
    assert [s["title"] for s in sections.home_sections(None, None)] == ["Först", "Hej"]
