"""Local copies of a source's news posts. A post of a project goes under that project's copy, so
it shows on the project's page and in its feed; any other post (or one whose project is not
copied here) goes under the first live news index. The copy's body is the post's lead: the
source's HTML is not taken in, and the page links the whole post on the source."""

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText

from apps.harvest.copies import PageCopies
from apps.harvest.values import date, reference
from apps.projects.models import NewsIndexPage, ProjectPostPage


def body(lead):
    return [("paragraph", RichText(f"<p>{escape(lead)}</p>"))]


class NewsCopies(PageCopies):
    model = ProjectPostPage
    index = NewsIndexPage

    def __init__(self, locale):
        super().__init__(locale)
        # Posts of copied projects need no index: a missing one skips only the other posts.
        self.news_index, self.parent = self.parent, False

    def values(self, data, refs):
        return {
            "title": data["title"],
            "lead": data["lead"],
            "body": body(data["lead"]),
            "date": date(data.get("date")),
            "byline": data.get("byline") or "",
            "tags": [tag for tag in data.get("tags") or () if isinstance(tag, str)],
            "parent": refs.project(reference(data.get("project"))) or self.news_index,
        }

    def create(self, values, remote_id):
        parent, tags = self.split(values)
        slug = find_available_slug(parent, slugify(values["title"])[:60] or "post")
        page = self.model(locale=self.locale, slug=slug, **values)
        page.tags.set(tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def update(self, page, values):
        parent, tags = self.split(values)
        if page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page.refresh_from_db()
        for name, value in values.items():
            setattr(page, name, value)
        page.tags.set(tags)
        page.save_revision().publish()
        return page

    def split(self, values):
        parent, tags = values.pop("parent"), values.pop("tags")
        if parent is None:
            raise ValidationError(
                _("There is no live news index in %(language)s to put the post under.")
                % {"language": self.locale}
            )
        return parent, tags
