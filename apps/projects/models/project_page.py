"""A project in the database. Facts (dates, amounts, organisations, places, themes, funders) are
the same in every language: publishing any language version shares them with the others
(apps.projects.facts); only the prose is translated."""

import secrets

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from apps.core.base_template import BaseTemplateMixin
from apps.core.blocks import BaseStreamBlock
from apps.core.mixins import ListingMixin
from apps.core.models import Provenance
from apps.core.preview import HeadlessPreviewMixin
from apps.network.models import Organisation
from apps.projects.api_fields import project_api_fields
from apps.projects.models.project_index_page import STATISTICS_SEGMENT

IDENTIFIER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class Currency(models.TextChoices):
    SEK = "SEK", "SEK"
    DKK = "DKK", "DKK"
    NOK = "NOK", "NOK"
    EUR = "EUR", "EUR"
    ISK = "ISK", "ISK"


def new_identifier():
    return "P-" + "".join(secrets.choice(IDENTIFIER_ALPHABET) for _ in range(8))


class ProjectQuerySet(PageQuerySet):
    def with_status(self, today=None):
        """Annotate ``current_status``: the editor's override, else derived from the dates."""
        today = today or timezone.localdate()
        start = Coalesce(F("actual_start"), F("planned_start"))
        end = Coalesce(F("actual_end"), F("planned_end"))
        return self.annotate(
            current_status=Case(
                When(~Q(status_override=""), then=F("status_override")),
                When(
                    Q(planned_start__isnull=True, actual_start__isnull=True),
                    then=Value(ProjectStatus.PLANNED),
                ),
                When(
                    Q(actual_start__gt=today)
                    | Q(actual_start__isnull=True, planned_start__gt=today),
                    then=Value(ProjectStatus.PLANNED),
                ),
                When(
                    Q(actual_end__lt=today) | Q(actual_end__isnull=True, planned_end__lt=today),
                    then=Value(ProjectStatus.COMPLETED),
                ),
                default=Value(ProjectStatus.ONGOING),
                output_field=CharField(),
            ),
            start_date=start,
            end_date=end,
        )


ProjectManager = PageManager.from_queryset(ProjectQuerySet)


