from django.urls import path

from . import views

app_name = "payment"

urlpatterns = [
    path("pay/<str:number>/card/", views.CardPaymentView.as_view(), name="card"),
    path("pay/<str:number>/card/return/", views.CardReturnView.as_view(), name="card-return"),
]
