from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.ProfileListView.as_view(), name="index"),
    path("<slug:slug>/", views.ProfileDetailView.as_view(), name="profile"),
]
