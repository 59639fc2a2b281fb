"""A real install: a migrated database with no demo data, ``setup_site``, then one user per
role, each holding only that role's group (no superuser flag, no ``is_staff``, no permission
of their own, as staff created in the Wagtail admin are), doing their main task through the
web; each is refused what belongs to another role.

Runs on SQLite and on PostgreSQL (``DATABASE_URL=postgres://…``): the suite's test database
is exactly ``migrate`` on an empty database.
"""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts import roles
from cms.models import NewsIndexPage, NewsPage
from directory.models import Profile
from hackathon.models import Score
from shop.order.models import Order
from tests.factories import UserFactory
from tests.factories.catalogue import ProductFactory
from tests.factories.directory import ProfileFactory
from tests.factories.hackathon import ApplicationFactory
from tests.factories.payments import placed_order

pytestmark = pytest.mark.django_db

SCORE = {"innovation": "4", "feasibility": "3", "impact": "5", "team": "4", "comment": "Solide"}


@pytest.fixture
def site():
    """``setup_site`` on the migrated database, as the first-run section of docs/deploy.md."""
    out = io.StringIO()
    call_command(
        "setup_site",
        "--no-input",
        "--admin-email",
        "admin@takafamap.ma",
        "--admin-password",
        "Takafa-install-2026!",
        stdout=out,
    )
    return out.getvalue()


def _person(group_name):
    user = UserFactory(is_staff=False, is_superuser=False)
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return user, client


def _news_data(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": timezone.localdate().isoformat(),
            "author": "Équipe communication",
            "summary": "Les inscriptions sont ouvertes.",
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "og_image": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )


def _snippet_form_data(instance, user):
    """POST data of a snippet's edit form as Wagtail would render it for ``user``."""
    form_class = type(instance).snippet_viewset.get_edit_handler().get_form_class()
    form = form_class(instance=instance, for_user=user)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or name in ("photo",):
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = str(value)
    for formset in form.formsets.values():
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
    return data


def _refused(response):
    """Wagtail refuses by sending to the admin's home (or 403); Django admin and Oscar's
    dashboard answer 404."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] in ("/admin/", "/admin/login/")


def test_migrate_alone_gives_every_role_its_permissions():
    """The test database is ``migrate`` on an empty database: the post_migrate receiver
    (accounts.apps) has applied the map before any command ran."""
    for name, role in roles.ROLES.items():
        group = Group.objects.get(name=name)
        held = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        }
        assert held == set(role.permissions), name
    communication = Group.objects.get(name=roles.COMMUNICATION)
    assert set(communication.page_permissions.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
    }


def test_no_role_holds_a_permission_outside_the_map(site):
    for name, role in roles.ROLES.items():
        held = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=name).permissions.select_related("content_type")
        }
        assert held == set(role.permissions), name
    assert not Permission.objects.filter(user__isnull=False).exists()


def test_each_role_does_its_work_through_the_web_and_nothing_else(site):
    assert "Site set up" in site
    news_index = NewsIndexPage.objects.get(locale__language_code="fr")
    comms_user, comms = _person(roles.COMMUNICATION)
    moderator_user, moderator = _person(roles.MODERATORS)
    staff_user, staff = _person(roles.PROGRAMME_STAFF)
    juror_user, juror = _person(roles.JURY)

    # The communication officer writes a news article and submits it for moderation.
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", news_index.pk])
    response = comms.post(
        add_url, {**_news_data("Appel ouvert", "appel-ouvert"), "action-submit": "1"}
    )
    assert response.status_code == 302, response.content[:500]
    article = NewsPage.objects.get(slug="appel-ouvert")
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # …and cannot publish it herself.
    comms.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {**_news_data("Appel ouvert", "appel-ouvert"), "action-publish": "1"},
    )
    assert not Page.objects.get(pk=article.pk).live

    # The moderator approves it: it is live.
    task_state = WorkflowState.objects.get(object_id=str(article.pk)).current_task_state
    response = moderator.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    assert Client().get(article.url).status_code == 200

    # Programme staff: a client paid by bank transfer; staff find the order, open it (the
    # receipt is linked) and mark it paid.
    client_user = UserFactory()
    order = placed_order([(ProductFactory(), 1)], user=client_user, payment_method="bank_transfer")
    listing = staff.get(reverse("wagtail_orders:index"), {"q": order.number})
    assert listing.status_code == 200 and order.number in listing.content.decode()
    waiting = staff.get(reverse("wagtail_orders:index"), {"payment": "waiting"})
    assert order.number in waiting.content.decode()
    assert staff.get(reverse("wagtail_orders:inspect", args=[order.pk])).status_code == 200
    response = staff.post(
        reverse("wagtail_orders:mark_paid", args=[order.pk]), {"method": "bank_transfer"}
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.paid_at is not None
    assert all(part.paid_at for part in order.parts.all())

    # Programme staff approve a directory profile waiting for review.
    profile = ProfileFactory(status=Profile.Status.PENDING, name="Studio Nour")
    edit_url = reverse("wagtailsnippets_directory_profile:edit", args=[profile.pk])
    assert staff.get(edit_url).status_code == 200
    data = {**_snippet_form_data(profile, staff_user), "status": Profile.Status.APPROVED}
    response = staff.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    profile.refresh_from_db()
    assert profile.status == Profile.Status.APPROVED

    # A juror scores an application.
    application = ApplicationFactory()
    score_url = reverse("hackathon_admin:score", args=[application.pk])
    assert juror.post(score_url, SCORE).status_code == 302
    assert Score.objects.filter(application=application, juror=juror_user).exists()

    # Each is refused what belongs to another role.
    other = placed_order([(ProductFactory(), 1)], user=client_user, payment_method="bank_transfer")
    pending = ProfileFactory(status=Profile.Status.PENDING, name="Atelier Sable")
    for client in (comms, moderator, juror):
        assert _refused(client.get(reverse("wagtail_orders:index")))
        assert _refused(client.post(reverse("wagtail_orders:mark_paid", args=[other.pk])))
        assert _refused(
            client.get(reverse("wagtailsnippets_directory_profile:edit", args=[pending.pk]))
        )
    for client in (comms, moderator, staff):
        assert _refused(client.post(score_url, SCORE))
    for client in (staff, juror):
        assert _refused(client.get(add_url))
    assert _refused(juror.get(reverse("hackathon_admin:indicators")))
    assert Score.objects.filter(application=application).count() == 1
    other.refresh_from_db()
    pending.refresh_from_db()
    assert other.paid_at is None
    assert pending.status == Profile.Status.PENDING
    assert Order.objects.filter(paid_at__isnull=False).count() == 1

    # Nobody but a superuser reaches the Django admin or Oscar's dashboard.
    for client in (comms, moderator, staff, juror):
        assert client.get("/django-admin/").status_code == 404
        assert client.get("/fr/shop/dashboard/").status_code == 404
