from django.urls import path

from youth import views

app_name = "youth"

urlpatterns = [
    path("", views.my_data, name="my-data"),
    path("confirm/<str:token>/", views.my_data_confirm, name="my-data-confirm"),
    path("download/<str:token>/<str:fmt>/", views.my_data_download, name="my-data-download"),
]
