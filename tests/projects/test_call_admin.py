"""Editors manage calls in the Wagtail admin, and translations keep the facts identical."""

import datetime

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from apps.core.localize import sync, translate
from apps.projects.models import FundingCallIndexPage, FundingCallPage
from cms.models import HomePage
from tests.projects.conftest import make_call


class CallPageTypeTests(WagtailPageTestCase):
    def test_calls_live_under_one_index_per_home_page(self):
        self.assertAllowedParentPageTypes(FundingCallIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(FundingCallIndexPage, {FundingCallPage})
        self.assertAllowedSubpageTypes(FundingCallPage, set())
        self.assertEqual(FundingCallIndexPage.max_count_per_parent, 1)
        self.assertCanNotCreateAt(Page, FundingCallPage)


@pytest.mark.django_db
def test_admin_add_and_edit_forms_render(client, call_index, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    add = client.get(f"/admin/pages/add/projects/fundingcallpage/{call_index.pk}/")
    assert add.status_code == 200
    assert "Sista ansökningsdagar" in add.text  # the cut-off rows
    call = make_call(call_index, title="Idéslanten", form_fields=[("E-post", "email", True)])
    assert client.get(f"/admin/pages/{call.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_translations_share_the_facts_and_the_form_keys(call_index, en, themes, leader_alh):
    call = make_call(
        call_index,
        title="Idéslanten",
        max_grant=15000,
        grant_basis="per ort och år",
        themes=[themes["culture"]],
        places=["leader-alh"],
        applicants=["association"],
        deadlines=[(datetime.date(2026, 12, 1),)],
        intake="cutoffs",
        closes_date=None,
        form_fields=[("Förening", "singleline", True)],
    )
    english = translate(
        call, en, {"per ort och år": "per place and year", "Förening": "Association"}
    )
    assert english.grant_basis == "per place and year"
    assert english.max_grant == call.max_grant
    assert english.identifier == call.identifier
    assert english.closes_at == call.closes_at
    assert [row.place_id for row in english.places.all()] == [leader_alh.pk]
    (field,) = english.form_fields.all()
    assert (field.label, field.clean_name) == ("Association", "forening")

    call.max_grant = 20000
    call.save_revision().publish()
    (english,) = sync(call)
    assert english.max_grant == 20000
