"""Wagtail API v2 fields for FundingCallPage: facts as stable codes (slugs, identifiers, choice
values) and date-times with the call's own UTC offset, as in /api/calls/."""

from rest_framework import serializers
from wagtail.api import APIField

from apps.projects.api_fields import _Organisation, _RelatedRows, _Status, place_rows, theme_rows


class _LocalMoment(serializers.Field):
    def __init__(self, attribute, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        self.attribute = attribute
        super().__init__(**kwargs)

    def to_representation(self, call):
        moment = call.local(getattr(call, self.attribute))
        return moment.isoformat() if moment else None


class _Deadlines(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, call):
        return [call.local(moment).isoformat() for moment in call.deadline_instants()]


class _Programme(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, programme):
        return {"slug": programme.slug, "name": programme.name} if programme else None


def call_api_fields():
    return [
        APIField("identifier"),
        APIField("summary"),
        APIField("body"),
        APIField("status", serializer=_Status()),
        APIField("paused"),
        APIField("intake"),
        APIField("time_zone"),
        APIField("opens", serializer=_LocalMoment("opens_at")),
        APIField("closes", serializer=_LocalMoment("closes_at")),
        APIField("deadlines", serializer=_Deadlines()),
        APIField("decision_date"),
        APIField("funder", serializer=_Organisation()),
        APIField("programme", serializer=_Programme()),
        APIField("budget"),
        APIField("min_grant"),
        APIField("max_grant"),
        APIField("grant_basis"),
        APIField("max_rate"),
        APIField("currency"),
        APIField("eligible_applicants", serializer=_RelatedRows(lambda row, lang: row.kind)),
        place_rows(),
        theme_rows(),
        APIField("criteria"),
        APIField("required_contents"),
        APIField("eligible_costs"),
        APIField("ineligible_costs"),
        APIField("application_method"),
        APIField("application_email"),
        APIField("application_url"),
        APIField("listing_summary"),
    ]
