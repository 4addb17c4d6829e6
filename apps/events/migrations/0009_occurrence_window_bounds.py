import datetime

from django.db import migrations, models
from django.db.models import DurationField, ExpressionWrapper, F, Max


def fill(apps, schema_editor):
    """Every series' longest stored occurrence, so window queries are bounded from the start."""
    EventOccurrence = apps.get_model("events", "EventOccurrence")
    EventSeries = apps.get_model("events", "EventSeries")
    length = ExpressionWrapper(F("end") - F("start"), output_field=DurationField())
    spans = (
        EventOccurrence.objects.order_by()
        .values_list("series_id")
        .annotate(longest=Max(length))
        .values_list("series_id", "longest")
    )
    changed = [
        EventSeries(pk=series_id, longest_occurrence=longest)
        for series_id, longest in spans
        if longest and longest > datetime.timedelta(0)
    ]
    EventSeries.objects.bulk_update(changed, ["longest_occurrence"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_event_featured"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventseries",
            name="longest_occurrence",
            field=models.DurationField(
                db_index=True,
                default=datetime.timedelta(0),
                help_text="The longest of its stored occurrences, removed ones included.",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="eventoccurrence",
            index=models.Index(
                condition=models.Q(("status", "removed"), _negated=True),
                fields=["start", "series", "key", "end", "status", "event", "venue"],
                name="occurrence_visible_window",
            ),
        ),
    ]
