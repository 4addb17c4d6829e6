"""Settings of apps.projects (funding calls' application forms), with their defaults; code reads
them only through the functions below.

| setting | default | meaning |
|---|---|---|
| `BYGD_PRIVATE_MEDIA_ROOT` | `private` next to `MEDIA_ROOT` | where application attachments (personal data) are stored; must not be inside `MEDIA_ROOT` or published by the web server |
| `BYGD_CALL_ATTACHMENT_MAX_MB` | `10` | largest attachment on an application form, in megabytes |
| `BYGD_CALL_ATTACHMENT_EXTENSIONS` | pdf, docx, odt, xlsx, ods, txt, jpg, jpeg, png | file name extensions an attachment may have; the content must be of the type the extension names (read from the file by `calls/file_types.py`), or the form refuses it |
| `BYGD_CALL_APPLICATIONS_PER_HOUR` | `10` | application posts per client address and hour before the form refuses (429) |
| `BYGD_PROJECT_COUNTS_CACHE_SECONDS` | `3600` | how long the project database page keeps a query's total and facet counts in the default cache; they are keyed on the content version, so any change to public content is seen at once and this only bounds how long unused entries take room |
"""

from pathlib import Path

from django.conf import settings

from apps.core.app_settings import Setting, beside_media_root, path_like, whole_number


def _outside_media_root(value):
    problem = path_like(value)
    if problem:
        return problem
    path = Path(value).resolve()
    media = Path(settings.MEDIA_ROOT).resolve() if settings.MEDIA_ROOT else None
    if media and (path == media or media in path.parents):
        return (
            "is inside MEDIA_ROOT, which the web server may publish; attachments are personal data."
        )
    return None


def _extensions(value):
    if not isinstance(value, list | tuple) or not value:
        return 'is not a non-empty list of file name extensions such as ["pdf", "odt"].'
    if not all(isinstance(ext, str) and ext and "." not in ext for ext in value):
        return 'lists something that is not an extension without the dot, such as "pdf".'
    return None


private_media_root = Setting(
    "BYGD_PRIVATE_MEDIA_ROOT",
    lambda: beside_media_root("private", "BYGD_PRIVATE_MEDIA_ROOT"),
    _outside_media_root,
)
attachment_max_mb = Setting("BYGD_CALL_ATTACHMENT_MAX_MB", 10, whole_number(1))
attachment_extensions = Setting(
    "BYGD_CALL_ATTACHMENT_EXTENSIONS",
    ["pdf", "docx", "odt", "xlsx", "ods", "txt", "jpg", "jpeg", "png"],
    _extensions,
)
applications_per_hour = Setting("BYGD_CALL_APPLICATIONS_PER_HOUR", 10, whole_number(1))
project_counts_cache_seconds = Setting("BYGD_PROJECT_COUNTS_CACHE_SECONDS", 3600, whole_number(0))
