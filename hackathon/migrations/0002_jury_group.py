"""The ``Jury`` group: access to Wagtail's admin and the right to score applications."""

from django.db import migrations


def create_jury(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    application_type, _ = ContentType.objects.get_or_create(
        app_label="hackathon", model="application"
    )
    score, _ = Permission.objects.get_or_create(
        content_type=application_type,
        codename="score_application",
        defaults={"name": "Can score hackathon applications (jury)"},
    )
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    jury, _ = Group.objects.get_or_create(name="Jury")
    jury.permissions.add(score, access)


def remove_jury(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Jury").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hackathon", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_jury, remove_jury)]
