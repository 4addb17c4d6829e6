from django.db import migrations


def load(apps, schema_editor):
    from apps.network.places_data import load_places

    load_places(apps.get_model("network", "Place"))


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
