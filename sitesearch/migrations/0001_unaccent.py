from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL's ``unaccent`` for accent-insensitive search (skipped on other databases)."""

    dependencies = []

    operations = [UnaccentExtension()]
