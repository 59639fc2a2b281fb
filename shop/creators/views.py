"""The creator space (``/shop/my-shop/``) and each creator's public shop page.

Every view of the creator space works on ``request.user``'s own shop: products are looked up
among that shop's products only, so another creator's product answers 404 whatever its id.
"""

import json

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Avg, Count, F, Prefetch
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View
from oscar.core.loading import get_model

from core import ratelimit
from core.pagination import CachedCountPaginator
from core.uploads import private_file_response
from shop.catalogue.models import Category, Product
from shop.catalogue.queries import filter_products, public_products
from shop.market.models import Stand
from shop.order import market_sales
from shop.order.models import MarketSale, Order, OrderPart
from shop.order.services import creator_summary as order_summary
from shop.partner.models import Partner, StockRecord

from . import summary
from .forms import (
    PHYSICAL,
    DeliveryFeeFormSet,
    ProductForm,
    ProductImageFormSet,
    ShopDetailsForm,
    posted_ids,
)
from .summary import Stat

ProductReview = get_model("reviews", "ProductReview")

LOW_STOCK = 3  # a physical product with this many or fewer left is "low stock"
CURRENCY = "MAD"


def shop_of(user):
    """The shop ``user`` runs (the first, when several), or None; also for the JSON views."""
    if not user.is_authenticated:
        return None
    return Partner.objects.filter(users=user).select_related("profile").order_by("pk").first()


