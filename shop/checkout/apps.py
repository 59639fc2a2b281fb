from django.urls import path
from oscar.apps.checkout import apps


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout in our steps (contact and fulfilment per creator, payment method,
    preview, thank-you), plus the guest order page, the printable receipt and the
    bank-transfer receipt upload."""

    name = "shop.checkout"

    def get_urls(self):
        # Deferred as in Oscar's app configs: views import models, this module loads before.
        from . import views

        extra = [
            path(
                "order/<str:number>/<str:hash>/",
                views.OrderStatusView.as_view(),
                name="order-status",
            ),
            path("receipt/<str:number>/", views.ReceiptView.as_view(), name="receipt"),
            path(
                "bank-transfer/<str:number>/",
                views.BankReceiptUploadView.as_view(),
                name="bank-receipt",
            ),
            path(
                "bank-transfer/<str:number>/receipt/",
                views.BankReceiptFileView.as_view(),
                name="bank-receipt-file",
            ),
        ]
        return super().get_urls() + self.post_process_urls(extra)
