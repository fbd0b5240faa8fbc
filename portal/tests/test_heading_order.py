"""Headings in a body keep their order below the page title, so screen reader users keep the outline."""

from pathlib import Path

import pytest
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from core.blocks import HEADING_ORDER_ERROR, HeadingBlock, HeadingOrderStreamBlock, StandardStreamBlock
from magazine.blocks import ArticleStreamBlock
from portal.guidance_blocks import GuidanceStreamBlock


def heading(text, level):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def clean(block, items):
    return block.clean(block.to_python(items))


@pytest.mark.parametrize("block", [StandardStreamBlock(), ArticleStreamBlock(), GuidanceStreamBlock()])
def test_a_level_3_heading_before_any_level_2_is_refused_with_a_german_message(block):
    with pytest.raises(StreamBlockValidationError) as refused:
        clean(block, [paragraph("Einleitung"), heading("Frage", "h3"), heading("Teil", "h2")])
    errors = refused.value.block_errors
    assert list(errors) == [1]
    assert errors[1].block_errors["level"].messages == [HEADING_ORDER_ERROR]


def test_level_3_below_level_2_is_fine():
    value = clean(StandardStreamBlock(), [heading("Teil", "h2"), paragraph("Text"), heading("Frage", "h3")])
    assert [child.value["level"] for child in value if child.block_type == "heading"] == ["h2", "h3"]


class SectionBlock(blocks.CharBlock):
    opens_section = True


class Body(HeadingOrderStreamBlock):
    heading = HeadingBlock()
    section = SectionBlock()


def test_a_block_with_its_own_level_2_heading_opens_a_section():
    clean(Body(), [{"type": "section", "value": "Hier finden Sie Hilfe"}, heading("Frage", "h3")])


def test_the_blocks_that_render_their_own_level_2_heading_say_so():
    from magazine.blocks import RelatedContactsBlock, RelatedPagesBlock
    from portal.models.figures import FiguresChartBlock

    for block in (RelatedContactsBlock, RelatedPagesBlock, FiguresChartBlock):
        assert "<h2" in Path(f"templates/{block._meta_class.template}").read_text()
        assert block.opens_section
