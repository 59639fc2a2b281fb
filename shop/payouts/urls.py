from django.urls import path

from . import views

app_name = "payouts"

urlpatterns = [
    path("my-shop/earnings/", views.EarningsView.as_view(), name="earnings"),
]
