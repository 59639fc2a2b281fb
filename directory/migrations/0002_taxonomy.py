from django.db import migrations


def load_taxonomy(apps, schema_editor):
    from directory.taxonomy import load

    load(
        apps.get_model("directory", "Sector"),
        apps.get_model("directory", "Discipline"),
        apps.get_model("directory", "Province"),
    )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(load_taxonomy, migrations.RunPython.noop)]
