"""News and events go through the "Moderator approval" workflow (cms migration 0004).

``assign_workflow`` attaches it to a news or event index page, so every article and event
below it (in that language) needs a Moderator's approval before it is published. It runs
when such an index is created, in the admin, by ``copy_for_translation`` or by the demo.
"""

import types

from django.conf import settings
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_save, pre_save
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Task, Workflow, WorkflowPage

from cms.models import EventIndexPage, NewsIndexPage

WORKFLOW = gettext_noop("Moderator approval")
COMMUNICATION = "Communication"

# Workflow and task names the site creates: stored in English (the msgid), read in the
# language of whoever reads them (the admin's buttons, history, emails).
# Wagtail's own migrations create "Moderators approval" (a workflow and its task).
TRANSLATED_NAMES = {WORKFLOW, gettext_noop("Moderators approval")}


class ReadName(str):
    """A stored name that reads in the reader's language.

    Its string data stays the stored msgid, so the database, JSON and comparisons see
    "Moderator approval" (Django's raw saves, fixtures and the test snapshot write it back
    as it is); printing it (``str``, ``%s``, f-strings, templates) gives the translation."""

    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, spec):
        return format(str(self), spec)

    def __html__(self):
        return escape(str(self))


class TranslatedName(DeferredAttribute):
    """``Workflow.name`` and ``Task.name``, read in the reader's language when they are one
    of ours: Wagtail writes these names straight into its admin and its emails ("Submit to
    …"); the stored value stays the English msgid, so lookups by name keep working."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None or value not in TRANSLATED_NAMES:
            return value
        return ReadName(value)

    def __set__(self, instance, value):
        # A data descriptor, so that reads go through ``__get__`` once the value is loaded.
        instance.__dict__[self.field.attname] = value


def _stored_value(field, instance, add):
    return instance.__dict__.get(field.attname)


def _stored_object_value(field, obj):
    return obj.__dict__.get(field.attname)


def _stored_name(value):
    """The msgid of a translated name typed back in a form (the admin shows it translated)."""
    for name in TRANSLATED_NAMES:
        for language, _label in settings.LANGUAGES:
            with translation.override(language):
                if value == gettext(name):
                    return name
    return value


def _keep_msgid(sender, instance, raw=False, **kwargs):
    if not isinstance(instance, (Task, Workflow)):
        return
    value = instance.__dict__.get("name")
    if not raw and value and value not in TRANSLATED_NAMES:
        instance.__dict__["name"] = _stored_name(value)


def translate_workflow_names():
    for model in (Workflow, Task):
        field = model._meta.get_field("name")
        model.name = TranslatedName(field)
        # Saving, serialising (dumpdata, backups, fixtures) and forms read the stored
        # value, never the reader's translation.
        field.pre_save = types.MethodType(_stored_value, field)
        field.value_from_object = types.MethodType(_stored_object_value, field)
    pre_save.connect(_keep_msgid, dispatch_uid="workflow-names")


def assign_workflow(page):
    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def _index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_workflow(instance)


def connect():
    translate_workflow_names()
    for model in (NewsIndexPage, EventIndexPage):
        post_save.connect(_index_created, sender=model, dispatch_uid=f"workflow-{model.__name__}")
