"""Forms of the creator space: a product with its price, stock, discipline and images."""

from decimal import Decimal

from django import forms
from django.db import transaction
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from core.html import sanitize_html
from directory.models import Discipline, Profile, validate_uploaded_image
from shop.catalogue.models import Product, ProductClass, ProductImage
from shop.order.models import OrderPart
from shop.partner.models import MAX_PRICE, Partner, PartnerDeliveryFee

PHYSICAL = "physical"
SERVICE = "service"
DIGITAL = "digital"


# Product classes are rows (named in French by their data migration); people read these.
PRODUCT_CLASS_LABELS = {
    SERVICE: _("Service"),
    PHYSICAL: _("Physical product"),
    "digital": _("Digital product"),
}


class ProductClassField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return PRODUCT_CLASS_LABELS.get(obj.slug, obj.name)


class ProductForm(forms.ModelForm):
    """A product or service; ``discipline``, ``price`` and ``num_in_stock`` live outside
    the product (its category and the creator's stock record) and are saved by the view."""

    product_class = ProductClassField(
        label=_("Kind"),
        queryset=ProductClass.objects.filter(slug__in=["service", PHYSICAL, "digital"]).order_by(
            "pk"
        ),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    discipline = forms.ModelChoiceField(
        label=_("Discipline"),
        queryset=Discipline.objects.filter(category__isnull=False).select_related("sector"),
    )
    price = forms.DecimalField(
        label=_("Price (MAD)"),
        min_value=Decimal("0"),
        max_value=MAX_PRICE,
        max_digits=12,
        decimal_places=2,
        required=False,
        error_messages={
            "max_value": _("A price is between 0 and 1,000,000 MAD."),
            "max_digits": _("A price is between 0 and 1,000,000 MAD."),
            "max_whole_digits": _("A price is between 0 and 1,000,000 MAD."),
        },
    )
    num_in_stock = forms.IntegerField(
        label=_("Number in stock"),
        min_value=0,
        required=False,
        help_text=_("For physical products only."),
    )

    class Meta:
        model = Product
        fields = [
            "title",
            "product_class",
            "description",
            "price_kind",
            "available_at_karfour",
            "is_public",
            "digital_file",
        ]
        labels = {"is_public": _("Visible in the shop"), "price_kind": _("Kind of price")}
        help_texts = {
            "price_kind": _("“From” and on-quote prices are for services only."),
            "digital_file": _(
                "For digital products: the file buyers download after paying (200 MB at most; "
                "a ZIP archive for several files). It is never public."
            ),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "price_kind": forms.RadioSelect,
            "digital_file": forms.FileInput,
        }

    def __init__(self, *args, stockrecord=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.fields["discipline"].label_from_instance = lambda d: f"{d.sector.label} · {d.label}"
        product = self.instance
        if product.pk:
            category = product.categories.exclude(discipline=None).first()
            if category is not None:
                self.initial.setdefault("discipline", category.discipline_id)
        if stockrecord is not None:
            self.initial.setdefault("price", stockrecord.price)
            self.initial.setdefault("num_in_stock", stockrecord.num_in_stock)

    def save(self, commit=True):
        product = super().save(commit=False)
        kind = self.cleaned_data.get("product_class")
        if kind is not None and kind.slug != DIGITAL and product.digital_file:
            # The file is no longer sold: remove it once the change is committed.
            storage, name = product.digital_file.storage, product.digital_file.name
            transaction.on_commit(lambda: storage.delete(name))
            product.digital_file = ""
        if commit:
            product.save()
        return product

    def clean_description(self):
        return str(sanitize_html(self.cleaned_data.get("description", "")))

    def clean(self):
        data = super().clean()
        kind = data.get("product_class")
        if kind is not None and kind.slug == PHYSICAL and data.get("num_in_stock") is None:
            self.add_error("num_in_stock", _("Say how many you have in stock."))
        price_kind = data.get("price_kind")
        if kind is not None and kind.slug != SERVICE and price_kind != Product.PriceKind.FIXED:
            self.add_error("price_kind", _("Only services can have a “from” price or a quote."))
        if data.get("is_public") and self.instance.is_hidden_by_staff:
            self.add_error(
                "is_public",
                _("The programme staff hid this product; contact them to show it again."),
            )
        if kind is not None and kind.slug == DIGITAL:
            if not data.get("digital_file") and "digital_file" not in self.errors:
                self.add_error("digital_file", _("Add the file buyers will download."))
        elif data.get("digital_file") and not self.instance.digital_file:
            self.add_error("digital_file", _("Only digital products have a file to download."))
        if price_kind == Product.PriceKind.QUOTE:
            data["price"] = None
        elif data.get("price") is None and "price" not in self.errors:
            self.add_error("price", _("Give a price in dirhams."))
        return data


class ProductImageForm(forms.ModelForm):
    """One picture: checked by content (JPEG, PNG or WebP, size-limited), alt text required."""

    class Meta:
        model = ProductImage
        fields = ["original", "caption", "display_order"]
        labels = {
            "original": _("Picture"),
            "caption": _("Description of the picture (alt text)"),
            "display_order": _("Position"),
        }
        help_texts = {
            "caption": _("What the picture shows, for people who cannot see it."),
        }
        widgets = {
            "original": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp"}
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["original"].validators.append(validate_uploaded_image)
        self.fields["display_order"].required = False
        self.fields["display_order"].widget.attrs["min"] = 0

    def has_changed(self):
        """A blank extra slot (no picture, no alt text) is ignored, whatever its position."""
        if self.instance.pk is None:
            upload = self.files.get(self.add_prefix("original"))
            caption = (self.data.get(self.add_prefix("caption")) or "").strip()
            if not upload and not caption:
                return False
        return super().has_changed()

    def clean(self):
        data = super().clean()
        if data.get("original") and not (data.get("caption") or "").strip():
            self.add_error("caption", _("Describe the picture for people who cannot see it."))
        if data.get("display_order") is None:
            data["display_order"] = 0
        return data


ProductImageFormSet = inlineformset_factory(
    Product,
    ProductImage,
    form=ProductImageForm,
    extra=2,
    max_num=8,
    can_delete=True,
)


class ShopDetailsForm(forms.ModelForm):
    """What the creator says about their shop, and vacation mode."""

    class Meta:
        model = Partner
        fields = [
            "banner",
            "banner_alt",
            "description",
            "policies",
            "pickup_hub",
            "on_vacation",
            "vacation_message",
        ]
        widgets = {
            "banner": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "description": forms.Textarea(attrs={"rows": 5}),
            "policies": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pickup_hub"].queryset = Profile.objects.public().filter(kind=Profile.Kind.HUB)

    def clean(self):
        data = super().clean()
        if data.get("banner") and not (data.get("banner_alt") or "").strip():
            self.add_error("banner_alt", _("Describe the banner for people who cannot see it."))
        return data


class DeliveryFeeForm(forms.ModelForm):
    """One province the creator delivers to, with its fee in MAD."""

    class Meta:
        model = PartnerDeliveryFee
        fields = ["province", "fee"]
        labels = {"fee": _("Fee (MAD)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fee"].widget.attrs.update(min=0, step="0.01", inputmode="decimal")

    def has_changed(self):
        """A blank extra row (no province, no fee) is ignored."""
        if self.instance.pk is None:
            province = self.data.get(self.add_prefix("province"))
            fee = (self.data.get(self.add_prefix("fee")) or "").strip()
            if not province and not fee:
                return False
        return super().has_changed()


class BaseDeliveryFeeFormSet(forms.BaseInlineFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form):
                continue
            province = form.cleaned_data.get("province")
            if province is None:
                continue
            if province.pk in seen:
                form.add_error("province", _("This province is already in the list."))
            seen.add(province.pk)
        super().clean()


DeliveryFeeFormSet = inlineformset_factory(
    Partner,
    PartnerDeliveryFee,
    form=DeliveryFeeForm,
    formset=BaseDeliveryFeeFormSet,
    extra=2,
    max_num=8,
    can_delete=True,
)


def posted_ids(data, prefix):
    """The object ids a formset's POST claims to edit (``<prefix>-N-id``), as strings."""
    ids = set()
    for key, value in data.items():
        if key.startswith(f"{prefix}-") and key.endswith("-id") and value:
            ids.add(value)
    return ids


# The creator's orders (shop/creators/orders.py)
class PartStatusForm(forms.Form):
    status = forms.ChoiceField(choices=OrderPart.Status.choices)
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=300,
        required=False,
        widget=forms.TextInput,
    )
