from django.urls import path

from . import cmi_views, views

app_name = "payment"

urlpatterns = [
    path("pay/<str:number>/card/", views.CardPaymentView.as_view(), name="card"),
    path("pay/<str:number>/card/return/", views.CardReturnView.as_view(), name="card-return"),
    path("pay/<str:number>/cmi/", cmi_views.CmiPayView.as_view(), name="cmi"),
    path("pay/<str:number>/cmi/result/", cmi_views.CmiResultView.as_view(), name="cmi-result"),
    path("pay/<str:number>/cmi/switch/", cmi_views.CmiSwitchView.as_view(), name="cmi-switch"),
]
