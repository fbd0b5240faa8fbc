"""Blocks of magazine articles, news and events. Headings come from portal.blocks."""

import re

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from contacts.blocks import ContactChooserBlock, live_contacts
from core.blocks import CalloutBlock, GermanImageBlock, HeadingBlock, HeadingOrderStreamBlock, PageCardChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Zitat", max_length=600)
    attribution = blocks.CharBlock(label="Wer sagt das?", max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "magazine/blocks/quote.html"
        preview_value = {
            "text": "Ich habe gelernt, dass ich mir Hilfe holen darf.",
            "attribution": "Eine Bürgermeisterin",
        }


class StandpointBlock(blocks.StructBlock):
    """A short, strong sentence set apart from the text: the position of the article in one line."""

    text = blocks.TextBlock(label="Standpunkt", max_length=300)
    attribution = blocks.CharBlock(label="Wer vertritt ihn?", max_length=160, required=False)

    class Meta:
        icon = "pick"
        label = "Standpunkt (hervorgehoben)"
        template = "magazine/blocks/standpoint.html"
        preview_value = {"text": "Wer ein Amt übernimmt, verdient Schutz – nicht Hass."}


class FigureBlock(blocks.StructBlock):
    """An image with alt text (ImageBlock asks for it unless marked decorative), caption and credit."""

    image = GermanImageBlock(label="Bild")
    caption = blocks.CharBlock(label="Bildunterschrift", max_length=250, required=False)

    class Meta:
        icon = "image"
        label = "Bild mit Unterschrift"
        template = "magazine/blocks/figure.html"


VIDEO_PROVIDERS = {
    "youtube": {
        "name": "YouTube",
        "pattern": re.compile(r"^[A-Za-z0-9_-]{11}$"),
        "watch": "https://www.youtube.com/watch?v={id}",
        # The privacy-enhanced domain; autoplay because the visitor already clicked "play".
        "embed": "https://www.youtube-nocookie.com/embed/{id}?autoplay=1&rel=0",
        "help": "elf Zeichen aus „watch?v=…“",
    },
    "vimeo": {
        "name": "Vimeo",
        "pattern": re.compile(r"^[0-9]{1,12}$"),
        "watch": "https://vimeo.com/{id}",
        "embed": "https://player.vimeo.com/video/{id}?dnt=1&autoplay=1",
        "help": "die Ziffern am Ende der Vimeo-Adresse",
    },
}


class VideoValue(blocks.StructValue):
    @cached_property
    def provider_info(self):
        return VIDEO_PROVIDERS[self["provider"]]

    @property
    def provider_name(self) -> str:
        return self.provider_info["name"]

    @property
    def watch_url(self) -> str:
        return self.provider_info["watch"].format(id=self["video_id"])

    @property
    def embed_url(self) -> str:
        return self.provider_info["embed"].format(id=self["video_id"])


class VideoBlock(blocks.StructBlock):
    """A video of YouTube or Vimeo behind a local poster: nothing loads from the provider before a click.

    The template renders a link to the provider's page; static/js/video-consent.js turns it into a
    button that inserts the player only when the visitor asks for it.
    """

    provider = blocks.ChoiceBlock(
        label="Anbieter", choices=[(key, info["name"]) for key, info in VIDEO_PROVIDERS.items()], default="youtube"
    )
    video_id = blocks.CharBlock(
        label="Video-Kennung",
        max_length=20,
        help_text="YouTube: elf Zeichen aus „watch?v=…“; Vimeo: die Ziffern am Ende der Adresse.",
    )
    title = blocks.CharBlock(label="Titel des Videos", max_length=160)
    poster = ImageChooserBlock(label="Vorschaubild", help_text="Wird von unserem Server geladen, nicht vom Anbieter.")
    caption = blocks.CharBlock(label="Beschreibung", max_length=300, required=False)

    class Meta:
        icon = "media"
        label = "Video (lädt erst nach Klick)"
        template = "magazine/blocks/video.html"
        value_class = VideoValue

    def clean(self, value):
        value = super().clean(value)
        info = VIDEO_PROVIDERS[value["provider"]]
        if not info["pattern"].match(value["video_id"] or ""):
            raise StructBlockValidationError(
                block_errors={
                    "video_id": ValidationError(f"Das ist keine gültige {info['name']}-Kennung ({info['help']}).")
                }
            )
        return value


class RelatedPagesBlock(blocks.StructBlock):
    opens_section = True  # renders its own h2
    heading = blocks.CharBlock(label="Überschrift", max_length=120, default="Mehr dazu im Ratgeber")
    pages = blocks.ListBlock(
        PageCardChooserBlock(label="Ratgeberseite", page_type=["portal.GuidancePage"]), label="Seiten", min_num=1
    )

    class Meta:
        icon = "doc-full"
        label = "Passende Ratgeberseiten"
        template = "magazine/blocks/related_pages.html"


class RelatedContactsBlock(blocks.StructBlock):
    opens_section = True  # renders its own h2
    heading = blocks.CharBlock(label="Überschrift", max_length=120, default="Hier finden Sie Hilfe")
    contacts = blocks.ListBlock(ContactChooserBlock(label="Anlaufstelle"), min_num=1)

    class Meta:
        icon = "group"
        label = "Anlaufstellen"
        template = "magazine/blocks/related_contacts.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["contacts"] = live_contacts(value["contacts"])  # phones came with them
        return context


class ArticleStreamBlock(HeadingOrderStreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Absatz", features=PARAGRAPH_FEATURES, template="components/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    standpoint = StandpointBlock()
    image = FigureBlock()
    video = VideoBlock()
    related_pages = RelatedPagesBlock()
    contacts = RelatedContactsBlock()

    class Meta:
        template = "components/blocks/stream.html"


class NewsStreamBlock(HeadingOrderStreamBlock):
    """The smaller set of news and event descriptions."""

    paragraph = blocks.RichTextBlock(
        label="Absatz", features=PARAGRAPH_FEATURES, template="components/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    related_pages = RelatedPagesBlock()

    class Meta:
        template = "components/blocks/stream.html"


def body_images(stream_value) -> list:
    """The images of figures and video posters in a stream (fetched in one query per block type), so that
    their renditions can be fetched together in one query instead of one per image."""
    images = []
    for block in stream_value:
        if block.block_type == "image":
            images.append(block.value["image"])
        elif block.block_type == "video":
            images.append(block.value["poster"])
    return [image for image in images if image is not None]


WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]+>")


def reading_time(stream_value) -> int:
    """Minutes a reader needs for the text of a stream, rounded up, at least one."""
    words = 0
    for text in stream_value.stream_block.get_searchable_content(stream_value):
        words += len(_TAG.sub(" ", str(text)).split())
    return max(1, -(-words // WORDS_PER_MINUTE))
