"""Product images' thumbnails, made by the task worker after an upload (see core/renditions.py).

Registered from ``CatalogueConfig.ready()``.
"""

from django_tasks import task

from core import renditions

from .models import ProductImage


def warm_product(image):
    """Every thumbnail of a ``ProductImage`` the templates use."""
    return renditions.make_thumbnails(image.original, renditions.PRODUCT_IMAGE_THUMBNAILS)


@task()
def warm_product_image(pk):
    """Thumbnails of the product image ``pk`` (``catalogue.ProductImage``)."""
    image = renditions.get_or_none(ProductImage, pk)
    return warm_product(image) if image else {"ready": 0, "failed": 0}


def connect():
    renditions.watch_file(ProductImage, "original", warm_product_image)
    renditions.register_source(
        "products",
        "product images",
        lambda: ProductImage.objects.exclude(original=""),
        warm_product,
        position=10,
    )