class ProjectPage(BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, Page):
    provenance = GenericRelation(Provenance, related_query_name="+")
    identifier = models.CharField(
        _("identifier"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_(
            "Stable project code; generated when left blank and never changed once published."
        ),
    )
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    summary = models.TextField(_("summary"), max_length=1200)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    results = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("results"))
    status_override = models.CharField(
        _("status"),
        max_length=10,
        choices=ProjectStatus.choices,
        blank=True,
        help_text=_("Leave empty to derive the status from the dates."),
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("project owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_projects",
    )
    funding_programme = models.ForeignKey(
        "projects.FundingProgramme",
        verbose_name=_("funding programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    funding_call = models.ForeignKey(
        "projects.FundingCallPage",
        verbose_name=_("funding call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funded_projects",
        help_text=_("The call the grant was applied for, if any."),
    )
    amount_granted = models.DecimalField(
        _("amount granted"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    total_budget = models.DecimalField(
        _("total budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    in_kind_value = models.DecimalField(
        _("in-kind and volunteer value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.SEK
    )
    award_date = models.DateField(_("award date"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("image alternative text"), max_length=250, blank=True)
    is_featured = models.BooleanField(
        _("feature on the home page"),
        default=False,
        help_text=_("Featured projects are shown first on the home page."),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=8,
        blank=True,
        editable=False,
        help_text=_("The language the project was first written in."),
    )
    facts_version = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Counts changes to the facts; a revision with an older count than its "
        "translations was written before the latest change and does not bring its facts back.",
    )
    # The page's first_published_at, copied on every save: a newest-first listing sorts on
    # Page's column, whose index holds every page type, so PostgreSQL walked past all the
    # events published since the last project to find twenty projects (issue 19). Here the
    # order has an index of its own.
    newest_order = models.DateTimeField(null=True, editable=False)

    objects = ProjectManager()

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = ["projects.ProjectPostPage"]

    # Facts are shared on publish, not overridden per translation (apps.projects.facts).
    override_translatable_fields = [
        SynchronizedField("identifier"),
        SynchronizedField("acronym"),
        SynchronizedField("funding_call", overridable=False),
        SynchronizedField("facts_version", overridable=False),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("identifier"), FieldPanel("acronym")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        HelpPanel(
            content=_(
                "Status, dates, organisations, places, themes and funding are the same in every "
                "language: publishing this page updates them in all its translations at once."
            ),
            heading=_("Facts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status_override"),
                FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
                FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
            ],
            heading=_("Status and dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("owner_organisation"),
                InlinePanel("partners", label=_("Partners")),
                InlinePanel("contacts", label=_("Contact people")),
            ],
            heading=_("Organisations and people"),
        ),
        InlinePanel("places", label=_("Places"), min_num=0),
        InlinePanel("themes", label=_("Themes")),
        MultiFieldPanel(
            [
                FieldPanel("funding_programme"),
                InlinePanel("funders", label=_("Funders")),
                FieldPanel("funding_call"),
                FieldRowPanel(
                    [
                        FieldPanel("amount_granted"),
                        FieldPanel("total_budget"),
                        FieldPanel("in_kind_value"),
                    ]
                ),
                FieldRowPanel([FieldPanel("currency"), FieldPanel("award_date")]),
            ],
            heading=_("Funding"),
        ),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("is_featured"),
        FieldPanel("results"),
    ]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels

    search_fields = Page.search_fields + [
        index.SearchField("acronym", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("results"),
        index.FilterField("identifier"),
    ]

    api_fields = project_api_fields()
    api_select_related = ("owner_organisation", "image", "listing_image")
    # Snippets shown in the page's language (apps.core.locale.warm).
    api_localized = ("partners__organisation", "funders__organisation", "themes__theme")
    api_prefetch_related = (
        "partners__organisation",
        "funders__organisation",
        "places__place",
        "themes__theme",
        "image__renditions",
        "listing_image__renditions",
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [models.Index(fields=["newest_order", "page_ptr"], name="project_newest_order")]

    def clean(self):
        super().clean()
        errors = {}
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if (
                getattr(self, start)
                and getattr(self, end)
                and getattr(self, end) < getattr(self, start)
            ):
                errors[end] = _("The end date is before the start date.")
        for field in ("amount_granted", "total_budget", "in_kind_value"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("Amounts cannot be negative.")
        if self.amount_granted and self.total_budget and self.amount_granted > self.total_budget:
            errors["amount_granted"] = _("The amount granted is larger than the total budget.")
        shares = [row.amount for row in self.funders.all() if row.amount is not None]
        if any(share < 0 for share in shares):
            errors["amount_granted"] = _("Amounts cannot be negative.")
        elif shares and self.amount_granted is not None and sum(shares) > self.amount_granted:
            errors["amount_granted"] = _(
                "The funders' amounts add up to more than the amount granted."
            )
        if self.slug in STATISTICS_SEGMENT:
            errors["slug"] = _(
                "This address shows the project database's statistics; choose another slug."
            )
        if self.image and not self.image_alt:
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if self.identifier:
            clash = ProjectPage.objects.filter(identifier=self.identifier).exclude(
                translation_key=self.translation_key
            )
            if clash.exists():
                errors["identifier"] = _("Another project already uses this identifier.")
            if self.pk:
                published = (
                    ProjectPage.objects.filter(pk=self.pk)
                    .values_list("identifier", "first_published_at")
                    .first()
                )
                if published and published[1] and published[0] and published[0] != self.identifier:
                    errors["identifier"] = _(
                        "The identifier cannot change once the project is published."
                    )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        for relation in ("partners", "funders", "contacts", "places", "themes"):
            for position, row in enumerate(getattr(self, relation).all()):
                if row.sort_order is None:
                    row.sort_order = position
        if not self.identifier:
            self.identifier = new_identifier()
        if not self.original_language and self.locale_id:
            self.original_language = self.locale.language_code
        self.newest_order = self.first_published_at
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "first_published_at" in update_fields:
            kwargs["update_fields"] = [*update_fields, "newest_order"]
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from apps.core.locale import LocalizedCache
        from apps.projects.models.relations import ProjectTranslation
        from apps.projects.news.listing import latest_posts_of

        context = super().get_context(request, *args, **kwargs)
        localized = LocalizedCache(self.locale)
        context.update(
            start=self.actual_start or self.planned_start,
            end=self.actual_end or self.planned_end,
            partners=list(self.partners.select_related("organisation")),
            funders=list(self.funders.select_related("organisation")),
            places=[row.place for row in self.places.select_related("place")],
            themes=localized.many([row.theme for row in self.themes.select_related("theme")]),
            contacts=localized.many([row.person for row in self.contacts.select_related("person")]),
            programme=localized(self.funding_programme),
            latest_posts=latest_posts_of(self),
            funding_call=self._funding_call_in_language(),
            translation_origin=ProjectTranslation.objects.filter(
                translation_key=self.translation_key, locale=self.locale
            )
            .values_list("origin", flat=True)
            .first(),
        )
        return context

    @transaction.atomic
    def publish(self, revision, *args, **kwargs):
        """The ``page_published`` receiver shares the facts (apps.projects.signals); here they
        commit together with the publication."""
        return super().publish(revision, *args, **kwargs)

    def _funding_call_in_language(self):
        """The link is synchronised from the original, so it may point at the call in another
        language; show this language's version where it is live."""
        call = self.funding_call
        if call is None:
            return None
        translated = call.get_translations(inclusive=True).live().filter(locale=self.locale_id)
        return translated.first() or (call if call.live else None)

    @property
    def status(self):
        """Listings annotate ``current_status`` in SQL (ProjectQuerySet.with_status); a single
        page derives the same answer from its own fields, without a query."""
        annotated = getattr(self, "current_status", None)
        if annotated:
            return annotated
        if self.status_override:
            return self.status_override
        today = timezone.localdate()
        start = self.actual_start or self.planned_start
        end = self.actual_end or self.planned_end
        if start is None or start > today:
            return ProjectStatus.PLANNED
        if end is not None and end < today:
            return ProjectStatus.COMPLETED
        return ProjectStatus.ONGOING

    def get_status_display(self):
        return ProjectStatus(self.status).label
