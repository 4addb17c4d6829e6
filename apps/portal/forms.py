"""Portal forms. The event form offers the calendar's own model fields (their labels, choices
and validators come from EventPage) plus one block of text fields per content language, and
runs the page's own validation so the portal and the admin refuse the same things."""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from apps.core.demo import source_locale
from apps.events.models import EventCategory, EventPage, Venue
from apps.events.models.schedule import WEEKDAYS
from apps.network.models import Organisation, OrganisationKind, Place
from apps.portal import conf
from apps.portal.content import FACT_FIELDS, TEXT_FIELDS, languages

MAX_LISTED_DATES = 60


def normalise_email(value):
    return (value or "").strip().lower()


class SignupForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation you post events for"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— not in the list —"),
    )
    new_organisation = forms.CharField(
        label=_("Or propose a new organisation"),
        max_length=200,
        required=False,
        help_text=_("A moderator confirms new organisations before you can submit events."),
    )
    new_organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=OrganisationKind.choices,
        required=False,
        initial=OrganisationKind.ASSOCIATION,
    )
    new_organisation_municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Place.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            locale=source_locale()
        ).order_by("name")
        self.fields[
            "new_organisation_municipality"
        ].queryset = Place.objects.municipalities().order_by("name")

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        elif data.get("password1"):
            user = get_user_model()(username=data.get("email", ""), email=data.get("email", ""))
            user.first_name = data.get("name", "")
            try:
                password_validation.validate_password(data["password1"], user)
            except ValidationError as error:
                self.add_error("password1", error)
        if not data.get("organisation") and not data.get("new_organisation"):
            self.add_error(
                "organisation", _("Choose your organisation, or propose a new one below.")
            )
        if data.get("organisation") and data.get("new_organisation"):
            self.add_error(
                "new_organisation", _("Either choose an organisation or propose a new one.")
            )
        return data


class LoginForm(AuthenticationForm):
    """Same message for an unknown address, a wrong password and a non-organiser account."""

    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean_username(self):
        return normalise_email(self.cleaned_data["username"])

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not hasattr(user, "organiser_account"):
            raise self.get_invalid_login_error()


class OrganiserPasswordResetForm(PasswordResetForm):
    """Only organiser accounts are reset here; an unknown address gets an e-mail saying so, so
    the mailbox sees one e-mail either way and the page never differs."""

    def get_users(self, email):
        users = super().get_users(email)
        return (user for user in users if hasattr(user, "organiser_account"))

    def save(self, *args, **kwargs):
        email = self.cleaned_data["email"]
        if not any(True for _user in self.get_users(email)):
            from apps.portal.emails import send_no_account

            send_no_account(email, get_language() or settings.LANGUAGE_CODE)
            return
        super().save(*args, **kwargs)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of your colleague"), max_length=150)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class DateListField(forms.CharField):
    """Dates one per line (2027-03-14), for extra and left-out dates without JavaScript."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        value = super().to_python(value)
        days = []
        for line in value.replace(",", "\n").splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                days.append(datetime.date.fromisoformat(line))
            except ValueError:
                raise ValidationError(
                    _("“%(value)s” is not a date such as 2027-03-14."),
                    params={"value": line},
                ) from None
        if len(days) > MAX_LISTED_DATES:
            raise ValidationError(_("At most %(count)s dates."), params={"count": MAX_LISTED_DATES})
        return sorted(set(days))


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


class EventForm(forms.Form):
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
    new_venue_municipality = forms.ModelChoiceField(
        label=_("Municipality of the new venue"), queryset=Place.objects.none(), required=False
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
    image = WagtailImageField(label=_("Image"), required=False)
    image_description = forms.CharField(
        label=_("Image description"),
        max_length=255,
        required=False,
        help_text=_("What the image shows, for people who cannot see it."),
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
        sv = source_locale()
        self.fields["categories"].queryset = EventCategory.objects.filter(locale=sv)
        self.fields["venue"].queryset = Venue.objects.filter(locale=sv).select_related(
            "municipality"
        )
        self.fields["new_venue_municipality"].queryset = Place.objects.municipalities().order_by(
            "name"
        )
        if not has_image:
            del self.fields["remove_image"]

    def language_blocks(self):
        """Bound fields grouped per language, for the template."""
        return [
            (language_name(code), [self[f"{name}_{code}"] for name in TEXT_FIELDS])
            for code in languages()
        ]

    def texts(self):
        data = self.cleaned_data
        result = {}
        for code in languages():
            values = {name: (data.get(f"{name}_{code}") or "").strip() for name in TEXT_FIELDS}
            if any(values.values()):
                result[code] = values
        return result

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        limit = conf.image_max_bytes()
        if upload and upload.size > limit:
            raise ValidationError(
                _("The image is too large (%(size)s); the limit is %(limit)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit),
                }
            )
        return upload

    def clean(self):
        data = super().clean()
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


class CancelEventForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, cancel the whole event"))


class CancelOccurrenceForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("Note for visitors"),
        max_length=200,
        required=False,
        help_text=_("For example why, or where to find a new date."),
    )