class CreatorMixin(LoginRequiredMixin):
    """Signed-in users who run a shop (they are in a Partner's ``users``); others get 403."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.partner is None:
            raise PermissionDenied(_("This space is for creators who run a shop."))
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def partner(self):
        return shop_of(self.request.user)

    def own_products(self):
        """The shop's products, without the hidden "custom work" product that carries
        accepted quotes (shop.quotes creates and manages it)."""
        return (
            Product.objects.filter(stockrecords__partner=self.partner)
            .exclude(code__startswith="quote-custom-")
            .distinct()
        )

    def get_product(self):
        return get_object_or_404(self.own_products(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partner"] = self.partner
        return context


class SummaryView(CreatorMixin, TemplateView):
    template_name = "creators/summary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        products = self.own_products()
        counts = {
            "products": products.count(),
            "hidden": products.filter(is_public=False).count(),
            "staff_hidden": products.filter(staff_hidden_at__isnull=False).count(),
            # What buyers can still order: units in stock minus units allocated to orders.
            "low_stock": StockRecord.objects.annotate(
                net=F("num_in_stock") - Coalesce("num_allocated", 0)
            )
            .filter(
                partner=self.partner,
                product__product_class__track_stock=True,
                net__lte=LOW_STOCK,
            )
            .count(),
        }
        context["counts"] = counts
        context["stats"] = self.get_stats(counts)
        return context

    def get_stats(self, counts):
        """The summary's stat cards: ``value``, ``label``, optional ``url`` and ``alert``.

        New orders come from the order app; open quotes and the balance owed from the apps
        that registered them (``shop.creators.summary.register``).
        """
        products_url = reverse("creators:product-list")
        return [
            Stat(counts["products"], _("products and services"), url=products_url),
            Stat(counts["hidden"], _("hidden"), url=products_url),
            Stat(
                counts["staff_hidden"],
                _("hidden by the programme staff"),
                url=products_url,
                alert=bool(counts["staff_hidden"]),
            ),
            Stat(counts["low_stock"], _("low in stock"), alert=bool(counts["low_stock"])),
            *self.activity_stats(),
        ]

    def activity_stats(self):
        """New orders, then what the other apps registered (open quotes, balance owed)."""
        orders = order_summary(self.partner)["new_orders"]
        return [
            Stat(orders, _("new orders"), url=reverse("creator_orders:list"), alert=bool(orders)),
            *summary.registered_stats(self.partner),
        ]


class ProductListView(CreatorMixin, ListView):
    template_name = "creators/product_list.html"
    context_object_name = "products"
    paginate_by = 50

    def get_queryset(self):
        return (
            self.own_products()
            .select_related("product_class")
            .prefetch_related(
                "images",
                Prefetch("stockrecords", queryset=StockRecord.objects.filter(partner=self.partner)),
            )
            .order_by("-date_created", "-pk")
        )


class ProductFormView(CreatorMixin, TemplateView):
    """Add or edit a product, its stock record and its pictures in one transaction."""

    template_name = "creators/product_form.html"
    product = None

    def get_stockrecord(self):
        if self.product is None:
            return None
        return self.product.stockrecords.filter(partner=self.partner).first()

    def get_forms(self, data=None, files=None):
        instance = self.product or Product()
        form = ProductForm(data, files, instance=instance, stockrecord=self.get_stockrecord())
        images = ProductImageFormSet(data, files, instance=instance, prefix="images")
        return form, images

    def check_image_ids(self, data):
        """A picture id that is not one of this product's own answers 404 (never edited)."""
        claimed = posted_ids(data, "images")
        if not claimed:
            return
        own = (
            {str(pk) for pk in self.product.images.values_list("pk", flat=True)}
            if self.product
            else set()
        )
        if not claimed <= own:
            raise Http404

    def get(self, request, *args, **kwargs):
        form, images = self.get_forms()
        return self.render_to_response(self.get_context_data(form=form, images=images))

    def post(self, request, *args, **kwargs):
        self.check_image_ids(request.POST)
        form, images = self.get_forms(request.POST, request.FILES)
        if form.is_valid() and images.is_valid():
            with transaction.atomic():
                product = self.save(form, images)
            messages.success(request, _("“%(title)s” is saved.") % {"title": product.title})
            return HttpResponseRedirect(reverse("creators:product-list"))
        messages.error(request, _("Some fields need your attention; nothing has been saved."))
        return self.render_to_response(self.get_context_data(form=form, images=images))

    def save(self, form, images):
        product = form.save(commit=False)
        product.structure = Product.STANDALONE
        product.save()
        discipline = form.cleaned_data["discipline"]
        product.categories.set([Category.objects.get(discipline=discipline)])
        physical = form.cleaned_data["product_class"].slug == PHYSICAL
        record = self.get_stockrecord() or StockRecord(
            product=product, partner=self.partner, partner_sku=f"P{product.pk}"
        )
        record.price = form.cleaned_data["price"]
        record.price_currency = CURRENCY
        record.num_in_stock = form.cleaned_data["num_in_stock"] if physical else None
        record.save()
        images.instance = product
        images.save()
        return product

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.product
        return context


class ProductCreateView(ProductFormView):
    pass


