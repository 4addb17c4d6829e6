"""The event editor's form. A moved date must be one of the series' dates, and which dates
those are depends on the schedule, extra and left-out dates submitted in the same form, which
only the page form sees together; so the check runs here, once every part is valid, and puts
its message on the moved date's own row."""

from wagtail.admin.forms import WagtailAdminPageForm

from apps.events.moves import move_errors


def _kept(formset):
    """The instances of a formset's rows that are neither deleted nor left empty."""
    return [
        form.instance
        for form in formset.forms
        if form.has_changed() and not form.cleaned_data.get("DELETE")
    ]


class EventPageForm(WagtailAdminPageForm):
    def is_valid(self):
        valid = super().is_valid()
        moved = self.formsets.get("moved_dates")
        if not valid or moved is None:
            return valid
        forms = [
            form
            for form in moved.forms
            if form.has_changed() and not form.cleaned_data.get("DELETE")
        ]
        extra = [row.date for row in _kept(self.formsets["extra_dates"])]
        excluded = [row.date for row in _kept(self.formsets["excluded_dates"])]
        errors = move_errors(self.instance, extra, excluded, [form.instance for form in forms])
        for index, field, message in errors:
            forms[index].add_error(field, message)
        return not errors
