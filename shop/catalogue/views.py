"""Catalogue views: Oscar's, with the marketplace's visibility rule on product pages."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.views import CatalogueView, ProductCategoryView  # noqa: F401
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_class

from .queries import card_prefetch, public_products

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

# Why a visitor cannot review a product (codes from ``Product.review_refusal``).
REVIEW_REFUSALS = {
    "sign_in": _("Sign in to review a product you bought."),
    "already_reviewed": _("You have already reviewed this product. Thank you!"),
    "not_a_buyer": _("Only clients who bought this product or service can review it."),
    "own_product": _("You cannot review your own product."),
}
MORE_FROM_CREATOR = 4
# As many as templates/oscar/customer/history/recently_viewed_products.html shows.
RECENTLY_VIEWED = 4


class ProductDetailView(OscarProductDetailView):
    """A product page is public when the product is and its shop is not suspended.

    Staff still see everything (Oscar's convention, to check a layout); a creator sees
    their own products even while their shop is suspended.
    """

    def get_queryset(self):
        # The page reads the product's stock records, shop and images several times (access
        # rule, price, creator box, gallery): one query each instead of one per reading.
        # The product class joined: its prefetch (in card_prefetch) then costs no query.
        return (
            super()
            .get_queryset()
            .select_related("product_class")
            .prefetch_related(*card_prefetch())
        )

    def is_viewable(self, product, request):
        if not super().is_viewable(product, request):
            return False
        if request.user.has_perm("catalogue.view_product"):  # programme staff's preview
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
        records = sorted(product.stockrecords.all(), key=lambda record: record.pk)
        partner = records[0].partner if records else None
        # Querysets, not lists: the template reads them only inside its cached fragments
        # ({% fragment %} in catalogue/detail.html), so a warm page runs neither query.
        context["more_from_creator"] = (
            public_products(prefetch=False)  # the cards fetch what they need
            .filter(stockrecords__partner=partner)
            .exclude(pk=product.pk)
            .order_by("-date_created", "-pk")[:MORE_FROM_CREATOR]
            if partner is not None and partner.is_active
            else []
        )
        # Oscar's {% recently_viewed_products %} loaded each card's shop and image one query
        # at a time; the same products (history order, without this one), prefetched.
        recent = [item for item in CustomerHistoryManager.get(self.request) if item != product]
        context["recently_viewed"] = recent[:RECENTLY_VIEWED]  # {% cards %} prefetches
        context["approved_reviews"] = (
            product.reviews.approved().select_related("user").order_by("-date_created")[:5]
        )
        refusal = product.review_refusal(self.request.user)
        context["review_refusal"] = refusal
        context["review_refusal_message"] = REVIEW_REFUSALS.get(refusal, "")
        return context
