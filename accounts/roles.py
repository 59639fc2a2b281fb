"""The site's roles, as code: each staff group and exactly the permissions it holds.

This map is the only place that grants permissions to a group. ``apply_roles`` makes the
database match it; it runs after every ``migrate`` (``accounts.apps``: a ``post_migrate``
receiver that first creates the permissions Django would only create later), so a fresh
database gets working roles and an upgrade that changes the map re-applies it. A declared
group gets exactly the permissions listed here: add a person to a group in the Wagtail admin
(Settings › Users), never a permission to a declared group by hand (the next ``migrate``
would take it back). Other groups (Wagtail's own "Editors") are left alone.

Permissions are ``"app_label.codename"``; page permissions apply to the whole page tree (the
root page, so every language), collection permissions to the root collection (every image
and document). Creators and clients hold no permission at all: what they may do follows
from what they own (a shop's users, an order's client).
"""

from dataclasses import dataclass, field

COMMUNICATION = "Communication"
MODERATORS = "Moderators"
PROGRAMME_STAFF = "Programme staff"
JURY = "Jury"

ACCESS_ADMIN = "wagtailadmin.access_admin"
TRANSLATE = "simple_translation.submit_translation"


@dataclass(frozen=True)
class Role:
    name: str
    description: str
    permissions: tuple = ()
    page_permissions: tuple = ()  # codenames of wagtailcore.Page permissions, whole tree
    collection_permissions: tuple = field(default=())  # "app_label.codename", root collection


_IMAGES_AND_DOCUMENTS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)

_REVIEWS = (
    "reviews.view_productreview",
    "reviews.change_productreview",
    "reviews.delete_productreview",
)

ROLES = {
    role.name: role
    for role in (
        Role(
            COMMUNICATION,
            "Writes pages, news and events and submits them for moderation; never publishes.",
            permissions=(ACCESS_ADMIN, TRANSLATE),
            page_permissions=("add_page", "change_page"),
            collection_permissions=_IMAGES_AND_DOCUMENTS,
        ),
        Role(
            MODERATORS,
            "Approves and publishes pages (the Moderator approval workflow); moderates "
            "product reviews.",
            permissions=(ACCESS_ADMIN, TRANSLATE, *_REVIEWS),
            page_permissions=(
                "add_page",
                "change_page",
                "publish_page",
                "lock_page",
                "unlock_page",
            ),
            collection_permissions=(
                *_IMAGES_AND_DOCUMENTS,
                "wagtailimages.change_image",
                "wagtaildocs.change_document",
            ),
        ),
        Role(
            PROGRAMME_STAFF,
            "Runs the programme: directory profiles, orders and payments, quotes (read only), "
            "hidden products, reviews, L'Karfour, payouts, the youth database, the hackathon "
            "and its indicators.",
            permissions=(
                ACCESS_ADMIN,
                # Directory: approve, reject or suspend profiles.
                "directory.view_profile",
                "directory.change_profile",
                # Orders: read them, mark cash or bank transfers received, cancel parts.
                "order.view_order",
                "order.change_order",
                "order.view_line",
                "order.view_orderpart",
                "order.change_orderpart",
                # Quotes: oversight only.
                "quotes.view_quoterequest",
                "quotes.view_quoteversion",
                "quotes.view_quotemessage",
                "quotes.view_quoteattachment",
                "quotes.view_quoteevent",
                # Catalogue: hide a product with a reason, show it again.
                "catalogue.view_product",
                "catalogue.hide_product",
                *_REVIEWS,
                # L'Karfour.
                "market.view_marketedition",
                "market.add_marketedition",
                "market.change_marketedition",
                "market.view_stand",
                "market.add_stand",
                "market.change_stand",
                "market.delete_stand",
                # Payouts ledger.
                "payouts.view_earning",
                "payouts.view_payout",
                "payouts.add_payout",
                "payouts.change_payout",
                # CMI card payments: see them with their gateway calls, export the
                # reconciliation list, record a refund made in CMI's back office.
                "payment.view_cmipayment",
                "payment.view_cminotification",
                "payment.view_cmirefund",
                "payment.add_cmirefund",
                # Youth database and personal-data requests.
                "youth.view_contact",
                "youth.change_contact",
                "youth.view_registration",
                "youth.change_registration",
                "youth.view_datarequest",
                "youth.change_datarequest",
                # Hackathon: calls, decisions, accompaniment, indicators.
                "hackathon.view_call",
                "hackathon.add_call",
                "hackathon.change_call",
                "hackathon.delete_call",
                "hackathon.view_application",
                "hackathon.decide_application",
                "hackathon.view_indicators",
                "hackathon.view_accompaniment",
                "hackathon.add_accompaniment",
                "hackathon.change_accompaniment",
            ),
        ),
        Role(
            JURY,
            "Scores hackathon applications.",
            permissions=(ACCESS_ADMIN, "hackathon.score_application"),
        ),
    )
}


