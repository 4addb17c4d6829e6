"""Local development: debug on, a throwaway key, console e-mail, SQLite under var/."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
INTERNAL_IPS = ["127.0.0.1"]
VAR_DIR.mkdir(exist_ok=True)
STATIC_ROOT = None  # WhiteNoise serves from the finders; collectstatic is for production
WHITENOISE_USE_FINDERS = True
