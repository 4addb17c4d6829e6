"""Plain text (a portal description, an imported calendar's DESCRIPTION) as a body paragraph.
Every line is escaped and paragraphs are wrapped in <p>, so the only markup stored is what this
module writes and the result stays within Wagtail's sanitised rich-text format whatever the
text contained."""

from django.utils.html import escape


def text_to_html(text):
    """Blank lines separate paragraphs; single line breaks stay line breaks."""
    paragraphs = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [escape(line.strip()) for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append("<p>" + "<br/>".join(lines) + "</p>")
    return "".join(paragraphs)


def body_for(text):
    """StreamField data for ``BaseStreamBlock``: one paragraph block, or nothing for no text."""
    html = text_to_html(text or "")
    return [("paragraph", html)] if html else []
