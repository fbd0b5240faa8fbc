"""Rat und Tat: guidance pages, case examples (Fallbeispiele) and supporter profiles (Unterstützerprofile)."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from contacts.models import Bundesland, Channel, Contact, Phase, Situation, StarkeStellePage
from core.models import BasePage
from portal.guidance_blocks import GuidanceSectionBlock, GuidanceStreamBlock

from .review import ReviewedContentMixin

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def live_contacts(queryset):
    """Published contacts with what a contact card shows, in a fixed number of queries."""
    return queryset.filter(live=True).prefetch_related("phone_numbers").order_by("name")


class GuidanceIndexPage(BasePage):
    """"Rat und Tat": the overview of all guidance, grouped into sections such as "Akut handeln"."""

    intro = models.TextField("Einleitung", max_length=600)
    sections = StreamField(
        [("section", GuidanceSectionBlock())], verbose_name="Bereiche", blank=True, use_json_field=True
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("sections")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.GuidancePage", "portal.CaseExampleIndexPage"]
    max_count = 1
    template = "portal/guidance/guidance_index_page.html"

    class Meta:
        verbose_name = "Rat und Tat (Übersicht)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        in_sections = {block_page_id for block in self.sections.raw_data for block_page_id in _page_ids(block)}
        # Guidance that no section lists yet still appears, so a new page is never unreachable.
        context["other_pages"] = (
            GuidancePage.objects.child_of(self).live().public().exclude(pk__in=in_sections).order_by("path")
        )
        context["case_example_index"] = CaseExampleIndexPage.objects.child_of(self).live().public().first()
        context["supporter_index"] = SupporterIndexPage.objects.live().public().first()
        return context


def _page_ids(raw_block) -> list[int]:
    pages = (raw_block.get("value") or {}).get("pages") or []
    # ListBlock stores items either as bare values or as {"type": "item", "value": …, "id": …}.
    return [item["value"] if isinstance(item, dict) else item for item in pages]


class GuidancePage(ReviewedContentMixin, BasePage):
    """One topic of guidance: when it applies, numbered steps, checklists, FAQ and who helps."""

    applies_when = models.CharField(
        "Wann betrifft Sie das?",
        max_length=300,
        help_text="Ein Satz, der beschreibt, in welcher Lage diese Seite hilft.",
    )
    body = StreamField(GuidanceStreamBlock(), verbose_name="Inhalt", use_json_field=True)
    situations = ParentalManyToManyField(
        Situation, verbose_name="Situationen", blank=True, related_name="guidance_pages",
        help_text="Bei welchen Situationen der Lotse diese Seite in den Plan aufnimmt.",
    )
    channels = ParentalManyToManyField(
        Channel, verbose_name="Kanäle", blank=True, related_name="guidance_pages",
        help_text="Leer lassen, wenn die Seite für alle Kanäle gilt.",
    )
    phases = ParentalManyToManyField(Phase, verbose_name="Phasen", blank=True, related_name="guidance_pages")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("applies_when"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("situations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("channels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("phases", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Zuordnung für den Lotsen",
        ),
        ReviewedContentMixin.review_panel,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("applies_when"), index.SearchField("body")]

    parent_page_types = ["portal.GuidanceIndexPage"]
    subpage_types = []
    template = "portal/guidance/guidance_page.html"

    class Meta:
        verbose_name = "Ratgeberseite"
        verbose_name_plural = "Ratgeberseiten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chosen = {
            p.pk for block in self.body if block.block_type == "case_examples" for p in block.value["pages"] if p
        }
        # Case examples that name this page as the guidance they illustrate, unless a block already shows them.
        context["case_examples"] = (
            CaseExamplePage.objects.live().public().filter(guidance_pages=self).exclude(pk__in=chosen).order_by("path")
        )
        return context


class CaseExampleIndexPage(BasePage):
    """The list of case examples below "Rat und Tat"."""

    intro = models.TextField("Einleitung", max_length=600)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["portal.GuidanceIndexPage"]
    subpage_types = ["portal.CaseExamplePage"]
    max_count = 1
    template = "portal/guidance/case_example_index_page.html"

    class Meta:
        verbose_name = "Fallbeispiele (Übersicht)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["examples"] = (
            CaseExamplePage.objects.child_of(self).live().public().prefetch_related("situations").order_by("path")
        )
        return context


class CaseExamplePage(ReviewedContentMixin, BasePage):
    """An anonymised case: what happened, what helped, which steps and which contacts."""

    situations = ParentalManyToManyField(Situation, verbose_name="Situationen", related_name="case_examples")
    is_composite = models.BooleanField(
        "Zusammengesetztes Beispiel",
        default=True,
        help_text="Zeigt den Hinweis, dass der Fall aus mehreren Erfahrungen zusammengesetzt und anonymisiert ist.",
    )
    what_happened = RichTextField("Was ist passiert?", features=TEXT_FEATURES)
    what_helped = RichTextField("Was hat geholfen?", features=TEXT_FEATURES)
    steps_taken = RichTextField("Welche Schritte?", features=TEXT_FEATURES, blank=True)
    guidance_pages = ParentalManyToManyField(
        "portal.GuidancePage",
        verbose_name="Zeigt, was diese Ratgeberseiten beschreiben",
        blank=True,
        related_name="case_examples",
    )
    contacts = ParentalManyToManyField(
        Contact, verbose_name="Kontakte, die geholfen haben", blank=True, related_name="case_examples"
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("situations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_composite"),
        FieldPanel("what_happened"),
        FieldPanel("what_helped"),
        FieldPanel("steps_taken"),
        FieldPanel("guidance_pages"),
        FieldPanel("contacts"),
        ReviewedContentMixin.review_panel,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("what_happened"),
        index.SearchField("what_helped"),
    ]

    parent_page_types = ["portal.CaseExampleIndexPage"]
    subpage_types = []
    template = "portal/guidance/case_example_page.html"

    class Meta:
        verbose_name = "Fallbeispiel"
        verbose_name_plural = "Fallbeispiele"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_guidance"] = self.guidance_pages.live().public().order_by("path")
        context["contacts"] = live_contacts(self.contacts.all())
        return context


class SupporterIndexPage(BasePage):
    """"Unterstützer": the organisations that help, each with its profile."""

    intro = models.TextField("Einleitung", max_length=600)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.SupporterProfilePage"]
    max_count = 1
    template = "portal/guidance/supporter_index_page.html"

    class Meta:
        verbose_name = "Unterstützer (Übersicht)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["profiles"] = (
            SupporterProfilePage.objects.child_of(self).live().public().prefetch_related("bundeslaender")
            .order_by("path")
        )
        # One page per organisation: the Starke Stelle's is its own page (/starke-stelle/), listed first here.
        context["starke_stelle"] = StarkeStellePage.objects.live().public().first()
        return context


class SupporterProfilePage(BasePage):
    """One organisation that supports office holders. How to reach it comes from its contact records."""

    who = RichTextField("Wer ist die Organisation?", features=TEXT_FEATURES)
    offers = RichTextField("Was bietet sie an?", features=TEXT_FEATURES)
    # The public heading says "Wer steht dahinter?": the facts name who runs a service, rarely who pays.
    operator = RichTextField(
        "Wer steht dahinter?", features=TEXT_FEATURES, blank=True,
        help_text="Träger oder Betreiber. Nur, was belegt ist. Leer lassen, wenn es nicht bekannt ist.",
    )
    nationwide = models.BooleanField("Bundesweit tätig", default=False)
    coverage_note = models.CharField(
        "Wo sie hilft, in Worten", max_length=120, blank=True,
        help_text="Nur wenn „Bundesweit“ zu viel sagt, z. B. „Beratungsstellen in 14 Ländern“. Steht statt "
        "„Bundesweit“ bzw. der Liste der Länder.",
    )
    bundeslaender = ParentalManyToManyField(
        Bundesland, verbose_name="Bundesländer", blank=True, related_name="supporter_profiles",
        help_text="Nur, wenn die Organisation nicht bundesweit tätig ist.",
    )
    contacts = ParentalManyToManyField(
        Contact,
        verbose_name="Kontakteinträge",
        blank=True,
        related_name="supporter_profiles",
        help_text="Telefon, E-Mail und Website kommen aus diesen Kontakten – pflegen Sie sie nur dort.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("who"),
        FieldPanel("offers"),
        FieldPanel("operator"),
        MultiFieldPanel(
            [
                FieldPanel("nationwide"),
                FieldPanel("bundeslaender", widget=forms.CheckboxSelectMultiple),
                FieldPanel("coverage_note"),
            ],
            heading="Wo sie hilft",
        ),
        FieldPanel("contacts"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("who"), index.SearchField("offers")]

    parent_page_types = ["portal.SupporterIndexPage"]
    subpage_types = []
    template = "portal/guidance/supporter_profile_page.html"

    class Meta:
        verbose_name = "Unterstützerprofil"
        verbose_name_plural = "Unterstützerprofile"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = live_contacts(self.contacts.all())
        return context
