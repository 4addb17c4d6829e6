import io

import pytest
from django.core.management import call_command

from apps.network.models import Organisation
from apps.portal.models import OrganiserAccount

pytestmark = pytest.mark.django_db


def test_demo_has_one_verified_organiser_per_organisation_and_logins_print_only_in_debug(
    settings, tmp_path
):
    settings.BYGD_PORTAL_DEMO_PASSWORD_FILE = tmp_path / "organiser-password.txt"
    call_command("load_demo", stdout=io.StringIO())
    organisations = Organisation.objects.filter(locale__language_code="sv")
    accounts = OrganiserAccount.objects.filter(user__username__startswith="arrangor+")
    assert accounts.count() == organisations.count() > 0
    assert all(account.can_submit for account in accounts)
    password = (tmp_path / "organiser-password.txt").read_text().strip()

    settings.DEBUG = False
    out = io.StringIO()
    call_command("organiser_logins", stdout=out)
    assert password not in out.getvalue()
    settings.DEBUG = True
    out = io.StringIO()
    call_command("organiser_logins", stdout=out)
    assert password in out.getvalue()
    assert accounts.first().user.check_password(password)
