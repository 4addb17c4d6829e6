"""Pickers for places, with the calendar's own region first (``BYGD_PORTAL_REGION``): a
volunteer in Kalmar län should not scroll past 380 municipalities to find theirs, yet a venue
just across the border must still be possible. The municipality is a text box with the
browser's own suggestion list (``<datalist>``), which filters as one types, works with the
keyboard and screen readers and needs no script."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from apps.network.models import Place, PlaceKind
from apps.portal import conf


def home_region():
    identifier = conf.region()
    if not identifier:
        return None
    return Place.objects.filter(kind=PlaceKind.REGION, identifier=identifier).first()


def region_first(queryset, path, region):
    """``queryset`` with the rows whose ``path`` is ``region`` first."""
    if region is None:
        return queryset.annotate(outside=Value(0, output_field=IntegerField()))
    return queryset.annotate(
        outside=Case(When(**{path: region}, then=0), default=1, output_field=IntegerField())
    )


def municipalities():
    region = home_region()
    places = region_first(Place.objects.municipalities(), "parent", region)
    return places.order_by("outside", "name")


class MunicipalityInput(forms.TextInput):
    """A text box with the municipalities as suggestions, the region's first."""

    template_name = "portal/widgets/municipality.html"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id') or name}_options"
        widget["attrs"]["list"] = widget["list_id"]
        widget["options"] = list(municipalities().values_list("name", flat=True))
        return context

    def format_value(self, value):
        if isinstance(value, Place):
            return value.name
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            place = Place.objects.filter(pk=value).first()
            return place.name if place else value
        return super().format_value(value)


class MunicipalityField(forms.Field):
    """Takes a municipality's name (any case) or identifier; a name that also exists outside
    the calendar's region means the region's."""

    widget = MunicipalityInput
    default_error_messages = {
        "unknown": _("“%(value)s” is not a municipality we know. Pick one from the suggestions."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Start typing and pick from the list; the region's municipalities come first."),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, Place):
            return value
        value = (value or "").strip()
        if not value:
            return None
        place = municipalities().filter(Q(name__iexact=value) | Q(identifier__iexact=value)).first()
        if place is None:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": value}
            )
        return place

    def has_changed(self, initial, data):
        return self.widget.format_value(initial) != (data or "")


def venue_choices(queryset, empty_label):
    """Venues in the region first, then the others, as groups of a select."""
    region = home_region()
    venues = list(
        region_first(queryset, "municipality__parent", region).order_by("outside", "name")
    )
    choices = [("", empty_label)]
    if region is None:
        return choices + [(venue.pk, str(venue)) for venue in venues]
    inside = [(venue.pk, str(venue)) for venue in venues if venue.outside == 0]
    outside = [(venue.pk, str(venue)) for venue in venues if venue.outside == 1]
    if inside:
        choices.append((region.label(), inside))
    if outside:
        choices.append((_("Other places"), outside))
    return choices
