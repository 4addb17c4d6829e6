"""The portal's "Moved dates": a small formset beside the event form, one row per date of the
series held at another time or venue. Plain inputs and a fixed number of empty rows, so it
works without JavaScript (save, and the next edit offers another empty row).

The rows are checked against the schedule submitted in the same request with the calendar's
own rules (``apps.events.moves``), so the portal and the admin refuse the same moves. A POST
without this formset's management form (a client that predates it) leaves the moves as they
are instead of failing."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.demo import source_locale
from apps.events.models import EventMovedDate, Venue
from apps.events.moves import move_errors

PREFIX = "moved"
MAX_MOVES = 30
# Which form field shows an error the calendar's check names by model field.
FORM_FIELDS = {"date": "date", "start_date": "new_start", "start_time": "new_start"}


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock date and time in the event's own zone, kept naive: the browser's
    datetime-local input sends exactly that, and the site's zone must not shift it."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        try:
            return datetime.datetime.fromisoformat(str(value).strip().replace(" ", "T"))
        except ValueError:
            raise ValidationError(
                _("Enter a date and time such as 2027-03-16 19:00."), code="invalid"
            ) from None


class MovedDateForm(forms.Form):
    date = forms.DateField(
        label=_("Original date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The date of the series that moves."),
    )
    new_start = LocalDateTimeField(label=_("New start"), required=False)
    new_end = LocalDateTimeField(
        label=_("New end"), required=False, help_text=_("Leave empty to keep the usual length.")
    )
    venue = forms.ModelChoiceField(
        label=_("Other venue"),
        queryset=Venue.objects.none(),
        required=False,
        empty_label=_("— the event's venue —"),
    )
    note = forms.CharField(label=_("Note for visitors"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = Venue.objects.filter(locale=source_locale())

    def clean(self):
        data = super().clean()
        start, end = data.get("new_start"), data.get("new_end")
        if not self.errors and not (start or end or data.get("venue")):
            raise ValidationError(_("Give a new start or another venue."))
        if start and end and end < start:
            self.add_error("new_end", _("The new end cannot be before the new start."))
        return data

    def to_row(self, all_day=False):
        """The EventMovedDate this row stands for (unsaved)."""
        data = self.cleaned_data
        start, end = data.get("new_start"), data.get("new_end")
        return EventMovedDate(
            date=data["date"],
            start_date=start.date() if start else None,
            start_time=start.time() if start and not all_day else None,
            end_date=end.date() if end else None,
            end_time=end.time() if end and not all_day else None,
            venue=data.get("venue"),
            note=data.get("note", ""),
        )


class BaseMovedDateFormSet(forms.BaseFormSet):
    def __init__(self, data=None, *args, event_form=None, **kwargs):
        self.absent = data is not None and f"{PREFIX}-TOTAL_FORMS" not in data
        super().__init__(None if self.absent else data, *args, prefix=PREFIX, **kwargs)
        self.event_form = event_form

    def is_valid(self):
        return self.absent or super().is_valid()

    def kept_forms(self):
        """Rows to keep: every stored row not ticked for removal, and new rows filled in."""
        return [
            form
            for number, form in enumerate(self.forms)
            if (number < self.initial_form_count() or form.has_changed())
            and not self._should_delete_form(form)
        ]

    def clean(self):
        """Check the rows against the series as submitted, once the event form is valid."""
        if any(self.errors) or self.event_form is None or not self.event_form.is_valid():
            return
        from apps.portal.content import new_page

        data = self.event_form.cleaned_data
        page = new_page(data, self.event_form.texts(), None, None)
        forms_kept = self.kept_forms()
        rows = [form.to_row(page.all_day) for form in forms_kept]
        extra, excluded = data.get("extra_dates", []), data.get("excluded_dates", [])
        for index, field, message in move_errors(page, extra, excluded, rows):
            forms_kept[index].add_error(FORM_FIELDS.get(field, "new_end"), message)

    def moves(self):
        """The rows to store, or None to leave the event's moves as they are."""
        if self.absent or not self.is_bound:
            return None
        all_day = bool(self.event_form and self.event_form.cleaned_data.get("all_day"))
        return [form.to_row(all_day) for form in self.kept_forms()]


MovedDateFormSet = forms.formset_factory(
    MovedDateForm,
    formset=BaseMovedDateFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_MOVES,
    validate_max=True,
)


def initial_moves(page):
    """Form rows for an event's moves, with the series' time filled in where the move keeps it."""
    rows = []
    for move in page.moved_dates.all():
        day = move.start_date or move.date
        start_time = move.start_time or page.start_time or datetime.time(0)
        end = None
        if move.end_time or move.end_date:
            end_time = move.end_time or page.end_time or start_time
            end = datetime.datetime.combine(move.end_date or day, end_time)
        rows.append(
            {
                "date": move.date,
                "new_start": datetime.datetime.combine(day, start_time)
                if move.start_date or move.start_time
                else None,
                "new_end": end,
                "venue": move.venue_id,
                "note": move.note,
            }
        )
    return rows
