"""The three kinds of things creators sell (see shop.catalogue.product_classes)."""

from django.db import migrations

PRODUCT_CLASSES = [
    # slug, name, requires_shipping, track_stock
    ("service", "Service", False, False),
    ("physical", "Produit physique", True, True),
    ("digital", "Produit numérique", False, False),
]


def create_product_classes(apps, schema_editor):
    ProductClass = apps.get_model("catalogue", "ProductClass")
    for slug, name, requires_shipping, track_stock in PRODUCT_CLASSES:
        ProductClass.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "requires_shipping": requires_shipping,
                "track_stock": track_stock,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_category_discipline_category_sector_and_more")]

    operations = [migrations.RunPython(create_product_classes, migrations.RunPython.noop)]
