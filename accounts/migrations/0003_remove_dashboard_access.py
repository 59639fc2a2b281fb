"""Creators no longer hold Oscar's ``partner.dashboard_access``: they work in their creator
space, and Oscar's dashboard is for superusers only (accounts.middleware)."""

from django.db import migrations


def remove_dashboard_access(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    User = apps.get_model("accounts", "User")
    Group = apps.get_model("auth", "Group")
    permission = Permission.objects.filter(
        content_type__app_label="partner", codename="dashboard_access"
    ).first()
    if permission is None:
        return  # a fresh database: the permission is created after the migrations
    User.user_permissions.through.objects.filter(permission=permission).delete()
    Group.permissions.through.objects.filter(permission=permission).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_preferred_language_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("partner", "0010_partnerdeliveryfee_stockrecord_partner_sr_price_idx_and_more"),
    ]

    operations = [migrations.RunPython(remove_dashboard_access, migrations.RunPython.noop)]
