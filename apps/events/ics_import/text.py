"""DESCRIPTION as the event's body and summary. Calendars write plain text with line breaks, and
Google also writes a little HTML (<br>, <p>, <b>); the body keeps every paragraph of it, the
summary is the same text shortened to what the summary field holds. Only known HTML tags are
taken out, so a plain-text "<egna>" survives."""

import html
import re
import textwrap

SUMMARY_LENGTH = 400
BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
PARAGRAPH = re.compile(r"</?(?:p|div|li|h[1-6])(?:\s[^<>]*)?>", re.IGNORECASE)
TAG = re.compile(
    r"</?(?:a|b|br|div|em|h[1-6]|i|li|ol|p|span|strong|u|ul)(?:\s[^<>]*)?/?>", re.IGNORECASE
)


def plain(description):
    """The DESCRIPTION as plain text with its line breaks and blank lines kept."""
    text = description.replace("\r\n", "\n")
    if TAG.search(text):
        text = PARAGRAPH.sub("\n\n", BREAK.sub("\n", text))
        text = html.unescape(TAG.sub("", text))
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def summary_of(text, fallback):
    flat = " ".join(text.split())
    if not flat:
        return fallback[:SUMMARY_LENGTH]
    return textwrap.shorten(flat, SUMMARY_LENGTH, placeholder=" …")
