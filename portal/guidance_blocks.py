"""Blocks of the guidance pages ("Rat und Tat"): numbered steps, checklists, FAQ, downloads and choosers.

Steps carry a category so that the Lotse can merge the steps of several pages into one plan in a
sensible order: safety first, then evidence, report, support, and prevention last.
"""

from django import forms
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from contacts.blocks import ContactChooserBlock, live_contacts
from core.blocks import CalloutBlock, HeadingBlock, HeadingOrderStreamBlock, PageCardChooserBlock


class StepCategory:
    """The order in which the Lotse shows steps. The values are stored in the page JSON: do not rename."""

    SAFETY = "safety"
    EVIDENCE = "evidence"
    REPORT = "report"
    SUPPORT = "support"
    PREVENTION = "prevention"

    CHOICES = [
        (SAFETY, "Sicherheit"),
        (EVIDENCE, "Beweise sichern"),
        (REPORT, "Anzeigen und melden"),
        (SUPPORT, "Unterstützung holen"),
        (PREVENTION, "Vorbeugen"),
    ]
    ORDER = [value for value, _label in CHOICES]
    LABELS = dict(CHOICES)


STEP_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def _term_choices(model_name: str):
    """The shared taxonomy, read when the editor's form is built (editors may add terms)."""
    from django.apps import apps

    return [(term.slug, term.name) for term in apps.get_model("contacts", model_name).objects.all()]


def situation_choices():
    return _term_choices("Situation")


def channel_choices():
    return _term_choices("Channel")


class TermChoiceBlock(blocks.ChoiceBlock):
    """A taxonomy slug. Stored slugs are used as they are: Wagtail would look each one up in the (queried) choices
    whenever a page is read, a query per step on every render."""

    def to_python(self, value):
        return value


class TermsChoiceBlock(blocks.MultipleChoiceBlock):
    def to_python(self, value):
        if not value:
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]


DEFAULT_STEP_RANK = 50  # steps without a rank sit in the middle; 1 is the first step of a plan


class SituationRankBlock(blocks.StructBlock):
    situation = TermChoiceBlock(label="Situation", choices=situation_choices, search_index=False)
    rank = blocks.IntegerBlock(label="Rang", min_value=1, max_value=99)

    class Meta:
        icon = "order"
        label = "Rang bei einer Situation"


class StepBlock(blocks.StructBlock):
    """One step. Besides its text it says where it belongs in the Lotse's plan: for which situations and ways
    it is meant (empty: for all of the page's), and how early it comes (its rank, per situation if needed)."""

    heading = blocks.CharBlock(
        label="Was ist zu tun?", max_length=120, help_text="Kurz und in der Befehlsform, z. B. „Sichern Sie Beweise“."
    )
    category = blocks.ChoiceBlock(
        label="Art des Schritts",
        choices=StepCategory.CHOICES,
        default=StepCategory.EVIDENCE,
        help_text="Bei gleichem Rang bestimmt die Art die Reihenfolge im Plan des Lotsen.",
    )
    text = blocks.RichTextBlock(label="Erläuterung", features=STEP_TEXT_FEATURES)
    situations = TermsChoiceBlock(
        label="Nur bei diesen Situationen",
        search_index=False,
        choices=situation_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leer: bei allen Situationen, für die die Seite gilt.",
    )
    channels = TermsChoiceBlock(
        label="Nur auf diesen Wegen",
        search_index=False,
        choices=channel_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leer: auf allen Wegen, für die die Seite gilt. "
        "Z. B. „Post/Telefon“ für einen Schritt zu Drohanrufen.",
    )
    rank = blocks.IntegerBlock(
        label="Rang im Plan",
        min_value=1,
        max_value=99,
        default=DEFAULT_STEP_RANK,
        help_text="1 = ganz oben. Der Plan zeigt die sieben Schritte mit dem kleinsten Rang zuerst, die übrigen "
        "unter „Weitere Schritte“.",
    )
    situation_ranks = blocks.ListBlock(
        SituationRankBlock(),
        label="Anderer Rang bei bestimmten Situationen",
        default=[],
        help_text="Z. B. Rang 1 bei Doxing für „Beantragen Sie eine Auskunftssperre“.",
    )

    class Meta:
        icon = "tick"
        label = "Schritt"
        template = "portal/guidance/blocks/step.html"
        preview_value = {
            "heading": "Sichern Sie Beweise",
            "category": StepCategory.EVIDENCE,
            "text": "<p>Machen Sie Bildschirmfotos mit Datum und Uhrzeit.</p>",
        }


