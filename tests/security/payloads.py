"""Script payloads put into every editor-facing field and block type the project has.

Values are built in the stored (JSON) format and rich text goes through Draftail's converter, exactly as
the admin form stores it. Pages are taken from the demo content, one per page type, so new page types and
new blocks are covered as soon as the demo content has them.
"""

import datetime
import io
import json

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page, get_page_models
from wagtail.snippets.blocks import SnippetChooserBlock

SCRIPT = '<script>alert("xss")</script>'
PAYLOAD = f'"><img src=x onerror=alert(2)>{SCRIPT}'
URL_PAYLOAD = 'https://example.org/?q="><script>alert("xss")</script>'
# What must never appear in rendered HTML: markup that would run.
FORBIDDEN = [SCRIPT, "<img src=x onerror", 'href="javascript:', "href='javascript:", 'href="data:']


def rich_text_payload(features=None) -> str:
    """Rich text as Draftail stores it after an editor typed a script and linked javascript:/data: URLs."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    text = f"{PAYLOAD} Link Daten"
    start = len(PAYLOAD) + 1
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [
                    {"offset": start, "length": 4, "key": 0},
                    {"offset": start + 5, "length": 5, "key": 1},
                ],
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(3)"}},
            "1": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "data:text/html,<script>alert(4)</script>"}},
        },
    }
    return ContentstateConverter(features or ["link", "bold"]).to_database_format(json.dumps(contentstate))


class Fixtures:
    """Objects that chooser blocks point at, created once per test."""

    def __init__(self, home):
        self.home = home
        self._image = None
        self._document = None

    @property
    def image(self):
        if self._image is None:
            from django.core.files.images import ImageFile
            from PIL import Image
            from wagtail.images import get_image_model

            buffer = io.BytesIO()
            Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
            self._image = get_image_model().objects.create(title=PAYLOAD, file=ImageFile(buffer, name="xss.png"))
        return self._image

    @property
    def document(self):
        if self._document is None:
            from django.core.files.base import ContentFile
            from wagtail.documents import get_document_model

            document = get_document_model()(title=PAYLOAD)
            document.file.save("xss.txt", ContentFile(b"text"), save=True)
            self._document = document
        return self._document


def raw_value(block, fx: Fixtures):  # noqa: C901 - one branch per block family
    """A stored-format value of `block` with the payload wherever text can go."""
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_payload(block.features)
    if isinstance(block, TableBlock):
        return {
            "data": [[PAYLOAD, PAYLOAD], [PAYLOAD, "1"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": PAYLOAD,
        }
    if isinstance(block, TypedTableBlock):
        name, child = next(iter(block.child_blocks.items()))
        return {
            "columns": [{"type": name, "heading": PAYLOAD}],
            "rows": [{"values": [raw_value(child, fx)]}],
            "caption": PAYLOAD,
        }
    if isinstance(block, ImageBlock):
        return {"image": fx.image.pk, "alt_text": PAYLOAD, "decorative": False}
    if isinstance(block, blocks.StructBlock):
        return {name: raw_value(child, fx) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        return [raw_value(block.child_block, fx)]
    if isinstance(block, blocks.StreamBlock):
        return [{"type": name, "value": raw_value(child, fx)} for name, child in block.child_blocks.items()]
    if isinstance(block, blocks.PageChooserBlock):
        return fx.home.pk
    if isinstance(block, ImageChooserBlock):
        return fx.image.pk
    if isinstance(block, DocumentChooserBlock):
        return fx.document.pk
    if isinstance(block, SnippetChooserBlock):
        instance = block.target_model.objects.first()
        return instance.pk if instance else None
    if isinstance(block, (EmbedBlock, blocks.StaticBlock)):
        return None
    if isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock)):
        choices = [key for key, _label in block.field.choices if key]
        value = choices[0] if choices else ""
        return [value] if isinstance(block, blocks.MultipleChoiceBlock) else value
    if isinstance(block, blocks.BooleanBlock):
        return True
    if isinstance(block, (blocks.IntegerBlock, blocks.FloatBlock, blocks.DecimalBlock)):
        return 1
    if isinstance(block, blocks.DateTimeBlock):
        return "2026-01-01T12:00:00"
    if isinstance(block, blocks.DateBlock):
        return datetime.date(2026, 1, 1).isoformat()
    if isinstance(block, blocks.TimeBlock):
        return "12:00:00"
    if isinstance(block, blocks.URLBlock):
        return URL_PAYLOAD
    if isinstance(block, blocks.EmailBlock):
        return "redaktion@example.org"
    return PAYLOAD  # CharBlock, TextBlock, RegexBlock, BlockQuoteBlock, RawHTMLBlock and anything new


TEXT_FIELDS = {"teaser", "intro", "meta_description", "lead", "summary", "subtitle", "caption"}


def one_page_per_type() -> list[Page]:
    pages = []
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().order_by("depth", "path").first()
        if page is not None:
            pages.append(page)
    return pages


def inject(page: Page, fx: Fixtures) -> Page:
    """Put the payload into the title, every text-like field and every block of `page`, then publish."""
    page = page.specific
    page.title = f"Titel {PAYLOAD}"
    page.seo_title = PAYLOAD
    page.search_description = PAYLOAD
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            raw = [
                {"type": name, "value": raw_value(child, fx)} for name, child in field.stream_block.child_blocks.items()
            ]
            setattr(page, field.name, field.stream_block.to_python(raw))
        elif isinstance(field, RichTextField):
            setattr(page, field.name, rich_text_payload(field.features if hasattr(field, "features") else None))
        elif field.name in TEXT_FIELDS and isinstance(getattr(page, field.name, None), str):
            setattr(page, field.name, PAYLOAD[: getattr(field, "max_length", None) or None])
    if hasattr(page, "form_fields"):
        field_model = page.form_fields.model
        field_model.objects.filter(page=page).delete()
        field_model.objects.create(
            page=page,
            label=f"Feld {PAYLOAD}",
            help_text=PAYLOAD,
            field_type="singleline",
            required=False,
            sort_order=0,
        )
    page.save_revision().publish()
    return page
