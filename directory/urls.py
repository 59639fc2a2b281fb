from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.ProfileListView.as_view(), name="index"),
    path("map.geojson", views.profile_geojson, name="geojson"),
    path("account/", views.my_profiles, name="my-profiles"),
    path("account/verify/", views.resend_verification, name="resend-verification"),
    path("account/verify/<str:token>/", views.verify_email, name="verify-email"),
    path("account/new/", views.edit_profile, name="profile-create"),
    path("account/<slug:slug>/edit/", views.edit_profile, name="profile-edit"),
    path("<slug:slug>/", views.ProfileDetailView.as_view(), name="profile"),
    path("<slug:slug>/contact/", views.contact_profile, name="contact"),
]