class ProductUpdateView(ProductFormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.partner is not None:
            self.product = self.get_product()
        return super().dispatch(request, *args, **kwargs)


class ProductVisibilityView(CreatorMixin, View):
    """Hide a product from the public or show it again (POST only)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        product = self.get_product()
        if product.is_hidden_by_staff:
            messages.error(
                request,
                _("The programme staff hid “%(title)s”; contact them to show it again.")
                % {"title": product.title},
            )
            return HttpResponseRedirect(reverse("creators:product-list"))
        product.is_public = not product.is_public
        product.save(update_fields=["is_public"])
        if product.is_public:
            message = _("“%(title)s” is visible in your shop again.")
        else:
            message = _("“%(title)s” is hidden from the public.")
        messages.success(request, message % {"title": product.title})
        return HttpResponseRedirect(reverse("creators:product-list"))


class ProductFileView(CreatorMixin, View):
    """The creator downloads the file of their own digital product (never a public URL)."""

    def get(self, request, *args, **kwargs):
        product = self.get_product()
        return private_file_response(product.digital_file, product.digital_file_basename)


class ProductDeleteView(CreatorMixin, TemplateView):
    """Ask for confirmation (GET), delete on POST."""

    template_name = "creators/product_confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.get_product()
        return context

    def post(self, request, *args, **kwargs):
        product = self.get_product()
        title = product.title
        with transaction.atomic():
            product.delete()
        messages.success(request, _("“%(title)s” is deleted.") % {"title": title})
        return HttpResponseRedirect(reverse("creators:product-list"))


class ShopDetailsView(CreatorMixin, TemplateView):
    """Banner, description, policies, pickup hub and vacation mode of the creator's shop."""

    template_name = "creators/shop_details.html"

    def get(self, request, *args, **kwargs):
        form = ShopDetailsForm(instance=self.partner)
        fees = DeliveryFeeFormSet(instance=self.partner, prefix="fees")
        return self.render_to_response(self.get_context_data(form=form, fees=fees))

    def post(self, request, *args, **kwargs):
        claimed = posted_ids(request.POST, "fees")
        own = {str(pk) for pk in self.partner.delivery_fees.values_list("pk", flat=True)}
        if not claimed <= own:
            raise Http404
        form = ShopDetailsForm(request.POST, request.FILES, instance=self.partner)
        # The delivery table is optional in a POST (the details form alone still works).
        fees_sent = "fees-TOTAL_FORMS" in request.POST
        fees = DeliveryFeeFormSet(
            request.POST if fees_sent else None, instance=self.partner, prefix="fees"
        )
        if form.is_valid() and (not fees_sent or fees.is_valid()):
            with transaction.atomic():
                form.save()
                if fees_sent:
                    fees.save()
            messages.success(request, _("Your shop details are saved."))
            return HttpResponseRedirect(reverse("creators:shop-details"))
        messages.error(request, _("Some fields need your attention; nothing has been saved."))
        return self.render_to_response(self.get_context_data(form=form, fees=fees))


class ShopView(ListView):
    """A creator's public shop: profile, badges and public products. Suspended shops 404."""

    template_name = "creators/shop.html"
    context_object_name = "products"
    paginate_by = 24
    paginator_class = CachedCountPaginator

    @cached_property
    def partner(self):
        partner = (
            Partner.objects.select_related("profile", "profile__province", "pickup_hub")
            .filter(slug=self.kwargs["slug"], is_active=True)
            .first()
        )
        if partner is None:
            raise Http404
        return partner

    def get_queryset(self):
        # The cards fetch images and stock records when not cached ({% cards %}).
        products = filter_products(public_products(prefetch=False), creator=self.partner)
        return products.order_by("-date_created", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.partner
        profile = partner.profile
        reviews = ProductReview.objects.filter(
            product__stockrecords__partner=partner, status=ProductReview.APPROVED
        )
        rating = reviews.aggregate(average=Avg("score"), count=Count("pk", distinct=True))
        context.update(
            reviews=list(
                reviews.select_related("product", "user").order_by("-date_created", "-pk")[:5]
            ),
            rating=rating,
            delivery_fees=list(partner.delivery_fees.select_related("province")),
            partner=partner,
            profile=profile,
            profile_is_public=bool(profile and profile.is_public),
            services=[p for p in context["products"] if p.product_class.slug == "service"],
            goods=[p for p in context["products"] if p.product_class.slug != "service"],
        )
        # One {% cards %} call for the whole page (one round of queries for uncached cards),
        # services first, cut in two by the template.
        context.update(
            shop_products=context["services"] + context["goods"],
            services_slice=f":{len(context['services'])}",
            goods_slice=f"{len(context['services'])}:",
        )
        return context


# --------------------------------------------------------------------------------------
# The L'Karfour stand screen and the sales it sends (shop.order.market_sales)
# --------------------------------------------------------------------------------------
STAND_RECENT = 30


class StandView(CreatorMixin, TemplateView):
    """``/shop/my-shop/stand/``: big buttons for the shop's market products; the sales are
    kept on the phone (IndexedDB, static/js/stand.js) and sent when the network is there.

    The page is the shell the phone keeps for offline use: it shows the products and the
    sales already received by the server; what waits on the phone is drawn by the script.
    """

    template_name = "creators/stand.html"

    def stand_records(self):
        records = (
            StockRecord.objects.filter(partner=self.partner)
            .exclude(product__code__startswith="quote-custom-")
            .select_related("product", "product__product_class", "product__parent")
            .order_by("product__title", "pk")
        )
        market = [record for record in records if record.product.available_at_karfour]
        # A shop that marked nothing for L'Karfour still sells what it brought.
        return market or list(records)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = self.stand_records()
        today = timezone.localdate()
        context["records"] = records
        context["stand"] = (
            Stand.objects.filter(
                partner=self.partner, edition__starts_on__lte=today, edition__ends_on__gte=today
            )
            .select_related("edition")
            .first()
        )
        context["recent_sales"] = list(
            MarketSale.objects.filter(partner=self.partner)
            .prefetch_related(
                Prefetch(
                    "conflict_orders",
                    queryset=Order.objects.prefetch_related(
                        Prefetch(
                            "parts",
                            queryset=OrderPart.objects.filter(partner=self.partner),
                            to_attr="own_parts",
                        )
                    ),
                )
            )
            .order_by("-recorded_at", "-pk")[:STAND_RECENT]
        )
        context["stand_config"] = {
            "creator": str(self.partner.pk),
            "endpoint": reverse("creators:stand-sales"),
            "currency": CURRENCY,
            "products": {
                str(record.product_id): {
                    "title": record.product.get_title(),
                    "price": str(record.price) if record.price is not None else "",
                }
                for record in records
            },
        }
        return context


class StandSalesView(View):
    """``POST /shop/my-shop/stand/sales/`` (JSON, CSRF token in ``X-CSRFToken``): record a
    batch of the signed-in creator's market sales, exactly once each.

    ``{"creator": "<shop id>", "sales": [{"id": uuid, "product": id, "quantity": n,
    "cash": "150.00", "phone": "", "recorded_at": iso}]}`` → 200 ``{"sales": [{"id",
    "status": "recorded" | "already_recorded", "shortfall", "conflict_orders": [numbers]}]}``;
    400 ``{"errors": {<sale id or "__all__">: {field: [messages]}}}`` records nothing; 409
    when the sales were made on this phone by another shop than the one signed in (the phone
    keeps them for that creator's next sign-in).
    """

    http_method_names = ["post"]

    def post(self, request):
        user = request.user
        if not user.is_authenticated:
            return JsonResponse({"errors": {"__all__": [_("Sign in again.")]}}, status=403)
        partner = shop_of(user)
        if partner is None:
            return JsonResponse(
                {"errors": {"__all__": [_("This space is for creators who run a shop.")]}},
                status=403,
            )
        rate = ratelimit.check(request, "market.sales", STAND_SALES_RULES)
        if rate:
            response = JsonResponse(
                {"errors": {"__all__": [_("Too many attempts: wait a moment.")]}}, status=429
            )
            response["Retry-After"] = "60"
            return response
        try:
            payload = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            return JsonResponse(
                {"errors": {"__all__": [_("The request is not JSON.")]}}, status=400
            )
        if isinstance(payload, dict) and str(payload.get("creator", partner.pk)) != str(partner.pk):
            return JsonResponse(
                {"errors": {"__all__": [_("These sales belong to another shop's account.")]}},
                status=409,
            )
        try:
            results = market_sales.record_sales(partner, user, payload)
        except market_sales.InvalidBatch as error:
            return JsonResponse({"errors": error.errors}, status=400)
        return JsonResponse({"sales": [result.as_json() for result in results]})


# A stand sends a batch per sale at most, and retries: generous, but not unbounded.
STAND_SALES_RULES = [("user", "120/10m")]
