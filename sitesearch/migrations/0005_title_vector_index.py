from django.db import migrations

INDEX = "sitesearch_searchentry_title_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON sitesearch_searchentry "
            "USING gin (to_tsvector('simple'::regconfig, a))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    """A GIN index over the vector of the title or name alone (``TitleVector``, PostgreSQL
    only, not part of the model state): a one-word search takes its best candidates, the
    entries whose title matches, from it before ranking (``sitesearch.backends.database``)."""

    dependencies = [("sitesearch", "0004_search_document")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=True)]
