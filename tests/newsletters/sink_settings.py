"""Settings for ``send_due_newsletters`` run as a separate process by the crash test: the test
settings, mail through the test's SMTP sink, retries without waiting and a one-second claim."""

import os

from cms.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["BYGD_TEST_SMTP_PORT"])
EMAIL_TIMEOUT = 5
BYGD_NEWSLETTER_BATCH_SIZE = 7
BYGD_NEWSLETTER_RETRY_DELAY = 0
BYGD_NEWSLETTER_CLAIM_TIMEOUT = 1
BYGD_NEWSLETTER_MAX_ATTEMPTS = 50
