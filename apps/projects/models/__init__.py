from apps.projects.models.call_index_page import FundingCallIndexPage
from apps.projects.models.call_page import ApplicationMethod, FundingCallPage
from apps.projects.models.call_rows import (
    ApplicantKind,
    FundingCallApplicant,
    FundingCallDeadline,
    FundingCallFormField,
    FundingCallPlace,
    FundingCallTheme,
)
from apps.projects.models.call_status import CallStatus, Intake
from apps.projects.models.call_submission import CallSubmission
from apps.projects.models.place_reach import ProjectPlaceReach
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
    PartnerRole,
    ProjectContact,
    ProjectFunder,
    ProjectPartner,
    ProjectPlace,
    ProjectTheme,
    ProjectTranslation,
    TranslationOrigin,
)
from apps.projects.models.search_document import ProjectSearchDocument
from apps.projects.models.taxonomy import FundingProgramme, Theme

__all__ = [
    "ApplicantKind",
    "ApplicationMethod",
    "CallStatus",
    "CallSubmission",
    "FundingCallApplicant",
    "FundingCallDeadline",
    "FundingCallFormField",
    "FundingCallIndexPage",
    "FundingCallPage",
    "FundingCallPlace",
    "FundingCallTheme",
    "Intake",
    "NewsIndexPage",
    "PostAuthor",
    "PostRelatedProject",
    "PostTag",
    "ProjectPostPage",
    "Currency",
    "FundingProgramme",
    "PartnerRole",
    "ProjectContact",
    "ProjectFunder",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ProjectPlace",
    "ProjectPlaceReach",
    "ProjectSearchDocument",
    "ProjectStatus",
    "ProjectTheme",
    "ProjectTranslation",
    "Theme",
    "TranslationOrigin",
]
