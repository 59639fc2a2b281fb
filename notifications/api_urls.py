"""The JSON endpoints of ``static/js/push.js`` and the service worker (no language prefix:
the device's language travels in the body)."""

from django.urls import path

from . import views

app_name = "push"
urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("unsubscribe/", views.unsubscribe, name="unsubscribe"),
    path("status/", views.status, name="status"),
    path("resubscribe/", views.resubscribe, name="resubscribe"),
]
