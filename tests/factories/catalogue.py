from decimal import Decimal

import factory
from oscar.test.factories import ProductCategoryFactory as OscarProductCategoryFactory
from oscar.test.factories import ProductFactory as OscarProductFactory

from shop.catalogue.models import Category, Product, ProductCategory, ProductClass

from .partner import PartnerFactory, StockRecordFactory


class ProductCategoryFactory(OscarProductCategoryFactory):
    class Meta:
        model = ProductCategory

    category = factory.LazyAttribute(lambda o: Category.objects.get(discipline__slug=o.discipline))

    class Params:
        discipline = "photographie"


class ProductFactory(OscarProductFactory):
    """A complete, sellable product: class, category of its discipline, one stock record.

    Parameters: ``kind`` (product class slug: service, physical, digital), ``discipline``
    (a discipline slug), ``partner`` (a shop; a new one by default), ``price`` in MAD and
    ``num_in_stock``.
    """

    class Meta:
        model = Product
        skip_postgeneration_save = True

    class Params:
        kind = "service"
        discipline = "photographie"
        partner = factory.SubFactory(PartnerFactory)
        price = Decimal("250.00")
        num_in_stock = 10

    structure = Product.STANDALONE
    upc = factory.Sequence(lambda n: f"TKF{n:07d}")
    title = factory.Sequence(lambda n: f"Reportage photo {n}")
    description = "Une journée de prises de vue, retouches comprises."
    is_public = True
    product_class = factory.LazyAttribute(lambda o: ProductClass.objects.get(slug=o.kind))

    categories = factory.RelatedFactory(
        ProductCategoryFactory, "product", discipline=factory.SelfAttribute("..discipline")
    )
    stockrecords = factory.RelatedFactory(
        StockRecordFactory,
        "product",
        partner=factory.SelfAttribute("..partner"),
        price=factory.SelfAttribute("..price"),
        num_in_stock=factory.SelfAttribute("..num_in_stock"),
    )
