"""Moving lists in and out as CSV. An imported address only counts as subscribed when the file
carries the evidence of its consent (when, and which consent text version); everyone else is
asked to confirm again. Erased (suppressed) addresses are never imported."""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from apps.newsletters.addresses import address_digest, normalise
from apps.newsletters.models import (
    ConsentText,
    Subscription,
    SubscriptionSource,
    SubscriptionStatus,
    Suppression,
)
from apps.newsletters.signup import subscribe

EXPORT_COLUMNS = [
    "email",
    "language",
    "signed_up_at",
    "confirmed_at",
    "source",
    "consent_language",
    "consent_version",
]


def export_confirmed(newsletter_list):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    rows = (
        Subscription.objects.confirmed()
        .of_list(newsletter_list)
        .select_related("consent_text")
        .order_by("email")
    )
    for row in rows.iterator():
        writer.writerow(
            [
                row.email,
                row.language,
                row.signed_up_at.isoformat(),
                row.confirmed_at.isoformat() if row.confirmed_at else "",
                row.source,
                row.consent_text.language if row.consent_text else "",
                row.consent_text.version if row.consent_text else "",
            ]
        )
    return out.getvalue()


class ImportRejected(ValueError):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class ImportSummary:
    confirmed: int = 0
    to_reconfirm: int = 0
    suppressed: int = 0
    unchanged: int = 0
    nonces: list = field(default_factory=list)


def _parse(text):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "email" not in [name.strip() for name in reader.fieldnames]:
        raise ImportRejected([_("The file needs a header row with an “email” column.")])
    languages = {code for code, _name in settings.LANGUAGES}
    parsed, errors = [], []
    for line, raw in enumerate(reader, start=2):
        row = {(key or "").strip(): (value or "").strip() for key, value in raw.items()}
        email = normalise(row.get("email"))
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                _("Line %(line)d: “%(email)s” is not an e-mail address.")
                % {"line": line, "email": email}
            )
            continue
        language = row.get("language") or settings.LANGUAGE_CODE
        if language not in languages:
            errors.append(
                _("Line %(line)d: unknown language “%(language)s”.")
                % {"line": line, "language": language}
            )
            continue
        evidence = None
        if row.get("confirmed_at") or row.get("consent_version"):
            evidence = _evidence(row, language, line, errors)
            if evidence is None:
                continue
        parsed.append((email, language, evidence))
    if errors:
        raise ImportRejected(errors)
    return parsed


def _evidence(row, language, line, errors):
    confirmed_at = parse_datetime(row.get("confirmed_at", ""))
    version = row.get("consent_version", "")
    consent = None
    if version.isdigit():
        consent = ConsentText.objects.filter(
            language=row.get("consent_language") or language, version=int(version)
        ).first()
    if confirmed_at is None or consent is None:
        errors.append(
            _(
                "Line %(line)d: consent evidence needs both confirmed_at (ISO date and time) and an existing consent_version."
            )
            % {"line": line}
        )
        return None
    if timezone.is_naive(confirmed_at):
        confirmed_at = timezone.make_aware(confirmed_at, datetime.UTC)
    signed_up_at = parse_datetime(row.get("signed_up_at", "")) or confirmed_at
    if timezone.is_naive(signed_up_at):
        signed_up_at = timezone.make_aware(signed_up_at, datetime.UTC)
    return {"confirmed_at": confirmed_at, "signed_up_at": signed_up_at, "consent_text": consent}


@transaction.atomic
def import_subscribers(newsletter_list, text, source_detail=""):
    """Import all rows or none; returns an ImportSummary whose ``nonces`` are the
    re-confirmation e-mails to send once the import is committed."""
    parsed = _parse(text)
    newsletter_list = newsletter_list.original
    suppressed = set(
        Suppression.objects.filter(
            digest__in=[address_digest(email) for email, _language, _evidence in parsed]
        ).values_list("digest", flat=True)
    )
    summary = ImportSummary()
    for email, language, evidence in parsed:
        digest = address_digest(email)
        if digest in suppressed:
            summary.suppressed += 1
            continue
        existing = Subscription.objects.filter(
            email_digest=digest, newsletter_list=newsletter_list
        ).first()
        if existing is not None and existing.status == SubscriptionStatus.CONFIRMED:
            summary.unchanged += 1
            continue
        if evidence is not None:
            row = existing or Subscription(email=email, newsletter_list=newsletter_list)
            row.status = SubscriptionStatus.CONFIRMED
            row.language = language
            row.source = SubscriptionSource.IMPORT
            row.source_detail = source_detail[:300]
            row.confirm_nonce = ""
            for name, value in evidence.items():
                setattr(row, name, value)
            row.save()
            summary.confirmed += 1
            continue
        nonce = subscribe(
            email,
            [newsletter_list],
            language,
            source=SubscriptionSource.IMPORT,
            source_detail=source_detail,
        )
        if nonce:
            summary.nonces.append(nonce)
        summary.to_reconfirm += 1
    return summary
