"""What higher apps add to events, registered from their AppConfig.ready so this app never
imports them: panels at the top of the event editor (the organiser portal shows who submitted
an event and what clashes with it)."""

EDITOR_PANELS = []


def register_editor_panel(panel):
    EDITOR_PANELS.append(panel)
    return panel
