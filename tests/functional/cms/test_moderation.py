"""The communication team writes news and events; only Moderators publish them."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from tests.factories import UserFactory, event_index, news_index, news_page

pytestmark = pytest.mark.django_db


def _member_of(group_name):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _news_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "author": page.author,
        "summary": page.summary,
        "body": streamfield([]),
        "tags": "",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "og_image": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(changes)
    return nested_form_data(data)


def test_the_news_and_event_indexes_require_moderator_approval():
    for index in (news_index(), event_index()):
        workflow = index.get_workflow()
        with translation.override("en"):
            assert workflow.name == "Moderator approval"
        (task,) = workflow.tasks.all()
        assert list(task.specific.groups.values_list("name", flat=True)) == ["Moderators"]


def test_a_communication_member_cannot_publish_a_news_article(client):
    article = news_page(title="Brouillon de l'équipe", live=False)
    client.force_login(_member_of("Communication"))

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {**_news_form(article, title="Publié ?"), "action-publish": "action-publish"},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision().as_object().title == "Publié ?"


def test_a_communication_member_submits_a_news_article_for_moderation(client):
    article = news_page(live=False)
    client.force_login(_member_of("Communication"))

    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {**_news_form(article), "action-submit": "action-submit"},
    )

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    article.refresh_from_db()
    assert not article.live


def test_a_moderator_approves_a_submitted_article_and_it_goes_live(client):
    article = news_page(title="À approuver", live=False)
    client.force_login(_member_of("Communication"))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {**_news_form(article), "action-submit": "action-submit"},
    )
    state = WorkflowState.objects.get(object_id=str(article.pk))
    task_state = state.current_task_state

    client.force_login(_member_of("Moderators"))
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[article.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )

    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200


def test_a_scheduled_article_is_not_live_until_its_go_live_time(client):
    article = news_page(title="Annonce programmée", live=False)
    article.go_live_at = timezone.now() + timedelta(days=2)
    article.save_revision().publish()

    article.refresh_from_db()
    assert not article.live
    assert "Annonce programmée" not in client.get("/fr/actualites/").content.decode()

    call_command("publish_scheduled", verbosity=0)  # before go-live: nothing happens
    assert not Page.objects.get(pk=article.pk).live

    three_days_later = timezone.now() + timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=three_days_later):
        call_command("publish_scheduled", verbosity=0)

    assert Page.objects.get(pk=article.pk).live
    assert "Annonce programmée" in client.get("/fr/actualites/").content.decode()


def test_the_workflow_reads_in_the_editors_language_and_keeps_its_stored_name(client):
    article = news_page(title="Brouillon", live=False)
    member = _member_of("Communication")
    UserProfile.objects.update_or_create(user=member, defaults={"preferred_language": "fr"})
    client.force_login(member)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    workflow = article.get_workflow()
    with translation.override("ar"):
        arabic = f"{workflow.name}"
    workflow.name = "Validation par la modération"  # typed back as the French admin shows it
    workflow.save()

    content = response.content.decode()
    assert "Soumettre à Validation par la modération" in content
    assert "Moderator approval" not in content
    assert arabic == "موافقة المشرفين"
    assert type(workflow).objects.filter(name="Moderator approval").exists()


def test_a_dump_of_the_workflows_keeps_their_stored_names():
    from django.core import serializers
    from wagtail.models import Task, Workflow

    with translation.override("fr"):
        dumped = serializers.serialize("json", [*Workflow.objects.all(), *Task.objects.all()])

    assert "Moderator approval" in dumped
    assert "Validation par la modération" not in dumped
