""" "Zahlen und Fakten": bars drawn to scale on the server, the same numbers in a real table, sources shown."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo.base import load_home
from demo.site_wide import load_figures
from demo.utils import upsert_page
from portal.models import FiguresPage, HomePage, StandardPage
from portal.models.figures import BAR_AREA, build_chart, format_number, format_value


def row(label, value, unit="%", source="Testquelle", year="2021"):
    return {"label": label, "value": value, "unit": unit, "source": source, "source_url": "", "year": year}


def chart_page(home, rows, title="Testdiagramm"):
    return upsert_page(
        home,
        FiguresPage,
        "zahlen-und-fakten",
        title="Zahlen und Fakten",
        body=[("chart", {"title": title, "description": "", "rows": rows})],
    )


def list_block_data(values):
    """Admin form data of a ListBlock (wagtail's helpers cover StreamBlocks and inline panels only)."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(values)}
    data["count"] = str(len(values))
    return data


def bars_and_table(html):
    soup = BeautifulSoup(html, "html.parser")
    figure = soup.select_one("figure.figures-chart")
    bars = [float(rect["width"]) for rect in figure.select("rect.figures-chart__bar")]
    labels = [text.get_text() for text in figure.select("text.figures-chart__label")]
    table = [(tr.th.get_text(strip=True), tr.select_one("td").get_text(strip=True)) for tr in figure.select("tbody tr")]
    return figure, bars, labels, table


@pytest.mark.django_db
def test_percent_bars_are_drawn_to_a_0_to_100_scale_and_the_table_has_the_same_numbers(client):
    home = load_home()
    page = chart_page(home, [row("Frühjahr", 34), row("Herbst", 39), row("Aktuell", 38), row("Alle", 100)])
    figure, bars, labels, table = bars_and_table(client.get(page.url).content.decode())
    assert bars == [pytest.approx(BAR_AREA * p / 100) for p in (34, 39, 38, 100)]
    assert labels == ["Frühjahr", "Herbst", "Aktuell", "Alle"]
    assert table == [("Frühjahr", "34\xa0%"), ("Herbst", "39\xa0%"), ("Aktuell", "38\xa0%"), ("Alle", "100\xa0%")]
    # The picture is decoration for screen readers: they read the table, which has a caption.
    assert figure.svg["aria-hidden"] == "true"
    assert figure.select_one("table caption").get_text().startswith("Testdiagramm")
    assert "Testquelle" in figure.get_text()


@pytest.mark.django_db
def test_counts_are_drawn_relative_to_the_largest_value(client):
    home = load_home()
    page = chart_page(home, [row("Erste acht Monate", 151, unit="Anfragen"), row("2025", 260, unit="Anfragen")])
    _, bars, _, table = bars_and_table(client.get(page.url).content.decode())
    assert bars == [pytest.approx(BAR_AREA * 151 / 260, abs=0.05), pytest.approx(BAR_AREA)]
    assert table[1] == ("2025", "260\xa0Anfragen")


def test_chart_geometry_handles_zero_long_labels_and_values_over_the_scale():
    chart = build_chart([row("Null", 0), row("Sehr " * 30 + "lang", 50), row("Zu viel", 150)])
    widths = [bar["width"] for bar in chart["bars"]]
    assert widths == [0.0, BAR_AREA / 2, BAR_AREA]  # never wider than the chart
    assert len(chart["bars"][1]["lines"]) > 1  # a long label wraps onto several lines instead of overflowing
    # Rows do not overlap: each bar starts below the previous one.
    tops = [bar["bar_y"] for bar in chart["bars"]]
    assert tops == sorted(tops) and len(set(tops)) == 3
    assert build_chart([row("Nichts", 0, unit="")])["bars"][0]["width"] == 0.0


def test_numbers_are_written_the_german_way():
    assert format_number(1641) == "1.641"
    assert format_number("12.5") == "12,5"
    assert format_number("38.00") == "38"
    assert format_value(57, "%") == "57\xa0%"


@pytest.mark.django_db
def test_demo_figures_show_every_number_from_the_facts_with_its_source(client):
    home = load_home()
    page = load_figures(home)
    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    cells = [td.get_text(strip=True) for td in soup.select("td.figures-table__number")]
    assert cells == ["34\xa0%", "39\xa0%", "38\xa0%", "57\xa0%", "19\xa0%", "68\xa0%", "37\xa0%"]
    text = soup.get_text()
    assert "Frühjahr 2022" in text and "Herbst 2022" in text and "jährlich" in text
    assert "KoMo" in text and "Bundeskriminalamt" in text
    assert "Körber-Stiftung / forsa" in text and "1.641" in text
    assert "<script" not in html.split("</head>")[1]  # no JavaScript draws the chart


class FiguresPageAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = load_home()

    def setUp(self):
        # force_login: the admin login goes through axes, which needs a request that client.login lacks.
        self.client.force_login(self.create_superuser("redaktion", password="x" * 16))

    def test_editors_can_create_one_figures_page_below_home(self):
        self.assertCanCreateAt(HomePage, FiguresPage)
        self.assertCanNotCreateAt(StandardPage, FiguresPage)
        self.assertCanCreate(
            self.home,
            FiguresPage,
            nested_form_data(
                {
                    "title": "Zahlen und Fakten",
                    "slug": "zahlen-und-fakten",
                    "intro": "Zahlen aus Befragungen.",
                    "body": streamfield(
                        [
                            (
                                "chart",
                                {
                                    "title": "Befragung",
                                    "description": "",
                                    "rows": list_block_data(
                                        [
                                            {
                                                "label": "waren betroffen",
                                                "value": "57",
                                                "unit": "%",
                                                "source": "Körber-Stiftung / forsa",
                                                "source_url": "",
                                                "year": "2021",
                                            }
                                        ]
                                    ),
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        self.assertFalse(FiguresPage.can_create_at(self.home))
