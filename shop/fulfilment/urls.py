from django.urls import path

from . import views

app_name = "fulfilment"

urlpatterns = [
    path("", views.PartListView.as_view(), name="list"),
    path("<int:pk>/", views.PartDetailView.as_view(), name="detail"),
    path("<int:pk>/status/", views.PartStatusView.as_view(), name="status"),
    path("<int:pk>/paid/", views.PartPaidView.as_view(), name="paid"),
]
