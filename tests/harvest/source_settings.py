"""The source site's settings: the test settings with one cache for its web server and its
`manage.py` processes, as a deployed site shares Redis between them. With a cache per process,
a change made by `manage.py shell` would move the content version only in that process, and the
server would go on answering from what it kept for the old version."""

import os

from cms.settings.test import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["BYGD_TEST_SOURCE_CACHE"],
    }
}
