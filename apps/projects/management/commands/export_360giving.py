from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from apps.projects.exports import with_export_relations
from apps.projects.grants import grants_package, package_json
from apps.projects.query import base_queryset


class Command(BaseCommand):
    help = (
        "Write the 360Giving Data Standard package of awarded grants (as /api/projects/"
        "360giving.json does) and report how many projects were left out and why."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path, help="the JSON file to write")
        parser.add_argument(
            "--language", default=None, help="the projects' language (default: LANGUAGE_CODE)"
        )

    def handle(self, *args, output, language, **options):
        code = language or settings.LANGUAGE_CODE
        locale = Locale.objects.filter(language_code=code).first()
        with translation.override(code if locale else settings.LANGUAGE_CODE):
            if locale is None:
                raise CommandError(
                    _("%(language)s is not one of the site's languages") % {"language": code}
                )
            queryset = base_queryset(locale).filter(amount_granted__isnull=False)
            package, left_out = grants_package(
                with_export_relations(queryset).iterator(chunk_size=500),
                getattr(settings, "WAGTAIL_SITE_NAME", ""),
            )
            try:
                output.write_text(package_json(package), encoding="utf-8")
            except OSError as error:
                raise CommandError(
                    _("%(file)s: cannot write it (%(error)s)") % {"file": output, "error": error}
                ) from None
            reasons = package["leftOut"]
            self.stdout.write(
                _(
                    "%(grants)s grants written to %(file)s; %(left_out)s projects left out "
                    "(no award date: %(date)s, no recipient: %(recipient)s, no funder: %(funder)s)"
                )
                % {
                    "grants": len(package["grants"]),
                    "file": output,
                    "left_out": left_out,
                    "date": reasons["noAwardDate"],
                    "recipient": reasons["noRecipient"],
                    "funder": reasons["noFunder"],
                }
            )
