"""Blocks shared by the portal's page types. App-specific blocks live beside their app."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from core.cache import chosen_instances


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Überschrift", max_length=120)
    level = blocks.ChoiceBlock(
        label="Ebene", choices=[("h2", "Überschrift 2"), ("h3", "Überschrift 3")], default="h2"
    )

    class Meta:
        icon = "title"
        label = "Zwischenüberschrift"
        template = "components/blocks/heading.html"
        preview_value = {"text": "Was Sie jetzt tun können", "level": "h2"}


HEADING_ORDER_ERROR = (
    "Eine „Überschrift 3“ gehört unter eine „Überschrift 2“: Wer mit einem Vorleseprogramm von Überschrift "
    "zu Überschrift springt, verliert sonst die Gliederung. Wählen Sie hier „Überschrift 2“ oder setzen Sie "
    "darüber eine Zwischenüberschrift der Ebene 2."
)


class HeadingOrderStreamBlock(blocks.StreamBlock):
    """A body whose headings keep their order below the page title (h1): no "Überschrift 3" before the
    first "Überschrift 2" or a block that brings its own h2 (`opens_section = True` on the block)."""

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        in_section = False
        for index, child in enumerate(value):
            if isinstance(child.block, HeadingBlock):
                if child.value["level"] == "h3" and not in_section:
                    level_error = ValidationError(HEADING_ORDER_ERROR)
                    errors[index] = StructBlockValidationError(block_errors={"level": level_error})
                in_section = in_section or child.value["level"] == "h2"
            elif getattr(child.block, "opens_section", False):
                in_section = True
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value


# What a page card (title, teaser, link) needs of a page, its URL included.
PAGE_CARD_FIELDS = (
    "id", "path", "depth", "title", "slug", "url_path", "locale_id", "content_type_id", "live", "teaser",
)


class PageCardChooserBlock(blocks.PageChooserBlock):
    """A chosen page that is shown as a card (title, teaser, link). A body that lists several fetches them
    in one query, without their bodies and other columns, once per content generation (publishing,
    moving or deleting any page bumps it). Only for page types with a teaser (BasePage); a template that
    shows more than a card has to fetch more."""

    def bulk_to_python(self, values):
        return chosen_instances(f"page-cards:{self.model_class._meta.label_lower}", values, self._fetch)

    def _fetch(self, ids: list[int]) -> dict:
        # No ORDER BY: a lookup by id needs none (Wagtail's page manager orders by path).
        return self.model_class.objects.order_by().only(*PAGE_CARD_FIELDS).in_bulk(ids)


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label="Art",
        choices=[("emergency", "Notfall"), ("warning", "Achtung"), ("tip", "Tipp"), ("info", "Hinweis")],
        default="info",
    )
    title = blocks.CharBlock(label="Titel", max_length=100)
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = "Hinweiskasten"
        template = "components/blocks/callout.html"
        preview_value = {
            "kind": "emergency",
            "title": "Akute Gefahr?",
            "text": "<p>Rufen Sie sofort die Polizei unter 110.</p>",
        }


class LinkCardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Seite")
    title = blocks.CharBlock(label="Titel", max_length=80, required=False, help_text="Leer: Seitentitel")
    text = blocks.CharBlock(label="Text", max_length=200, required=False, help_text="Leer: Kurzbeschreibung")

    class Meta:
        icon = "link"
        label = "Verweis-Karte"
        template = "components/blocks/link_card.html"


class GermanImageBlock(ImageBlock):
    """Wagtail's ImageBlock (image plus alt text, required unless marked decorative) with a German label on
    its chooser: ImageBlock names it "image" without a label, and the editor read "Image*"."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.child_blocks["image"].label = "Bild"


class BodyImageBlock(GermanImageBlock):
    """An image with its alt text in a page body."""

    class Meta:
        icon = "image"
        label = "Bild"
        template = "components/blocks/image.html"


class StandardStreamBlock(HeadingOrderStreamBlock):
    """The small block set of simple pages (legal pages, about)."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="Absatz", template="components/blocks/paragraph.html")
    callout = CalloutBlock()
    image = BodyImageBlock()

    class Meta:
        template = "components/blocks/stream.html"
