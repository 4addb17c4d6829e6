"""Forms of the organiser's account: sign-up, login, password reset and inviting a colleague."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.demo import source_locale
from apps.network.models import Organisation, OrganisationKind
from apps.portal.forms.errors import ErrorSummaryMixin
from apps.portal.forms.places import MunicipalityField


def normalise_email(value):
    return (value or "").strip().lower()


class SignupForm(ErrorSummaryMixin, forms.Form):
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
    new_organisation_municipality = MunicipalityField(label=_("Municipality"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            locale=source_locale()
        ).order_by("name")

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


class LoginForm(ErrorSummaryMixin, AuthenticationForm):
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


class OrganiserPasswordResetForm(ErrorSummaryMixin, PasswordResetForm):
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


class InviteForm(ErrorSummaryMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address of your colleague"), max_length=150)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
