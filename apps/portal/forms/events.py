"""The event form. It offers the calendar's own model fields (their labels, choices and
validators come from EventPage) plus one block of text fields per content language, and runs
the page's own validation so the portal and the admin refuse the same things.

Most events happen once, so "Once" is the default and the repeat rule is asked for only after
"Repeats": a script hides the repeat fields until then, and without the script they stay
visible and are ignored for an event that happens once."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.demo import source_locale
from apps.events.models import EventCategory, EventPage, Venue
from apps.events.models.schedule import NO_REPEAT, WEEKDAYS, Frequency
from apps.portal.content import FACT_FIELDS, TEXT_FIELDS, languages
from apps.portal.forms.errors import ErrorSummaryMixin
from apps.portal.forms.fields import DateListField, EventImageField
from apps.portal.forms.places import MunicipalityField, venue_choices

ONCE, REPEATS = "once", "repeats"
# What "Once" resets: the repeat rule and the listed dates that only a repeating event has.
ONE_OFF_VALUES = {**NO_REPEAT, "extra_dates": [], "excluded_dates": []}
WHEN_FIELDS = ["start_date", "start_time", "end_date", "end_time", "all_day", "time_zone"]
WHERE_FIELDS = [
    "attendance_mode",
    "venue",
    "new_venue_name",
    "new_venue_address",
    "new_venue_postcode",
    "new_venue_town",
    "new_venue_municipality",
    "online_url",
]
OTHER_FIELDS = [
    "categories",
    "audience",
    "age_min",
    "age_max",
    "event_language",
    "is_free",
    "price_amount",
    "price_currency",
    "price_text",
    "registration_url",
    "registration_deadline",
    "image",
    "image_description",
    "remove_image",
]


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


class EventForm(ErrorSummaryMixin, forms.Form):
    repeats = forms.ChoiceField(
        label=_("How often"),
        choices=[(ONCE, _("Once")), (REPEATS, _("Repeats"))],
        initial=ONCE,
        required=False,
        widget=forms.RadioSelect,
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Categories"),
        queryset=EventCategory.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    venue = forms.ModelChoiceField(
        label=_("Venue"),
        queryset=Venue.objects.none(),
        required=False,
        empty_label=_("— a new venue (fill in below) —"),
    )
    new_venue_name = forms.CharField(
        label=_("Name of the new venue"), max_length=160, required=False
    )
    new_venue_address = forms.CharField(label=_("Street address"), max_length=200, required=False)
    new_venue_postcode = forms.CharField(label=_("Postcode"), max_length=12, required=False)
    new_venue_town = forms.CharField(label=_("Town"), max_length=80, required=False)
    new_venue_municipality = MunicipalityField(
        label=_("Municipality of the new venue"), required=False
    )
    weekdays = forms.MultipleChoiceField(
        label=_("On weekdays"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For weekly repeats; none means the start date's weekday."),
    )
    extra_dates = DateListField(
        label=_("Extra dates"), required=False, help_text=_("One date per line, e.g. 2027-03-14.")
    )
    excluded_dates = DateListField(
        label=_("Dates left out"), required=False, help_text=_("One date per line.")
    )
    image_description = forms.CharField(
        label=_("Image description"),
        max_length=255,
        required=False,
        help_text=_(
            "What the image shows, for people who cannot see it; it becomes the image's "
            "alternative text."
        ),
    )
    remove_image = forms.BooleanField(label=_("Remove the current image"), required=False)

    def __init__(self, *args, original_language=None, has_image=False, **kwargs):
        self.original_language = original_language
        super().__init__(*args, **kwargs)
        for name in FACT_FIELDS:
            if name == "weekdays":
                continue
            model_field = EventPage._meta.get_field(name)
            # A callable default would add a hidden "initial-" copy of the field that nothing
            # reads, and Django gives it the error's aria-describedby, invalid on a hidden input.
            extra = {"show_hidden_initial": False}
            if name.endswith("_url"):
                extra["assume_scheme"] = "https"
            self.fields[name] = model_field.formfield(**extra)
        for name in ("start_date", "end_date", "until", "registration_deadline"):
            self.fields[name].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        for name in ("start_time", "end_time"):
            self.fields[name].widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
        self.fields["frequency"].choices = [
            (Frequency.NONE, _("Only on the extra dates below")),
            *[(value, label) for value, label in Frequency.choices if value],
        ]
        # Made per form: its help text and limit follow the settings and the active language.
        self.fields["image"] = EventImageField(label=_("Image"), required=False)
        self._add_text_fields()
        sv = source_locale()
        self.fields["categories"].queryset = EventCategory.objects.filter(locale=sv)
        venue = self.fields["venue"]
        venue.queryset = Venue.objects.filter(locale=sv).select_related("municipality")
        venue.widget.choices = venue_choices(venue.queryset, venue.empty_label)
        if not has_image:
            del self.fields["remove_image"]
        self.order_fields(self.field_order_on_page())

    def _add_text_fields(self):
        for code in languages():
            label = language_name(code)
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": label},
                max_length=255,
                required=False,
            )
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_("Summary (%(language)s)") % {"language": label},
                max_length=400,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": label},
                max_length=6000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 8}),
                help_text=_("Plain text; leave an empty line between paragraphs."),
            )

    @staticmethod
    def field_order_on_page():
        """The order of event_form.html, so the error summary lists problems top to bottom."""
        texts = [f"{name}_{code}" for code in languages() for name in TEXT_FIELDS]
        return [*texts, *WHEN_FIELDS, "repeats", *ONE_OFF_VALUES, *WHERE_FIELDS, *OTHER_FIELDS]

    def language_blocks(self):
        """Bound fields grouped per language, for the template."""
        return [
            (language_name(code), [self[f"{name}_{code}"] for name in TEXT_FIELDS])
            for code in languages()
        ]

    def when_fields(self):
        return [self[name] for name in WHEN_FIELDS]

    def repeat_fields(self):
        return [self[name] for name in ONE_OFF_VALUES]

    def texts(self):
        data = self.cleaned_data
        result = {}
        for code in languages():
            values = {name: (data.get(f"{name}_{code}") or "").strip() for name in TEXT_FIELDS}
            if any(values.values()):
                result[code] = values
        return result

    def _ignore_repeat_fields(self, data):
        """ "Once" wins over whatever the repeat fields (visible without the script) hold, even
        if it was typed wrongly."""
        for name, value in ONE_OFF_VALUES.items():
            self._errors.pop(name, None)
            data[name] = value

    def clean(self):
        data = super().clean()
        if not data.get("repeats"):
            # A client that predates the choice (no radio sent) meant what it filled in.
            asked = data.get("frequency") or data.get("extra_dates") or data.get("excluded_dates")
            data["repeats"] = REPEATS if asked else ONCE
        if data["repeats"] != REPEATS:
            self._ignore_repeat_fields(data)
        elif not data.get("frequency") and not data.get("extra_dates") and "frequency" in data:
            self.add_error(
                "frequency",
                _("Choose how often the event repeats, or list its dates under “Extra dates”."),
            )
        self._clean_texts(data)
        new_venue = data.get("venue") is None and data.get("new_venue_name")
        if new_venue and not data.get("new_venue_municipality"):
            self.add_error("new_venue_municipality", _("Choose the municipality of the new venue."))
        if data.get("image") and not (data.get("image_description") or "").strip():
            self.add_error(
                "image_description", _("Describe the image for people who cannot see it.")
            )
        if not self.errors:
            self._validate_as_page(data)
        return data

    def _clean_texts(self, data):
        wanted = [self.original_language] if self.original_language else []
        written = []
        for code in languages():
            title = (data.get(f"title_{code}") or "").strip()
            summary = (data.get(f"summary_{code}") or "").strip()
            description = (data.get(f"description_{code}") or "").strip()
            if title or summary or description or code in wanted:
                if not title:
                    self.add_error(f"title_{code}", _("Give the title in this language."))
                if not summary:
                    self.add_error(f"summary_{code}", _("Give a short summary in this language."))
                written.append(code)
        if not written:
            first = languages()[0]
            self.add_error(
                f"title_{first}", _("Write the title and summary in at least one language.")
            )

    def _validate_as_page(self, data):
        """Run the event's own rules on a throw-away page so schedule, price and place are
        checked exactly as in the admin; a venue still to be created counts as a venue."""
        from apps.portal.content import new_page

        page = new_page(data, self.texts(), None, None)
        page.venue = data.get("venue")
        try:
            page.clean_facts()
        except ValidationError as error:
            has_new_venue = page.venue is None and bool(data.get("new_venue_name"))
            for field, messages in error.message_dict.items():
                if field == "venue" and has_new_venue:
                    continue
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)


class CancelEventForm(ErrorSummaryMixin, forms.Form):
    confirm = forms.BooleanField(label=_("Yes, cancel the whole event"))


class CancelOccurrenceForm(ErrorSummaryMixin, forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("Note for visitors"),
        max_length=200,
        required=False,
        help_text=_("For example why, or where to find a new date."),
    )
