import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from apps.core.http_cache_wsgi import CachedAnswers  # noqa: E402 - needs the apps loaded

# Cached API and feed answers are served before Django's handler (apps.core.http_cache_wsgi).
application = CachedAnswers(application)
