from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    """Existing venues get a slug from their name, shared by the translations of one venue and
    numbered where two venues have the same name."""
    Venue = apps.get_model("events", "Venue")
    taken = {}
    for venue in Venue.objects.order_by("pk"):
        slug = taken.get(venue.translation_key)
        if slug is None:
            base = slugify(venue.name)[:70] or "venue"
            slug, number = base, 1
            while slug in taken.values():
                number += 1
                slug = f"{base}-{number}"
            taken[venue.translation_key] = slug
        venue.slug = slug
        venue.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_portal_moved_out"),
    ]

    operations = [
        migrations.AddField(
            model_name="venue",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text=(
                    "The venue's address on the site and its value in calendar filters. "
                    "Left empty, it is made from the name."
                ),
                max_length=80,
                verbose_name="slug",
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
    ]
