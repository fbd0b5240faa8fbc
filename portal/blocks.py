"""Blocks shared by the portal's page types. App-specific blocks live beside their app."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


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


class BodyImageBlock(ImageBlock):
    """An image with its alt text (required by ImageBlock unless marked decorative) and a credit."""

    class Meta:
        icon = "image"
        label = "Bild"
        template = "components/blocks/image.html"


class StandardStreamBlock(blocks.StreamBlock):
    """The small block set of simple pages (legal pages, about)."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="Absatz", template="components/blocks/paragraph.html")
    callout = CalloutBlock()
    image = BodyImageBlock()

    class Meta:
        template = "components/blocks/stream.html"