class StepsBlock(blocks.StructBlock):
    """A numbered list of steps. The numbers come from the list itself, so editors never renumber."""

    title = blocks.CharBlock(label="Überschrift", max_length=120, required=False, default="Was Sie tun können")
    steps = blocks.ListBlock(StepBlock(), label="Schritte", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Nummerierte Schritte"
        template = "portal/guidance/blocks/steps.html"
        preview_value = {
            "title": "Was Sie tun können",
            "steps": [
                {
                    "heading": "Antworten Sie nicht",
                    "category": StepCategory.SAFETY,
                    "text": "<p>Reagieren Sie nicht auf die Nachricht.</p>",
                },
                {
                    "heading": "Sichern Sie Beweise",
                    "category": StepCategory.EVIDENCE,
                    "text": "<p>Machen Sie Bildschirmfotos mit Datum und Uhrzeit.</p>",
                },
            ],
        }


class ChecklistBlock(blocks.StructBlock):
    """Items a reader ticks on paper: printed with an empty box in front of each."""

    title = blocks.CharBlock(label="Überschrift", max_length=120, default="Checkliste")
    items = blocks.ListBlock(blocks.CharBlock(label="Punkt", max_length=250), label="Punkte", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Checkliste"
        template = "portal/guidance/blocks/checklist.html"
        preview_value = {
            "title": "Checkliste Beweise",
            "items": ["Bildschirmfoto mit Datum und Uhrzeit", "Adresse (URL) des Beitrags"],
        }


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Frage", max_length=200)
    answer = blocks.RichTextBlock(label="Antwort", features=STEP_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Frage und Antwort"


class FaqBlock(blocks.StructBlock):
    """Questions that open with details/summary: works without JavaScript and prints open."""

    title = blocks.CharBlock(label="Überschrift", max_length=120, default="Häufige Fragen")
    items = blocks.ListBlock(FaqItemBlock(), label="Fragen", min_num=1)

    class Meta:
        icon = "help"
        label = "Häufige Fragen"
        template = "portal/guidance/blocks/faq.html"
        preview_value = {
            "title": "Häufige Fragen",
            "items": [
                {
                    "question": "Muss ich antworten?",
                    "answer": "<p>Nein. Antworten Sie nicht auf Hassnachrichten.</p>",
                }
            ],
        }


class DownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Überschrift", max_length=120, default="Zum Herunterladen")
    documents = blocks.ListBlock(DocumentChooserBlock(label="Dokument"), label="Dokumente", min_num=1)

    class Meta:
        icon = "doc-full"
        label = "Downloads"
        template = "portal/guidance/blocks/downloads.html"


class ContactsBlock(blocks.StructBlock):
    """Related contacts from the contacts app: phone, email and website come from the one contact record."""

    title = blocks.CharBlock(label="Überschrift", max_length=120, default="Wer Ihnen hilft")
    contacts = blocks.ListBlock(ContactChooserBlock(label="Kontakt"), label="Kontakte", min_num=1)

    class Meta:
        icon = "group"
        label = "Kontakte"
        template = "portal/guidance/blocks/contacts.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["live_contacts"] = live_contacts(value["contacts"])  # phones came with them
        return context


class _PageListBlock(blocks.StructBlock):
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["live_pages"] = [p.specific for p in value["pages"] if p is not None and p.live]
        return context


class CaseExamplesBlock(_PageListBlock):
    title = blocks.CharBlock(label="Überschrift", max_length=120, default="Aus der Praxis")
    pages = blocks.ListBlock(
        PageCardChooserBlock(label="Fallbeispiel", page_type="portal.CaseExamplePage"), label="Fallbeispiele"
    )

    class Meta:
        icon = "doc-full-inverse"
        label = "Fallbeispiele"
        template = "portal/guidance/blocks/page_cards.html"


class SupportersBlock(_PageListBlock):
    title = blocks.CharBlock(label="Überschrift", max_length=120, default="Diese Organisationen unterstützen Sie")
    pages = blocks.ListBlock(
        PageCardChooserBlock(label="Unterstützerprofil", page_type="portal.SupporterProfilePage"),
        label="Unterstützerprofile",
    )

    class Meta:
        icon = "group"
        label = "Unterstützerprofile"
        template = "portal/guidance/blocks/page_cards.html"


class GuidanceSectionBlock(blocks.StructBlock):
    """A section of the "Rat und Tat" overview, e.g. "Akut handeln", with the guidance pages it groups."""

    title = blocks.CharBlock(label="Überschrift", max_length=80)
    text = blocks.CharBlock(label="Kurze Einleitung", max_length=250, required=False)
    pages = blocks.ListBlock(
        PageCardChooserBlock(label="Ratgeberseite", page_type="portal.GuidancePage"), label="Seiten", min_num=1
    )

    class Meta:
        icon = "folder-open-inverse"
        label = "Bereich"
        template = "portal/guidance/blocks/section.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["live_pages"] = [p.specific for p in value["pages"] if p is not None and p.live]
        return context


class GuidanceStreamBlock(HeadingOrderStreamBlock):
    """The rich block set of guidance pages."""

    steps = StepsBlock()
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Absatz", features=STEP_TEXT_FEATURES, template="components/blocks/paragraph.html"
    )
    checklist = ChecklistBlock()
    callout = CalloutBlock()
    faq = FaqBlock()
    downloads = DownloadsBlock()
    contacts = ContactsBlock()
    case_examples = CaseExamplesBlock()
    supporters = SupportersBlock()

    class Meta:
        template = "components/blocks/stream.html"

    @cached_property
    def steps_block(self) -> StepsBlock:
        return self.child_blocks["steps"]
