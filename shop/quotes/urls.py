from django.urls import path

from . import views

app_name = "quotes"

urlpatterns = [
    path("quotes/", views.ClientListView.as_view(), name="list"),
    path("quotes/new/", views.RequestView.as_view(), name="request"),
    path("quotes/<int:pk>/", views.ClientDetailView.as_view(), name="detail"),
    path("quotes/<int:pk>/accept/<int:version>/", views.accept_view, name="accept"),
    path("quotes/<int:pk>/decline/<int:version>/", views.decline_view, name="decline"),
    path("quotes/<int:pk>/pay/", views.pay_view, name="pay"),
    path("quotes/<int:pk>/cancel/", views.cancel_view, name="cancel"),
    path("quotes/<int:pk>/message/", views.message_view, name="message"),
    path(
        "quotes/<int:pk>/attachments/<int:attachment>/",
        views.attachment_view,
        name="attachment",
    ),
    path("my-shop/quotes/", views.CreatorListView.as_view(), name="creator-list"),
    path("my-shop/quotes/<int:pk>/", views.CreatorDetailView.as_view(), name="creator-detail"),
    path("my-shop/quotes/<int:pk>/quote/", views.QuoteFormView.as_view(), name="creator-quote"),
]
