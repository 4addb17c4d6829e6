"""Parse BYGD_LANGUAGES so that a typo stops the site at start-up instead of at the first request."""

from django.core.exceptions import ImproperlyConfigured

SUPPORTED_LANGUAGES = {
    "sv": "Svenska",
    "en": "English",
    "da": "Dansk",
    "nb": "Norsk bokmål",
    "nn": "Norsk nynorsk",
    "fi": "Suomi",
    "is": "Íslenska",
}

DEFAULT_LANGUAGES = "sv,en"


def parse_languages(raw):
    """Return [(code, native name), …] in the configured order; the first is the site default."""
    codes = [part.strip().lower() for part in (raw or "").split(",") if part.strip()]
    if not codes:
        raise ImproperlyConfigured(
            "BYGD_LANGUAGES is empty: give a comma-separated list such as 'sv,en'."
        )
    unknown = [code for code in codes if code not in SUPPORTED_LANGUAGES]
    if unknown:
        raise ImproperlyConfigured(
            "BYGD_LANGUAGES contains unsupported language code(s) {}; valid codes are {}.".format(
                ", ".join(repr(code) for code in unknown), ", ".join(SUPPORTED_LANGUAGES)
            )
        )
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise ImproperlyConfigured(
            "BYGD_LANGUAGES lists {} more than once.".format(", ".join(duplicates))
        )
    return [(code, SUPPORTED_LANGUAGES[code]) for code in codes]
