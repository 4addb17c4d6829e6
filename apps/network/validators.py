"""Organisation numbers: catching a mistyped digit here saves an editor from publishing a wrong
registry link. Sweden uses a Luhn check digit, Denmark's CVR a weighted modulus-11 sum."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def luhn_ok(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return total % 10 == 0


def normalise_org_number(country, raw):
    """Return the canonical form (SE: NNNNNN-NNNN, DK: NNNNNNNN) or raise ValidationError."""
    value = (raw or "").strip()
    if not value:
        return ""
    digits = re.sub(r"[\s-]", "", value)
    if country == "SE":
        if len(digits) == 12 and digits[:2] in {"16", "19", "20"}:
            digits = digits[2:]
        if not re.fullmatch(r"\d{10}", digits):
            raise ValidationError(
                _("A Swedish organisation number has 10 digits, e.g. 802456-7890.")
            )
        if not luhn_ok(digits):
            raise ValidationError(_("This Swedish organisation number has a wrong check digit."))
        return f"{digits[:6]}-{digits[6:]}"
    if country == "DK":
        if not re.fullmatch(r"\d{8}", digits):
            raise ValidationError(_("A Danish CVR number has 8 digits, e.g. 29403473."))
        if sum(int(d) * w for d, w in zip(digits, CVR_WEIGHTS, strict=True)) % 11 != 0:
            raise ValidationError(_("This Danish CVR number has a wrong check digit."))
        return digits
    if not re.fullmatch(r"[A-Za-z0-9 ./-]{2,30}", value):
        raise ValidationError(_("Use letters, digits, spaces, dots, slashes or hyphens."))
    return value
