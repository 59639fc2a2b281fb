"""The basket-line option that carries an accepted quote version's id (``code="quote"``)."""

from django.db import migrations


def create_option(apps, schema_editor):
    Option = apps.get_model("catalogue", "Option")
    Option.objects.get_or_create(
        code="quote", defaults={"name": "Quote", "type": "text", "required": False}
    )


def remove_option(apps, schema_editor):
    apps.get_model("catalogue", "Option").objects.filter(code="quote").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0001_initial"),
        ("catalogue", "0035_product_price_kind"),
    ]

    operations = [migrations.RunPython(create_option, remove_option)]
