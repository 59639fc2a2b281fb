"""A few views for the operations tests: one that fails, one that enqueues a task."""

import logging

from django.http import HttpResponse
from django.urls import path
from django_tasks import task

from config.urls import urlpatterns as site_urlpatterns

logger = logging.getLogger("tests.ops")


class CheckoutFailed(Exception):
    pass


def failing_view(request):
    name = request.POST.get("name", "")
    email = request.POST.get("email", "")
    phone = request.POST.get("phone", "")
    logger.warning("placing the order of %s <%s>, phone %s", name, email, phone)
    raise CheckoutFailed(
        f"could not place the order of {request.user.get_full_name()} ({name}, {email}, "
        f"{phone}, +212 6 61 23 45 67)"
    )


@task()
def logging_task():
    logger.info("the task ran")


def enqueueing_view(request):
    logging_task.enqueue()
    return HttpResponse("queued")


urlpatterns = [
    path("ops-tests/fail/", failing_view, name="ops-tests-fail"),
    path("ops-tests/enqueue/", enqueueing_view, name="ops-tests-enqueue"),
    *site_urlpatterns,
]
