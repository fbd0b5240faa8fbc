from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import LinkCardBlock, StandardStreamBlock
from core.models import BasePage
from core.routing import FastRouteMixin


class HomePage(FastRouteMixin, BasePage):
    """The start page: what this is, the emergency box, entry points, one figure with its source."""

    intro = models.TextField(
        "Einleitung", max_length=500, help_text="Zwei, drei Sätze: Was ist Stark im Amt und für wen?"
    )
    entry_points = StreamField(
        [("card", LinkCardBlock())], blank=True, verbose_name="Einstiege in die Bereiche", use_json_field=True
    )
    figure_value = models.CharField("Zahl", max_length=20, blank=True, help_text="z. B. „38 %“")
    figure_text = models.CharField("Aussage zur Zahl", max_length=250, blank=True)
    figure_source = models.CharField("Quelle", max_length=250, blank=True)
    figure_source_url = models.URLField("Link zur Quelle", blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("entry_points"),
        MultiFieldPanel(
            [
                FieldPanel("figure_value"),
                FieldPanel("figure_text"),
                FieldPanel("figure_source"),
                FieldPanel("figure_source_url"),
            ],
            heading="Zahl auf der Startseite",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    # Every section that may sit directly below the home page is listed here.
    subpage_types = [
        "portal.StandardPage",
        "portal.AboutPage",
        "portal.GuidanceIndexPage",
        "portal.LotsePage",
        "portal.SupporterIndexPage",
        "portal.FiguresPage",
        "portal.FormPage",
        "contacts.ContactFinderPage",
        "contacts.StarkeStellePage",
        "magazine.MagazineIndexPage",
        "magazine.NewsIndexPage",
    ]
    max_count = 1
    template = "portal/home_page.html"

    class Meta:
        verbose_name = "Startseite"


class StandardPage(BasePage):
    """A plain content page: Impressum, Datenschutz and other pages with text only."""

    body = StreamField(StandardStreamBlock(), verbose_name="Inhalt", use_json_field=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage", "portal.AboutPage"]
    subpage_types = ["portal.StandardPage"]
    template = "portal/standard_page.html"

    class Meta:
        verbose_name = "Inhaltsseite"


class AboutPage(BasePage):
    """"Über uns": the goals, the people behind the portal, and how to reach it; partners below it."""

    intro = models.TextField("Einleitung", max_length=600)
    body = StreamField(StandardStreamBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)
    contact_text = RichTextField(
        "So erreichen Sie uns", features=["bold", "link", "ul"], blank=True, help_text="Kontakt zur Redaktion"
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("contact_text")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.PartnerPage", "portal.StandardPage"]
    max_count = 1
    template = "portal/about_page.html"

    class Meta:
        verbose_name = "Über uns"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = (
            PartnerPage.objects.child_of(self).live().public().select_related("logo").order_by("path")
        )
        return context


class PartnerRole(models.TextChoices):
    SUPPORTER = "traeger", "Träger"
    PARTNER = "projektpartner", "Projektpartner"
    CONTACT_POINT = "starke-stelle", "Betreibt die Starke Stelle"


class PartnerPage(BasePage):
    """One organisation behind the portal, with its logo, what it is, and a link to its website."""

    role = models.CharField("Rolle im Portal", max_length=20, choices=PartnerRole.choices)
    logo = models.ForeignKey(
        "portal.PortalImage",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField("Beschreibung", features=["bold", "italic", "link", "ul"])
    website = models.URLField("Website", blank=True)
    # German declines names with their article: "Beiträge, die der Deutsche Städtetag verantwortet",
    # "Website des Deutschen Städtetags". No rule derives these reliably, so editors write them.
    name_nominative = models.CharField(
        "Name mit Artikel (wer?)", max_length=200, blank=True,
        help_text="z. B. „der Deutsche Städtetag“, „die Körber-Stiftung“. Für „Beiträge, die … verantwortet“.",
    )
    name_genitive = models.CharField(
        "Name im Genitiv (wessen?)", max_length=200, blank=True,
        help_text="z. B. „des Deutschen Städtetags“, „der Körber-Stiftung“. Für „Website des …“.",
    )
    name_dative = models.CharField(
        "Name im Dativ (wem?)", max_length=200, blank=True,
        help_text="z. B. „dem Deutschen Städtetag“, „der Körber-Stiftung“. Für „Beiträge von …“.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("role"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("name_nominative"), FieldPanel("name_genitive"), FieldPanel("name_dative")],
            heading="Name in Sätzen",
            help_text="Leer gelassen, formuliert die Website neutral, z. B. „Website: Deutscher Städtetag“.",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description")]

    parent_page_types = ["portal.AboutPage"]
    subpage_types = []
    template = "portal/partner_page.html"

    class Meta:
        verbose_name = "Partnerseite"
        verbose_name_plural = "Partnerseiten"

