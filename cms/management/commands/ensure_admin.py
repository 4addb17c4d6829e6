"""Create the first admin account for a local site, and say how to log in."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the 'admin' superuser if missing (password from BYGD_ADMIN_PASSWORD or generated)."
    )

    def handle(self, *args, **options):
        user_model = get_user_model()
        password_file = settings.VAR_DIR / "admin-password.txt"
        wanted = settings.BYGD_ADMIN_PASSWORD
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None:
            password = wanted or secrets.token_urlsafe(12)
            user_model.objects.create_superuser(USERNAME, "admin@bygd.example", password)
            if not wanted:
                password_file.parent.mkdir(parents=True, exist_ok=True)
                password_file.write_text(password + "\n")
                password_file.chmod(0o600)
            self.stdout.write(f"created admin user '{USERNAME}' with password: {password}")
            return
        if wanted and not user.check_password(wanted):
            user.set_password(wanted)
            user.save(update_fields=["password"])
            self.stdout.write(f"admin user '{USERNAME}': password set from BYGD_ADMIN_PASSWORD")
        elif wanted:
            self.stdout.write(f"admin user '{USERNAME}': password from BYGD_ADMIN_PASSWORD")
        elif password_file.exists():
            self.stdout.write(
                f"admin user '{USERNAME}' with password: {password_file.read_text().strip()}"
            )
        else:
            self.stdout.write(
                f"admin user '{USERNAME}' exists; set BYGD_ADMIN_PASSWORD to reset its password"
            )
