"""The error summary at the top of every portal form: after a failed submission a volunteer
(and a screen reader, through role="alert") first learns what is wrong and jumps to each field
with a link, instead of scrolling a long form for red text."""

from django.forms.forms import NON_FIELD_ERRORS


class ErrorSummaryMixin:
    def error_summary(self):
        """[(element id or None, field label, message)] in the form's field order; the id is the
        field's own, or its first box for checkboxes and radio buttons, which have no element
        of the field's id to jump to."""
        items = [(None, "", message) for message in self.errors.get(NON_FIELD_ERRORS, [])]
        for bound in self:
            if not bound.errors:
                continue
            target = bound.id_for_label or (f"{bound.auto_id}_0" if bound.auto_id else None)
            items.extend((target, bound.label, message) for message in bound.errors)
        return items
