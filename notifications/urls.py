"""The preferences page (under the language prefix, in the account area)."""

from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.preferences_page, name="preferences"),
    path("devices/<int:pk>/remove/", views.remove_device, name="remove-device"),
]
