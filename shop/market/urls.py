from django.urls import path

from . import views

app_name = "market"

urlpatterns = [
    path("", views.MarketView.as_view(), name="index"),
    path("<slug:slug>/", views.MarketView.as_view(), name="edition"),
    path("<slug:slug>/stands/<int:pk>/", views.StandQRView.as_view(), name="stand-qr"),
    path("<slug:slug>/stands/<int:pk>/qr.svg", views.stand_qr_svg, name="stand-qr-svg"),
]
