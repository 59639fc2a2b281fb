"""StreamField blocks shared by every page body (one ``BaseStreamBlock``, bakerydemo-style)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    heading_text = blocks.CharBlock(label=_("heading"), required=True)
    size = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("size")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"heading_text": "L'Karfour, 5e édition", "size": "h2"}
        description = _("A section heading")


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))  # ImageBlock carries its own alt text
    caption = blocks.CharBlock(required=False, label=_("caption"))
    attribution = blocks.CharBlock(required=False, label=_("credit"))

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        description = _("An image with its alt text, caption and credit")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribute_name = blocks.CharBlock(required=False, label=_("author"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Le marché L'Karfour a été ma première vente.",
            "attribute_name": "Salma, photographe à Oujda",
        }
        description = _("A quotation and who said it")


class BaseStreamBlock(blocks.StreamBlock):
    heading_block = HeadingBlock()
    paragraph_block = blocks.RichTextBlock(
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4"],
        preview_value="<p>Takafaship accompagne 30 jeunes créateurs de l'Oriental.</p>",
        description=_("Formatted text"),
        label=_("paragraph"),
    )
    image_block = FigureBlock()
    block_quote = QuoteBlock()
    embed_block = EmbedBlock(
        help_text=_("YouTube or Vimeo address"),
        icon="media",
        template="blocks/embed_block.html",
        description=_("An embedded video"),
        label=_("video"),
    )


class TimelinePhaseBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("phase"), max_length=80)
    duration_months = blocks.DecimalBlock(
        label=_("duration (months)"), min_value=0, max_digits=4, decimal_places=1
    )
    description = blocks.TextBlock(required=False, label=_("description"))

    class Meta:
        icon = "time"
        template = "blocks/timeline_phase_block.html"
        label = _("phase")
        preview_value = {
            "name": "Hackathon",
            "duration_months": 1,
            "description": "Trois jours pour transformer une idée en projet.",
        }
        description = _("One phase of the programme and how long it lasts")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=24, help_text=_("e.g. 30 or 1,2 M MAD"))
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)

    class Meta:
        icon = "order"
        label = _("key figure")
        preview_value = {"value": "30", "label": "jeunes dans la première cohorte"}
        description = _("A number and what it counts (beneficiaries, budget, target)")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    url = blocks.URLBlock(required=False, label=_("website"))
    role = blocks.CharBlock(required=False, label=_("role"), max_length=120)

    class Meta:
        icon = "group"
        label = _("partner")
        preview_value = {"name": "Centre culturel franco-marocain", "role": "Lieu d'accueil"}
        description = _("A partner of the programme")
