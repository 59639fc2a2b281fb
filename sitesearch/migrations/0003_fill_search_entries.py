from django.db import migrations


def fill(apps, schema_editor):
    """Fold the text of the products and profiles that exist already."""
    from sitesearch.index import PRODUCT_FIELDS, PROFILE_FIELDS, _texts

    SearchEntry = apps.get_model("sitesearch", "SearchEntry")
    for model_name, target, fields in (
        ("catalogue.Product", "product", PRODUCT_FIELDS),
        ("directory.Profile", "profile", PROFILE_FIELDS),
    ):
        model = apps.get_model(model_name)
        SearchEntry.objects.bulk_create(
            [
                SearchEntry(**{f"{target}_id": obj.pk}, **_texts(obj, fields))
                for obj in model.objects.iterator(chunk_size=500)
            ],
            batch_size=500,
        )


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0002_search_entry")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
