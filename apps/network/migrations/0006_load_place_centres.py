from django.db import migrations


def load(apps, schema_editor):
    from apps.network.places_data import load_centres

    load_centres(apps.get_model("network", "Place"))


class Migration(migrations.Migration):
    dependencies = [("network", "0005_place_coordinates")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
