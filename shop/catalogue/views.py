"""Catalogue views: Oscar's, with the marketplace's visibility rule on product pages."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.views import CatalogueView, ProductCategoryView  # noqa: F401
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from .queries import public_products

# Why a visitor cannot review a product (codes from ``Product.review_refusal``).
REVIEW_REFUSALS = {
    "sign_in": _("Sign in to review a product you bought."),
    "already_reviewed": _("You have already reviewed this product. Thank you!"),
    "not_a_buyer": _("Only clients who bought this product or service can review it."),
    "own_product": _("You cannot review your own product."),
}
MORE_FROM_CREATOR = 4


class ProductDetailView(OscarProductDetailView):
    """A product page is public when the product is and its shop is not suspended.

    Staff still see everything (Oscar's convention, to check a layout); a creator sees
    their own products even while their shop is suspended.
    """

    def is_viewable(self, product, request):
        if not super().is_viewable(product, request):
            return False
        if request.user.is_staff:
            return True
        partners = [record.partner for record in product.stockrecords.all()]
        if any(partner.is_active for partner in partners):
            return True
        user = request.user
        return user.is_authenticated and any(
            partner.users.filter(pk=user.pk).exists() for partner in partners
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        record = product.stockrecords.select_related("partner").first()
        partner = record.partner if record else None
        context["more_from_creator"] = (
            list(
                public_products()
                .filter(stockrecords__partner=partner)
                .exclude(pk=product.pk)
                .order_by("-date_created", "-pk")[:MORE_FROM_CREATOR]
            )
            if partner is not None and partner.is_active
            else []
        )
        context["approved_reviews"] = list(
            product.reviews.approved().select_related("user").order_by("-date_created")[:5]
        )
        refusal = product.review_refusal(self.request.user)
        context["review_refusal"] = refusal
        context["review_refusal_message"] = REVIEW_REFUSALS.get(refusal, "")
        return context
