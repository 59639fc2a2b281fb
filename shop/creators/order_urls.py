"""The creator's orders, ``/shop/my-shop/orders/`` (namespace ``creator_orders``)."""

from django.urls import path

from . import orders as views

app_name = "creator_orders"

urlpatterns = [
    path("", views.PartListView.as_view(), name="list"),
    path("<int:pk>/", views.PartDetailView.as_view(), name="detail"),
    path("<int:pk>/status/", views.PartStatusView.as_view(), name="status"),
    path("<int:pk>/paid/", views.PartPaidView.as_view(), name="paid"),
]
