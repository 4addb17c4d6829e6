from wagtail.test.utils import WagtailPageTestCase

from apps.projects.models import ProjectIndexPage, ProjectPage
from cms.models import HomePage, StandardPage


class ProjectPageRulesTests(WagtailPageTestCase):
    def test_projects_live_in_the_project_database(self):
        self.assertAllowedParentPageTypes(ProjectIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertCanNotCreateAt(HomePage, ProjectPage)
        self.assertCanNotCreateAt(ProjectPage, StandardPage)
