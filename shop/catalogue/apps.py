import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "shop.catalogue"

    def ready(self):
        super().ready()
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from oscar.core.loading import get_model

        from core import cache, sitemaps
        from core.templatetags.fragment_tags import register_card

        from . import analytics, prices, renditions, sync, visitor
        from .models import Category, Product, ProductCategory, ProductImage
        from .queries import card_prefetch
        from .sitemaps import ProductSitemap

        # Public pages show products (and their categories), images, categories and reviews.
        cache.watch(Product, m2m=True)
        cache.watch(ProductImage, Category, ProductCategory, get_model("reviews", "ProductReview"))
        # The product page's cached fragments show its attributes and recommendations too.
        cache.watch(
            get_model("catalogue", "ProductAttributeValue"),
            get_model("catalogue", "ProductRecommendation"),
        )
        renditions.connect()  # product images' thumbnails after an upload
        sitemaps.register("products", ProductSitemap)
        register_card(Product, "product", card_prefetch)
        sync.connect(self)  # shop categories follow the directory's taxonomy
        analytics.connect()  # Oscar's view/basket/purchase counters, safe in a transaction
        prices.connect()  # Product.min_price follows its stock records and shops
        visitor.connect()  # "write a review" on a shared product page
