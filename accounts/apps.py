from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def apply_roles_after_migrate(sender, app_config=None, using="default", plan=None, **kwargs):
    """After ``migrate`` (once: when the signal is sent for this app), give the declared
    groups their permissions (``accounts.roles``). Django creates the permissions of each app
    in its own post_migrate receivers, app by app: create them all first."""
    from django.db import connections

    from . import roles

    if sender.label != "accounts":
        return
    tables = set(connections[using].introspection.table_names())
    if not {"auth_group", "wagtailcore_page", "wagtailcore_grouppagepermission"} <= tables:
        return  # a partial or backwards migrate: nothing to apply to
    roles.create_all_permissions(using=using)
    roles.apply_roles()


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(apply_roles_after_migrate, dispatch_uid="accounts-apply-roles")
        # Deferred to ready(): signals imports Oscar's communication models.
        from . import signals

        signals.connect()  # no password-reset link kept in the account's email history
