import django.contrib.postgres.search
from django.db import migrations, models

import sitesearch.models

INDEX = "sitesearch_searchentry_document_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON sitesearch_searchentry USING gin (document)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    """The weighted ``tsvector`` of each entry, stored by PostgreSQL (NULL elsewhere), and
    its GIN index (PostgreSQL only, not part of the model state)."""

    dependencies = [("sitesearch", "0003_fill_search_entries")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="document",
            field=models.GeneratedField(
                db_persist=True,
                expression=sitesearch.models.StoredDocument(),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                verbose_name="search document",
            ),
        ),
        migrations.RunPython(create_index, drop_index, elidable=True),
    ]
