"""An issue as e-mail: the page body rendered once per language, wrapped per recipient with
their own unsubscribe link, with absolute links (mail has no base URL) and a plain-text part
for mail programs and people who read without HTML."""

import html
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from apps.newsletters.emails import absolute

RELATIVE_LINK = re.compile(r'(href|src)="/(?!/)')
BLOCK_END = re.compile(r"</(p|h[1-6]|li|ul|ol|blockquote|section|div|tr|table)>", re.IGNORECASE)
LINK = re.compile(r'<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def absolutise(markup):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return RELATIVE_LINK.sub(lambda match: f'{match.group(1)}="{base}/', markup)


def html_to_text(markup):
    text = LINK.sub(
        lambda match: f"{TAG.sub('', match.group(2)).strip()} ({match.group(1)})", markup
    )
    text = re.sub(r"<li[^>]*>", "- ", text, flags=re.IGNORECASE)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = BLOCK_END.sub("\n\n", text)
    text = html.unescape(TAG.sub("", text))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class RenderedIssue:
    """One language's rendering of an issue; ``message_parts`` adds the recipient's links. A
    sending stores ``snapshot()`` when it starts: resumed runs mail the same text, and the
    archive shows what was sent, whatever is edited later."""

    def __init__(self, page, language, snapshot=None):
        self.page = page
        self.language = language
        if snapshot is None:
            snapshot = self._render(page, language)
        self.title = snapshot["title"]
        self.preheader = snapshot["preheader"]
        self.body_html = mark_safe(snapshot["html"])  # noqa: S308 - our own template output
        self.body_text = snapshot["text"]
        self.web_url = snapshot["web_url"]

    @staticmethod
    def _render(page, language):
        with translation.override(language):
            body = render_to_string(
                "newsletters/email/issue_body.html", {"page": page, "self": page}
            )
        return {
            "title": page.title,
            "preheader": page.preheader,
            "html": absolutise(body),
            "text": html_to_text(body),
            "web_url": absolute(page.url) if page.live and page.url else "",
        }

    def snapshot(self):
        return {
            "title": self.title,
            "preheader": self.preheader,
            "html": str(self.body_html),
            "text": self.body_text,
            "web_url": self.web_url,
        }

    @property
    def subject(self):
        return self.title

    def message_parts(self, unsubscribe_url, newsletter_list):
        context = {
            "title": self.title,
            "language": self.language,
            "body_html": self.body_html,
            "body_text": self.body_text,
            "unsubscribe_url": unsubscribe_url,
            "web_url": self.web_url,
            "newsletter_list": newsletter_list,
            "preheader": self.preheader,
        }
        with translation.override(self.language):
            return (
                render_to_string("newsletters/email/issue.txt", context),
                render_to_string("newsletters/email/issue.html", context),
            )


def preview_email_html(page, request):
    """Wagtail's "E-mail" preview mode: the HTML part exactly as subscribers get it."""
    rendered = RenderedIssue(page, page.locale.language_code)
    newsletter_list = page.newsletter_list.in_language(page.locale.language_code)
    return rendered.message_parts("#unsubscribe", newsletter_list)[1]