class UnknownPermission(LookupError):
    pass


def _split(permission):
    app_label, codename = permission.split(".", 1)
    return app_label, codename


def permission_objects(names, *, strict=True):
    """The ``auth.Permission`` rows named ``"app_label.codename"``, in one query."""
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    names = list(dict.fromkeys(names))
    if not names:
        return []
    query = Q()
    for name in names:
        app_label, codename = _split(name)
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.filter(query).select_related("content_type")
    }
    missing = [name for name in names if name not in found]
    if missing and strict:
        raise UnknownPermission(", ".join(missing))
    return [found[name] for name in names if name in found]


def create_all_permissions(using="default"):
    """Content types and model permissions of every installed app, as ``migrate`` makes them
    (Django does it in its own post_migrate receivers, app by app)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)


def apply_roles(roles=None):
    """Make every declared group hold exactly its role's permissions. Idempotent; returns
    the number of changes (0 when the database already matches)."""
    from django.contrib.auth.models import Group, Permission
    from django.db import transaction
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    roles = ROLES if roles is None else roles
    changes = 0
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    with transaction.atomic():
        for role in roles.values():
            group, created = Group.objects.get_or_create(name=role.name)
            changes += created
            wanted = {p.pk for p in permission_objects(role.permissions)}
            held = set(group.permissions.values_list("pk", flat=True))
            if wanted != held:
                group.permissions.set(wanted)
                changes += len(wanted ^ held)

            if root_page is not None:
                page_perms = Permission.objects.filter(
                    content_type__app_label="wagtailcore",
                    content_type__model="page",
                    codename__in=role.page_permissions,
                )
                changes += _sync(
                    GroupPagePermission.objects.filter(group=group),
                    {(root_page.pk, p.pk) for p in page_perms},
                    lambda row: (row.page_id, row.permission_id),
                    lambda key, group=group: GroupPagePermission(
                        group=group, page_id=key[0], permission_id=key[1]
                    ),
                )
            if root_collection is not None:
                collection_perms = permission_objects(role.collection_permissions)
                changes += _sync(
                    GroupCollectionPermission.objects.filter(group=group),
                    {(root_collection.pk, p.pk) for p in collection_perms},
                    lambda row: (row.collection_id, row.permission_id),
                    lambda key, group=group: GroupCollectionPermission(
                        group=group, collection_id=key[0], permission_id=key[1]
                    ),
                )
    return changes


def _sync(queryset, wanted, key_of, build):
    rows = {key_of(row): row for row in queryset}
    extra = [row.pk for key, row in rows.items() if key not in wanted]
    missing = [build(key) for key in wanted if key not in rows]
    if extra:
        queryset.filter(pk__in=extra).delete()
    if missing:
        queryset.model.objects.bulk_create(missing)
    return len(extra) + len(missing)


def group(name):
    """The group of a declared role (created by ``apply_roles``)."""
    from django.contrib.auth.models import Group

    if name not in ROLES:
        raise KeyError(name)
    return Group.objects.get(name=name)
