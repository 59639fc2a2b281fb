"""News and events go through the "Moderator approval" workflow (cms migration 0004).

``assign_workflow`` attaches it to a news or event index page, so every article and event
below it (in that language) needs a Moderator's approval before it is published. It runs
when such an index is created, in the admin, by ``copy_for_translation`` or by the demo.
"""

from django.db.models.signals import post_save
from wagtail.models import Workflow, WorkflowPage

from cms.models import EventIndexPage, NewsIndexPage

WORKFLOW = "Moderator approval"
COMMUNICATION = "Communication"


def assign_workflow(page):
    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def _index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_workflow(instance)


def connect():
    for model in (NewsIndexPage, EventIndexPage):
        post_save.connect(_index_created, sender=model, dispatch_uid=f"workflow-{model.__name__}")
