"""Settings of apps.portal, with their defaults; code reads them only through the functions below.

| setting | default | meaning |
|---|---|---|
| `BYGD_PORTAL_RATE_WINDOW` | `900` | seconds in which sign-up, password-reset and verification-mail attempts are counted (failed logins: apps.core's `BYGD_LOGIN_*`) |
| `BYGD_PORTAL_ATTEMPTS_PER_IP` | `30` | attempts per client address and window before 429 |
| `BYGD_PORTAL_ATTEMPTS_PER_ACCOUNT` | `5` | attempts per e-mail address (from any client address) and window before 429 |
| `BYGD_PORTAL_VERIFY_DAYS` | `3` | days an e-mail verification link works |
| `BYGD_PORTAL_INVITATION_DAYS` | `14` | days a colleague invitation link works |
| `BYGD_PORTAL_IMAGE_MAX_BYTES` | `5242880` | largest event image an organiser may upload (Wagtail's `WAGTAILIMAGES_MAX_UPLOAD_SIZE` still applies: the form states and enforces the smaller of the two) |
| `BYGD_PORTAL_REGION` | `""` | identifier of the calendar's region (a network place of kind region, e.g. `SE-08` for Kalmar län): its municipalities and venues come first in the event and sign-up forms' pickers; empty lists every municipality by name |
| `BYGD_PORTAL_FEED_TIMEOUT` | `20` | seconds a subscribed calendar feed may take to answer |
| `BYGD_PORTAL_FEED_MAX_BYTES` | `10485760` | largest subscribed calendar feed fetched; a larger one is recorded as an error |
| `BYGD_PORTAL_FEED_ALLOW_PRIVATE` | `False` | let feed subscriptions fetch from loopback and private-network addresses (tests, intranets); off, so organisers cannot make the server probe its own network |
| `BYGD_PORTAL_DEMO_PASSWORD_FILE` | `organiser-password.txt` next to `MEDIA_ROOT` | where the demo loader keeps the demo organisers' shared password |
"""

from apps.core.app_settings import Setting, beside_media_root, true_or_false, whole_number


def place_identifier(value):
    if not isinstance(value, str):
        return "must be a place identifier such as SE-08, or empty"
    return None


rate_window = Setting("BYGD_PORTAL_RATE_WINDOW", 900, whole_number(1))
attempts_per_ip = Setting("BYGD_PORTAL_ATTEMPTS_PER_IP", 30, whole_number(1))
attempts_per_account = Setting("BYGD_PORTAL_ATTEMPTS_PER_ACCOUNT", 5, whole_number(1))
verify_days = Setting("BYGD_PORTAL_VERIFY_DAYS", 3, whole_number(1))
invitation_days = Setting("BYGD_PORTAL_INVITATION_DAYS", 14, whole_number(1))
image_max_bytes = Setting("BYGD_PORTAL_IMAGE_MAX_BYTES", 5 * 1024**2, whole_number(1))
region = Setting("BYGD_PORTAL_REGION", "", place_identifier)
# No rule: only the demo loader uses it, and a site without MEDIA_ROOT need not set it.
demo_password_file = Setting(
    "BYGD_PORTAL_DEMO_PASSWORD_FILE",
    lambda: beside_media_root("organiser-password.txt", "BYGD_PORTAL_DEMO_PASSWORD_FILE"),
)
feed_timeout = Setting("BYGD_PORTAL_FEED_TIMEOUT", 20, whole_number(1))
feed_max_bytes = Setting("BYGD_PORTAL_FEED_MAX_BYTES", 10 * 1024**2, whole_number(1))
feed_allow_private = Setting("BYGD_PORTAL_FEED_ALLOW_PRIVATE", False, true_or_false)
