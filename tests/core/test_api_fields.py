"""The building blocks every domain endpoint shares: the ISO 8601 date filter field, the boolean
filter field and the reference shape of linked objects."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django import forms
from rest_framework import serializers

from apps.core.api.fields import ReferenceSerializer
from apps.core.api.filters import AS_GIVEN, DATES, BooleanParamField, IsoDateTimeField

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2027-03-01", datetime.datetime(2027, 3, 1, tzinfo=STOCKHOLM)),
        ("2027-03-01T10:00:00+01:00", datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC)),
        ("2027-03-01T10:00:00Z", datetime.datetime(2027, 3, 1, 10, tzinfo=datetime.UTC)),
        ("2027-07-01T10:00", datetime.datetime(2027, 7, 1, 10, tzinfo=STOCKHOLM)),
        (" 2027-03-01 ", datetime.datetime(2027, 3, 1, tzinfo=STOCKHOLM)),
        ("", None),
    ],
)
def test_dates_and_date_times_become_aware_moments(raw, expected):
    value = IsoDateTimeField(required=False).clean(raw)
    assert value == expected
    assert value is None or value.tzinfo is not None


def test_day_and_either_resolutions():
    assert IsoDateTimeField(resolution=DATES).clean("2027-03-01T23:30:00+00:00") == (
        datetime.date(2027, 3, 2)  # already the 2nd in Stockholm
    )
    assert IsoDateTimeField(resolution=DATES).clean("2027-03-01") == datetime.date(2027, 3, 1)
    either = IsoDateTimeField(resolution=AS_GIVEN)
    assert either.clean("2027-03-01") == datetime.date(2027, 3, 1)
    assert either.clean("2027-03-01T10:00") == datetime.datetime(2027, 3, 1, 10, tzinfo=STOCKHOLM)


@pytest.mark.parametrize(
    "raw",
    [
        "yesterday",
        "2027-02-30",
        "2027-03-01T25:00",
        "9999-12-31",
        "9999-12-31T23:59:59-14:00",
        "0001-01-01T00:00:00+14:00",
        "1899-12-31",
        "2027-03-01\x00",
        "2027-03-01T10:00:00+01:00" + "0" * 50,
    ],
)
def test_impossible_or_out_of_range_dates_are_validation_errors(raw):
    with pytest.raises(forms.ValidationError):
        IsoDateTimeField().clean(raw)


def test_boolean_field_refuses_what_is_not_a_boolean():
    field = BooleanParamField(required=False)
    assert [field.clean(raw) for raw in ("true", "1", "no", "OFF", "")] == [
        True,
        True,
        False,
        False,
        None,
    ]
    with pytest.raises(forms.ValidationError):
        field.clean("maybe")


class RoleReference(ReferenceSerializer):
    role = serializers.CharField()


class Holder(serializers.Serializer):
    owner = ReferenceSerializer(allow_null=True)
    places = ReferenceSerializer(
        many=True,
        value="place.code",
        name=lambda row, field: row.place.names[field.context["language"]],
    )
    partners = RoleReference(many=True, value="organisation.slug", name="organisation.name")
    project = ReferenceSerializer(
        source="*", value="project_code", name="project_title", allow_null=True
    )


def test_reference_shape_reads_paths_callables_and_extra_fields():
    organisation = SimpleNamespace(slug="alh", name="ALH")
    holder = SimpleNamespace(
        owner=None,
        places=[SimpleNamespace(place=SimpleNamespace(code="SE-08", names={"en": "Kalmar"}))],
        partners=[SimpleNamespace(organisation=organisation, role="lead")],
        project_code=None,
        project_title=None,
    )
    data = Holder(holder, context={"language": "en"}).data
    assert data == {
        "owner": None,
        "places": [{"value": "SE-08", "name": "Kalmar"}],
        "partners": [{"value": "alh", "name": "ALH", "role": "lead"}],
        "project": None,
    }
    holder.owner, holder.project_code, holder.project_title = organisation, "P-1", "Projekt"
    data = Holder(holder, context={"language": "en"}).data
    assert data["owner"] == {"value": "alh", "name": "ALH"}
    assert data["project"] == {"value": "P-1", "name": "Projekt"}
