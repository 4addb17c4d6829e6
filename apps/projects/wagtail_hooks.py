import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from apps.network.models import Person
from apps.projects.models import FundingProgramme, ProjectPage, ProjectPostPage, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "is_horizontal", "locale"]
    list_filter = ["is_horizontal"]


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "form"
    menu_label = _("Funding programmes")
    list_display = ["name", "slug", "funder", "locale"]


class ProjectTaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, FundingProgrammeViewSet)
    menu_icon = "tag"
    menu_label = _("Project taxonomy")
    menu_name = "project-taxonomy"


register_snippet(ProjectTaxonomyGroup)


class PostFilterSet(PageFilterSet):
    """Editors look for posts by project and by author."""

    project = django_filters.ModelChoiceFilter(
        label=_("Project"),
        queryset=ProjectPage.objects.order_by("title"),
        method="filter_project",
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"),
        queryset=Person.objects.order_by("name"),
        field_name="authors__person",
    )

    class Meta:
        model = ProjectPostPage
        fields = ["locale"]

    def filter_project(self, queryset, name, project):
        return queryset.filter(
            Q(path__startswith=project.path) | Q(related_projects__project=project)
        ).distinct()


class PostListingViewSet(PageListingViewSet):
    model = ProjectPostPage
    icon = "doc-full"
    menu_label = _("Blog posts")
    add_to_admin_menu = True
    menu_order = 210
    name = "blog-posts"
    filterset_class = PostFilterSet


@hooks.register("register_admin_viewset")
def register_post_listing():
    return PostListingViewSet()


@hooks.register("filter_form_submissions_for_user")
def only_call_moderators_see_applications(user, editable_forms):
    from apps.projects.calls.admin import only_call_moderators

    return only_call_moderators(user, editable_forms)


@hooks.register("register_admin_urls")
def call_admin_urls():
    from apps.projects.calls.admin import admin_urls

    return admin_urls()
