"""Portal forms: the organiser's account (``accounts``), the event form (``events``) and the
fields, pickers and error summary they share."""

from apps.portal.forms.accounts import (
    InviteForm,
    LoginForm,
    OrganiserPasswordResetForm,
    SignupForm,
    normalise_email,
)
from apps.portal.forms.events import CancelEventForm, CancelOccurrenceForm, EventForm

__all__ = [
    "CancelEventForm",
    "CancelOccurrenceForm",
    "EventForm",
    "InviteForm",
    "LoginForm",
    "OrganiserPasswordResetForm",
    "SignupForm",
    "normalise_email",
]
