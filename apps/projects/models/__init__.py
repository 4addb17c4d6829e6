from apps.projects.models.post_page import (
    NewsIndexPage,
    PostAuthor,
    PostRelatedProject,
    PostTag,
    ProjectPostPage,
)
from apps.projects.models.project_index_page import ProjectIndexPage
from apps.projects.models.project_page import Currency, ProjectPage, ProjectStatus
from apps.projects.models.relations import (
    ProjectContact,
    ProjectPartner,
    ProjectPlace,
    ProjectTheme,
    ProjectTranslation,
    TranslationOrigin,
)
from apps.projects.models.taxonomy import FundingProgramme, Theme

__all__ = [
    "NewsIndexPage",
    "PostAuthor",
    "PostRelatedProject",
    "PostTag",
    "ProjectPostPage",
    "Currency",
    "FundingProgramme",
    "ProjectContact",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ProjectPlace",
    "ProjectStatus",
    "ProjectTheme",
    "ProjectTranslation",
    "Theme",
    "TranslationOrigin",
]
