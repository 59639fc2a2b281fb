"""The "Communication" group (write and submit news and events, never publish) and the
"Moderator approval" workflow (Wagtail's "Moderators" group approves and publishes).

The workflow is assigned to the news and event index pages by ``cms.moderation`` when those
pages are created (they do not exist yet on a fresh database).
"""

from django.db import migrations

COMMUNICATION = "Communication"
MODERATORS = "Moderators"
WORKFLOW = "Moderator approval"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    communication, _ = Group.objects.get_or_create(name=COMMUNICATION)
    communication.permissions.add(
        _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    )
    # Page permissions over the whole tree (every language's home and below): add and
    # edit, so submit for moderation; never publish.
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename, name in (("add_page", "Can add page"), ("change_page", "Can change page")):
            GroupPagePermission.objects.get_or_create(
                group=communication,
                page=root,
                permission=_permission(apps, "wagtailcore", "page", codename, name),
            )
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for codename, name in (
            ("add_image", "Can add image"),
            ("choose_image", "Can choose image"),
            ("add_document", "Can add document"),
            ("choose_document", "Can choose document"),
        ):
            model = "image" if codename.endswith("image") else "document"
            app_label = "wagtailimages" if model == "image" else "wagtaildocs"
            GroupCollectionPermission.objects.get_or_create(
                group=communication,
                collection=collection,
                permission=_permission(apps, app_label, model, codename, name),
            )

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    if not Workflow.objects.filter(name=WORKFLOW).exists():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW, content_type=content_type, active=True
        )
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def backwards(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=COMMUNICATION).delete()
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_news_tags_sectors_event_hub"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
