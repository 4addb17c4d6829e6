"""The one signup form. The HTML form and the API both validate through it (see signup.py),
so neither path can accept what the other would reject."""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from apps.newsletters.models import ConsentText, NewsletterList

HONEYPOT_FIELD = "website"


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    lists = forms.ModelMultipleChoiceField(
        label=_("Newsletters"),
        queryset=NewsletterList.objects.none(),
        to_field_name="slug",
        error_messages={"invalid_choice": _("%(value)s is not a newsletter list.")},
    )
    language = forms.ChoiceField(label=_("Language"), choices=())
    consent = forms.BooleanField(
        label=_("I agree"),
        error_messages={"required": _("Please agree to the consent text to subscribe.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = NewsletterList.objects.originals()
        self.fields["language"].choices = list(settings.LANGUAGES)


def signup_form_context(request, newsletter_lists):
    """Context for rendering the signup form for ``newsletter_lists`` in the active language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "signup_action": reverse("newsletter-signup"),
        "signup_lists": [item for item in newsletter_lists if item is not None],
        "signup_language": language,
        "consent_text": ConsentText.objects.current(language),
        "signup_source": request.path if request is not None else "",
        "honeypot_field": HONEYPOT_FIELD,
    }
