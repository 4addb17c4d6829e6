"""The event editor's POST data, as Wagtail's admin sends it: one helper for every test that
saves an event page through the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def event_admin_form(organiser, venue, categories=(), moves=(), weekdays=(), **overrides):
    data = {
        "title": "Stickcafé",
        "slug": "stickcafe",
        "summary": "Vi stickar.",
        "body": streamfield([]),
        "organiser": organiser.pk,
        "venue": venue.pk,
        "attendance_mode": "offline",
        "audience": "all",
        "is_free": "on",
        "price_currency": "SEK",
        "event_language": "sv",
        "status": "scheduled",
        "time_zone": "Europe/Stockholm",
        "start_date": "2027-03-02",
        "start_time": "18:00",
        "end_time": "20:00",
        "frequency": "weekly",
        "interval": "1",
        "monthly_by": "date",
        "ends": "after",
        "count": "4",
        "categories": inline_formset([{"category": c.pk} for c in categories]),
        "extra_dates": inline_formset([]),
        "excluded_dates": inline_formset([]),
        "cancellations": inline_formset([]),
        "moved_dates": inline_formset(list(moves)),
        "action-publish": "publish",
    }
    data.update(overrides)
    form = nested_form_data(data)
    if weekdays:
        form["weekdays"] = list(weekdays)  # checkboxes post one value each
    return form
