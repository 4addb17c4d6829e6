"""A project's funders become an inline (co-financing has several), partner roles a fixed
vocabulary, and facts get a version so old revisions cannot bring old facts back.

The data step copies the single funder into the inline with the amount granted, maps the free-text
roles it knows (Swedish and English) to codes and reports the others, set to "partner"; it does
the same inside stored revisions, and marks each page's live and latest revision as current."""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

ROLES = {
    "lead": (
        "lead",
        "lead partner",
        "coordinator",
        "huvudpartner",
        "ledande partner",
        "huvudsökande",
        "projektägare",
        "samordnare",
    ),
    "partner": ("", "partner", "samarbetspartner", "samverkanspartner", "projektpartner"),
    "co-financier": (
        "co-financier",
        "co-funder",
        "cofinancier",
        "co-financer",
        "medfinansiär",
        "medfinansiar",
    ),
    "funder": ("funder", "financier", "finansiär", "finansiar", "bidragsgivare"),
    "associated": ("associated", "associated partner", "associerad partner"),
}
CODES = {text: code for code, texts in ROLES.items() for text in texts}


def role_code(text, unknown):
    code = CODES.get((text or "").strip().lower())
    if code is None:
        unknown.add(text)
        return "partner"
    return code


def forwards(apps, schema_editor):
    ProjectPage = apps.get_model("projects", "ProjectPage")
    ProjectPartner = apps.get_model("projects", "ProjectPartner")
    ProjectFunder = apps.get_model("projects", "ProjectFunder")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    unknown = set()
    for page in ProjectPage.objects.exclude(funder=None).iterator():
        ProjectFunder.objects.create(
            page=page, organisation_id=page.funder_id, amount=page.amount_granted, sort_order=0
        )
    for partner in ProjectPartner.objects.iterator():
        code = role_code(partner.role, unknown)
        if code != partner.role:
            partner.role = code
            partner.save(update_fields=["role"])
    ProjectPage.objects.update(facts_version=1)
    content_type = ContentType.objects.filter(app_label="projects", model="projectpage").first()
    if content_type is not None:
        current = set()
        for live, latest in ProjectPage.objects.values_list("live_revision", "latest_revision"):
            current.update({live, latest})
        for revision in Revision.objects.filter(content_type=content_type).iterator():
            content = revision.content
            funder = content.pop("funder", None)
            content.setdefault(
                "funders",
                [
                    {
                        "pk": None,
                        "page": content.get("pk"),
                        "organisation": funder,
                        "amount": content.get("amount_granted"),
                        "sort_order": 0,
                    }
                ]
                if funder
                else [],
            )
            for partner in content.get("partners", []):
                partner["role"] = role_code(partner.get("role"), unknown)
            if revision.pk in current:
                content["facts_version"] = 1
            revision.save(update_fields=["content"])
    if unknown:
        print(
            "\n  Partner roles not recognised, now 'partner' (check them in the admin): "
            + ", ".join(sorted(repr(text) for text in unknown))
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0004_newsletters_moved_out"),
        ("projects", "0005_call_application_references"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProjectFunder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="In the project's currency.",
                        max_digits=14,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0)],
                        verbose_name="amount",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="project_fundings",
                        to="network.organisation",
                        verbose_name="funder",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="funders",
                        to="projects.projectpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "funder",
                "verbose_name_plural": "funders",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="projectpage",
            name="facts_version",
            field=models.PositiveIntegerField(
                default=0,
                editable=False,
                help_text="Counts changes to the facts; a revision with an older count than its translations was written before the latest change and does not bring its facts back.",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="projectpartner",
            name="role",
            field=models.CharField(
                choices=[
                    ("lead", "Lead partner"),
                    ("partner", "Partner"),
                    ("co-financier", "Co-financier"),
                    ("funder", "Funder"),
                    ("associated", "Associated partner"),
                ],
                default="partner",
                max_length=20,
                verbose_name="role",
            ),
        ),
        migrations.RemoveField(
            model_name="projectpage",
            name="funder",
        ),
    ]
