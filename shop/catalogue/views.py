"""Catalogue views: Oscar's, with the marketplace's visibility rule on product pages."""

from oscar.apps.catalogue.views import CatalogueView, ProductCategoryView  # noqa: F401
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView


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
