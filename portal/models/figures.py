""" "Zahlen und Fakten": survey results as charts drawn on the server, with a real table behind each chart.

No JavaScript and no chart service: the bars are inline SVG with text labels, and every number also
stands in a `<table>` that screen readers and people who zoom can read.
"""

import textwrap
from decimal import Decimal

from django.db import models
from django.utils import translation
from django.utils.formats import number_format
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import CalloutBlock, HeadingBlock, HeadingOrderStreamBlock
from core.models import BasePage

# Geometry of the chart in SVG user units; the SVG scales to its container through its viewBox.
# Drawn for a phone: at 390 px the SVG is shown at about its own size, so the 15-unit labels are 15 px
# there (at 640 units they shrank to 7 px); on wider screens CSS caps the chart's width.
CHART_WIDTH = 360
BAR_AREA = 290  # the rest is room for the value written after the bar
LINE_HEIGHT = 20
BAR_HEIGHT = 24
ROW_GAP = 18
LABEL_CHARS = 38


def format_number(value) -> str:
    """German notation: 34 → "34", 12.5 → "12,5", 1641 → "1.641" (Django's own number formatting)."""
    value = Decimal(str(value))
    value = value.to_integral_value() if value == value.to_integral_value() else value.normalize()
    with translation.override("de"):  # the figures are German whatever the request's language
        return number_format(value, use_l10n=True, force_grouping=True)


def format_value(value, unit: str) -> str:
    number = format_number(value)
    return f"{number}\u00a0{unit}" if unit else number


class FigureRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Bezeichnung", max_length=120, help_text="z. B. „waren selbst betroffen“")
    value = blocks.DecimalBlock(label="Wert", min_value=0, max_digits=12, decimal_places=2)
    unit = blocks.CharBlock(label="Einheit", max_length=20, required=False, default="%", help_text="z. B. „%“")
    source = blocks.CharBlock(label="Quelle", max_length=250)
    source_url = blocks.URLBlock(label="Link zur Quelle", required=False)
    year = blocks.CharBlock(label="Jahr oder Zeitraum", max_length=40, help_text="z. B. „2021“ oder „Herbst 2022“")

    class Meta:
        icon = "list-ul"
        label = "Zeile"


def build_chart(rows) -> dict:
    """Bars for the rows: percentages on a 0–100 scale, other units relative to the largest value."""
    values = [Decimal(str(row["value"])) for row in rows]
    all_percent = all((row.get("unit") or "").strip() == "%" for row in rows)
    scale = Decimal(100) if all_percent else max([*values, Decimal(0)])
    bars = []
    y = 0
    for row, value in zip(rows, values, strict=True):
        lines = textwrap.wrap(row["label"], LABEL_CHARS) or [""]
        label_y = y + LINE_HEIGHT - 4
        bar_y = y + len(lines) * LINE_HEIGHT + 4
        width = float(min(value, scale) / scale * BAR_AREA) if scale else 0.0
        bars.append(
            {
                "lines": [{"text": line, "y": label_y + i * LINE_HEIGHT} for i, line in enumerate(lines)],
                "bar_y": bar_y,
                "width": round(width, 1),
                "value_x": round(width + 8, 1),
                "value_y": bar_y + BAR_HEIGHT - 6,
                "display": format_value(row["value"], (row.get("unit") or "").strip()),
            }
        )
        y = bar_y + BAR_HEIGHT + ROW_GAP
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "bar_area": BAR_AREA,
        "bar_height": BAR_HEIGHT,
        "height": max(y - ROW_GAP + 4, 1),
        "scale_note": "Skala: 0 bis 100 Prozent" if all_percent else "",
    }


class FiguresChartBlock(blocks.StructBlock):
    opens_section = True  # renders its own h2
    """One table of figures, shown as a bar chart and as a table with the same numbers."""

    title = blocks.CharBlock(label="Titel", max_length=160)
    description = blocks.TextBlock(label="Erläuterung", required=False, max_length=600)
    rows = blocks.ListBlock(FigureRowBlock(), label="Zahlen", min_num=1, max_num=20)

    class Meta:
        icon = "table"
        label = "Zahlen als Diagramm"
        template = "portal/blocks/figures_chart.html"
        preview_value = {
            "title": "Befragung von Bürgermeisterinnen und Bürgermeistern",
            "description": "",
            "rows": [
                {"label": "waren betroffen", "value": "57", "unit": "%", "source": "Quelle", "year": "2021"},
                {"label": "änderten ihr Verhalten", "value": "68", "unit": "%", "source": "Quelle", "year": "2021"},
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        rows = list(value["rows"])
        context["chart"] = build_chart(rows)
        context["rows"] = [
            {**dict(row), "display": format_value(row["value"], (row["unit"] or "").strip())} for row in rows
        ]
        # Each source once, in order, for the note under the chart.
        sources = dict.fromkeys((row["source"], row["source_url"] or "") for row in rows)
        context["sources"] = [{"name": name, "url": url} for name, url in sources]
        return context


class FiguresStreamBlock(HeadingOrderStreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Absatz", features=["bold", "italic", "link", "ul"], template="components/blocks/paragraph.html"
    )
    chart = FiguresChartBlock()
    callout = CalloutBlock()

    class Meta:
        template = "components/blocks/stream.html"


class FiguresPage(BasePage):
    """ "Zahlen und Fakten": survey results with their sources."""

    intro = models.TextField("Einleitung", max_length=600, blank=True)
    body = StreamField(FiguresStreamBlock(), verbose_name="Inhalt", use_json_field=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1
    template = "portal/figures_page.html"

    class Meta:
        verbose_name = "Zahlen und Fakten"
        verbose_name_plural = "Zahlen und Fakten"
