"""The public L'Karfour page: an edition's stands and the products sold there, with QR codes."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView

from core.sites import absolute
from shop.catalogue.queries import public_products

from .models import MarketEdition, Stand
from .qr import qr_svg


def _stands(edition):
    return (
        edition.stands.filter(partner__is_active=True)
        .select_related("partner", "partner__profile", "partner__profile__province")
        .order_by("number", "pk")
    )


class MarketView(TemplateView):
    """The running edition (or the next, or the last one) or the edition named in the URL."""

    template_name = "market/market.html"

    @cached_property
    def edition(self):
        slug = self.kwargs.get("slug")
        if slug:
            return get_object_or_404(MarketEdition.objects.select_related("hub"), slug=slug)
        return MarketEdition.featured()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        edition = self.edition
        today = timezone.localdate()
        context["edition"] = edition
        context["today"] = today
        context["other_editions"] = MarketEdition.objects.exclude(
            pk=edition.pk if edition else None
        ).order_by("-starts_on", "-pk")
        if edition is None:
            context.update(stands=[], products=[])
            return context
        context["is_current"] = edition.starts_on <= today <= edition.ends_on
        context["is_past"] = edition.ends_on < today
        stands = list(_stands(edition))
        context["stands"] = stands
        context["products"] = (
            public_products()
            .filter(available_at_karfour=True, stockrecords__partner__stands__edition=edition)
            .order_by("title", "pk")[:120]
        )
        return context


def get_stand(slug, pk):
    stand = (
        Stand.objects.select_related("edition", "partner")
        .filter(edition__slug=slug, pk=pk, partner__is_active=True)
        .first()
    )
    if stand is None or not stand.partner.slug:
        raise Http404
    return stand


class StandQRView(TemplateView):
    """A printable page: the stand number, the creator's name and a QR code to their shop."""

    template_name = "market/stand_qr.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stand = get_stand(self.kwargs["slug"], self.kwargs["pk"])
        shop_url = absolute(stand.partner.get_absolute_url())
        context.update(
            stand=stand,
            edition=stand.edition,
            shop_url=shop_url,
            # Our own SVG, drawn from the URL by the qrcode library: safe to inline.
            qr_svg=mark_safe(_strip_xml_declaration(qr_svg(shop_url))),  # noqa: S308
        )
        return context


def _strip_xml_declaration(svg):
    if svg.startswith("<?xml"):
        svg = svg.split("?>", 1)[1].lstrip()
    return svg


def stand_qr_svg(request, slug, pk):
    """The stand's QR code alone, as an SVG file to download."""
    stand = get_stand(slug, pk)
    shop_url = absolute(stand.partner.get_absolute_url())
    response = HttpResponse(qr_svg(shop_url), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="stand-{stand.pk}-qr.svg"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
