"""The Lotse's plan: from the answers to whom to call, the steps that fit, and the Strafantrag deadline.

The choice and order of steps are pure functions (`step_applies`, `order_steps`, `split_contacts`) so that they
can be tested without a database; `build_plan` fetches what they need in a fixed number of queries, however
many guidance pages, contacts or case examples exist. Editors decide in each step which situations and ways
it serves and how early it comes (its rank); nothing about particular situations is written in code.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django import forms
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from wagtail.rich_text import RichText

from contacts.models import Bundesland, Channel, Contact, ContactPhone, Situation
from portal.deadline import Deadline, today
from portal.guidance_blocks import DEFAULT_STEP_RANK, StepCategory

CORE_STEPS = 7  # what a shaken reader can take in; the rest waits folded under "Weitere Schritte"
ACUTE_PHASE, AFTER_PHASE = "akut", "danach"  # Phase slugs of the shared taxonomy
STARKE_STELLE_KEY = "starke-stelle"  # the nationwide contact point, shown beside the Land's own contacts


@dataclass(frozen=True)
class Answers:
    situation: Situation
    channel: Channel
    acute: bool
    land: Bundesland
    known_since: datetime.date | None = None


@dataclass(frozen=True)
class SourcePage:
    title: str
    url: str


@dataclass
class PlanStep:
    heading: str
    category: str
    text: object  # RichText: rendered with the |richtext filter
    sources: list[SourcePage] = field(default_factory=list)
    situations: tuple[str, ...] = ()  # slugs; empty: every situation of its page
    channels: tuple[str, ...] = ()
    rank: int = DEFAULT_STEP_RANK
    situation_ranks: dict[str, int] = field(default_factory=dict)

    @property
    def category_label(self) -> str:
        return StepCategory.LABELS.get(self.category, "")

    def rank_for(self, situation_slug: str) -> int:
        return self.situation_ranks.get(situation_slug, self.rank)


@dataclass
class Plan:
    answers: Answers
    steps: list[PlanStep]
    guidance_pages: list
    regional_contacts: list
    nationwide_contacts: list
    case_examples: list
    deadline: Deadline | None = None

    @property
    def acute(self) -> bool:
        return self.answers.acute

    @property
    def core_steps(self) -> list[PlanStep]:
        return self.steps[:CORE_STEPS]

    @property
    def further_steps(self) -> list[PlanStep]:
        return self.steps[CORE_STEPS:]

    @property
    def further_start(self) -> int:
        return len(self.core_steps) + 1

    @property
    def has_match(self) -> bool:
        return bool(self.steps)

    @property
    def starke_stelle(self):
        return next((c for c in self.nationwide_contacts if c.key == STARKE_STELLE_KEY), None)

    @property
    def call_first(self) -> list:
        """Whom to call, at the top: the Land's own contacts that can be reached, then the Starke Stelle, then
        the Land's contacts for which nothing to call or write is on record (a name alone must not push the
        Starke Stelle's number off a phone's first screens)."""
        reachable = [c for c in self.regional_contacts if c.has_vcard]
        name_only = [c for c in self.regional_contacts if not c.has_vcard]
        starke_stelle = [self.starke_stelle] if self.starke_stelle is not None else []
        return [*reachable, *starke_stelle, *name_only]

    @property
    def more_contacts(self) -> list:
        """The other nationwide services that fit the answers, below the steps."""
        return [c for c in self.nationwide_contacts if c.key != STARKE_STELLE_KEY]

    @property
    def contacts(self) -> list:
        """Every contact the plan shows, in the order shown (for the vCard download)."""
        return [*self.call_first, *self.more_contacts]

    @property
    def needs_complaint_deadline(self) -> bool:
        return self.answers.situation.complaint_deadline

    @property
    def title(self) -> str:
        return f"Ihr Plan: {self.answers.situation.name} in {self.answers.land.name}"


# --- pure logic ---------------------------------------------------------------------------------------------


def _normalise(heading: str) -> str:
    return re.sub(r"\s+", " ", heading).strip().casefold().rstrip(".!")


def _category_rank(category: str) -> int:
    try:
        return StepCategory.ORDER.index(category)
    except ValueError:
        return len(StepCategory.ORDER)  # an unknown category goes last rather than breaking the plan


def step_applies(step: PlanStep, situation_slug: str, channel_slug: str) -> bool:
    """A step names the situations and ways it serves; naming none means all those of its page."""
    return (not step.situations or situation_slug in step.situations) and (
        not step.channels or channel_slug in step.channels
    )


def order_steps(candidates: list[tuple[PlanStep, SourcePage]], situation_slug: str, channel_slug: str):
    """The steps that fit, deduplicated by heading, in the order that matters for this situation.

    Order: the step's rank for the situation (editors set it), then its category (safety → evidence → report →
    support → prevention), then the order the candidates came in (pages for the reader's phase first, then the
    editors' tree order). A step that several pages share appears once, at its earliest place, listing every
    source page.
    """
    fitting = [
        (index, step, source)
        for index, (step, source) in enumerate(candidates)
        if step_applies(step, situation_slug, channel_slug)
    ]
    fitting.sort(key=lambda item: (item[1].rank_for(situation_slug), _category_rank(item[1].category), item[0]))
    merged: dict[str, PlanStep] = {}
    for _index, step, source in fitting:
        key = _normalise(step.heading)
        if key not in merged:
            merged[key] = PlanStep(
                step.heading, step.category, step.text, [], step.situations, step.channels, step.rank,
                step.situation_ranks,
            )
        if source not in merged[key].sources:
            merged[key].sources.append(source)
    return list(merged.values())


def split_contacts(contacts, land: Bundesland, situation: Situation, channel: Channel | None = None):
    """Contacts of the chosen Land and nationwide ones that help with the situation on this way.

    A contact naming no situation helps with all of them, one naming no way serves all ways. Those naming the
    situation come first.
    Expects `bundeslaender` prefetched, and either `situations`/`channels` prefetched or the flags
    `names_situation`, `names_any_situation`, `serves_channel` that `build_plan` computes in SQL.
    """

    def names(contact) -> tuple[bool, bool]:
        """(names this situation, names any situation)"""
        if hasattr(contact, "names_situation"):
            return contact.names_situation, contact.names_any_situation
        ids = {s.pk for s in contact.situations.all()}
        return situation.pk in ids, bool(ids)

    def serves(contact) -> bool:
        if channel is None:
            return True
        if hasattr(contact, "serves_channel"):
            return contact.serves_channel
        ids = {c.pk for c in contact.channels.all()}
        return not ids or channel.pk in ids

    def fits(contact) -> bool:
        this, any_ = names(contact)
        return (this or not any_) and serves(contact)

    def rank(contact):
        return (0 if names(contact)[0] else 1, contact.name)

    def pick(candidates):
        # No fallback to contacts that do not fit: an online reporting office is no help after an attack in
        # the street. The plan says so in a sentence and names the nationwide services instead.
        return sorted([c for c in candidates if fits(c)], key=rank)

    regional = [c for c in contacts if not c.nationwide and land.pk in {b.pk for b in c.bundeslaender.all()}]
    return pick(regional), pick([c for c in contacts if c.nationwide])


# --- the form -----------------------------------------------------------------------------------------------

YES = "ja"


class LotseForm(forms.Form):
    """The questions, danger first. "Ja" to the danger question alone is a complete answer: it gets the
    emergency numbers at once and no error; the plan needs the other three. Choices come from the taxonomy,
    so that editors can add situations. The parameter names and values are those of plans bookmarked since
    the start (`situation`, `channel`, `acute`, `land`); `known_since` is new and optional."""

    acute = forms.ChoiceField(
        label="Sind Sie oder andere jetzt in Gefahr?",
        choices=[(YES, "Ja, jetzt gerade"), ("nein", "Nein")],
        required=False,
        error_messages={
            "invalid_choice": "Bitte antworten Sie mit „Ja“ oder „Nein“, ob Sie jetzt in Gefahr sind.",
        },
    )
    situation = forms.ChoiceField(
        label="Was ist passiert?",
        required=False,
        error_messages={
            "invalid_choice": "Bitte wählen Sie eine der angebotenen Antworten aus, was passiert ist.",
        },
    )
    channel = forms.ChoiceField(
        label="Wo ist es passiert?",
        required=False,
        error_messages={
            "invalid_choice": "Bitte wählen Sie eine der angebotenen Antworten aus, wo es passiert ist.",
        },
    )
    land = forms.ChoiceField(
        label="In welchem Bundesland sind Sie tätig?",
        required=False,
        error_messages={"invalid_choice": "Bitte wählen Sie ein Bundesland aus der Liste aus."},
    )
    known_since = forms.DateField(
        label="Seit wann wissen Sie von der Tat und vom Täter?",
        required=False,
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"],
        error_messages={
            "invalid": "Bitte geben Sie das Datum als Tag.Monat.Jahr ein, zum Beispiel 3.12.2026.",
        },
    )

    REQUIRED_MESSAGES = {
        "situation": "Bitte wählen Sie aus, was passiert ist.",
        "channel": "Bitte wählen Sie aus, wo es passiert ist.",
        "acute": "Bitte geben Sie an, ob Sie jetzt in Gefahr sind.",
        "land": "Bitte wählen Sie Ihr Bundesland aus.",
    }
    QUESTIONS = ("acute", "situation", "channel", "land")  # the fields a plan needs, in the order asked
    FIELD_IDS = {
        "situation": "frage-situation",
        "channel": "frage-kanal",
        "acute": "frage-gefahr",
        "land": "frage-land",
        "known_since": "frage-bekannt-seit",
    }

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.situations, self.channels, self.laender = _terms()
        self.fields["situation"].choices = [(s.slug, s.name) for s in self.situations]
        self.fields["channel"].choices = [(c.slug, c.name) for c in self.channels]
        self.fields["land"].choices = [("", "Bitte wählen")] + [(b.slug, b.name) for b in self.laender]

    def _single(self, name: str) -> str:
        """One value per question: a repeated parameter with different values is ambiguous, not a guess."""
        values = set(self.data.getlist(name)) if hasattr(self.data, "getlist") else {self.data.get(name)}
        values.discard(None)
        if len(values) > 1:
            raise forms.ValidationError("Bitte wählen Sie bei dieser Frage nur eine Antwort.")
        # The field has checked the value against its choices already, so it is a known slug or empty here.
        return self.cleaned_data.get(name, "")

    def clean_situation(self):
        slug = self._single("situation")
        return next((s for s in self.situations if s.slug == slug), None)

    def clean_channel(self):
        slug = self._single("channel")
        return next((c for c in self.channels if c.slug == slug), None)

    def clean_acute(self):
        value = self._single("acute")
        return None if value == "" else value == YES

    def clean_land(self):
        slug = self._single("land")
        return next((b for b in self.laender if b.slug == slug), None)

    def clean_known_since(self):
        value = self.cleaned_data.get("known_since")
        if value and value > today():
            raise forms.ValidationError("Dieses Datum liegt in der Zukunft. Bitte prüfen Sie das Datum.")
        if value and value < today() - datetime.timedelta(days=366 * 5):
            raise forms.ValidationError("Bitte geben Sie ein Datum der letzten Jahre ein.")
        return value

    def clean(self):
        data = super().clean()
        # In danger, nothing else is asked of the reader: no message may stand between them and 110.
        if data.get("acute") is True:
            return data
        for name in self.QUESTIONS:
            if name not in self.errors and data.get(name) is None:
                self.add_error(name, self.REQUIRED_MESSAGES[name])
        return data

    def _questions_valid(self) -> bool:
        # A wrong date only loses the deadline, never the plan: it is checked beside the deadline.
        self.is_valid()
        return not any(name in self.errors for name in self.QUESTIONS)

    @property
    def in_danger(self) -> bool:
        return self.is_bound and self._questions_valid() and self.cleaned_data.get("acute") is True

    @property
    def complete(self) -> bool:
        """All four questions answered: enough for a plan."""
        return (
            self.is_bound
            and self._questions_valid()
            and all(self.cleaned_data.get(name) is not None for name in self.QUESTIONS)
        )

    @property
    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(data["situation"], data["channel"], data["acute"], data["land"], data.get("known_since"))

    def error_list(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the error summary, in the order of the questions."""
        return [(self.FIELD_IDS[name], error) for name in self.QUESTIONS for error in self.errors.get(name, [])]


# --- fetching -----------------------------------------------------------------------------------------------


def _terms() -> tuple[list, list, list]:
    """Situations, channels and Länder for the questions, kept until the content changes (any edit of a term
    bumps the page-cache generation), so that neither the form nor a plan spends a query on them."""
    from core.cache import generation_cached

    def build():
        return list(Situation.objects.all()), list(Channel.objects.all()), list(Bundesland.objects.all())

    return generation_cached("lotse-terms", build)


def _list_items(raw_list) -> list[dict]:
    """A ListBlock's raw JSON: items as {"type": "item", "value": …} (Wagtail ≥ 2.16) or bare values (older)."""
    return [item["value"] if isinstance(item, dict) and "value" in item else item for item in raw_list or []]


def _steps_of(page, request=None) -> list[tuple[PlanStep, SourcePage]]:
    """The page's steps, read from the raw JSON: no block's `to_python`, so that neither choosers in other blocks
    nor the taxonomy choices of the step's tags cost a query."""
    source = SourcePage(page.title, page.get_url(request))
    found = []
    for raw in page.body.raw_data:
        if raw.get("type") != "steps":
            continue
        for step in _list_items((raw.get("value") or {}).get("steps")):
            ranks = {
                item.get("situation"): int(item["rank"])
                for item in _list_items(step.get("situation_ranks"))
                if item.get("situation") and item.get("rank")
            }
            found.append(
                (
                    PlanStep(
                        step.get("heading", ""),
                        step.get("category", ""),
                        RichText(step.get("text", "")),
                        situations=tuple(step.get("situations") or ()),
                        channels=tuple(step.get("channels") or ()),
                        rank=int(step.get("rank") or DEFAULT_STEP_RANK),
                        situation_ranks=ranks,
                    ),
                    source,
                )
            )
    return found


def build_plan(answers: Answers, request=None) -> Plan:
    from .guidance import CaseExamplePage, GuidancePage

    # Channel and phase are decided in the one query for the pages (EXISTS), not by prefetching both.
    channels = GuidancePage.channels.through.objects.filter(guidancepage_id=OuterRef("pk"))
    phase = ACUTE_PHASE if answers.acute else AFTER_PHASE
    pages = list(
        GuidancePage.objects.live()
        .public()
        .filter(situations=answers.situation)
        # A page without channels applies everywhere; one with channels only where it was tagged.
        .filter(~Exists(channels) | Exists(channels.filter(channel=answers.channel)))
        .annotate(
            in_phase=Exists(
                GuidancePage.phases.through.objects.filter(guidancepage_id=OuterRef("pk"), phase__slug=phase)
            )
        )
        .order_by("path")
    )
    # Pages for the reader's phase first (acute danger: "akut", otherwise "danach"): among steps of the same
    # rank and category theirs come first. The sort is stable, so the editors' tree order decides the rest.
    pages.sort(key=lambda p: 0 if p.in_phase else 1)
    candidates = [candidate for page in pages for candidate in _steps_of(page, request)]

    # Whether a contact names the situation or serves the way is decided in SQL: the card shows neither.
    named = Contact.situations.through.objects.filter(contact_id=OuterRef("pk"))
    ways = Contact.channels.through.objects.filter(contact_id=OuterRef("pk"))
    contacts = list(
        Contact.objects.filter(live=True)
        .filter(Q(nationwide=True) | Q(bundeslaender=answers.land))
        .distinct()
        .annotate(
            names_situation=Exists(named.filter(situation=answers.situation)),
            names_any_situation=Exists(named),
            serves_channel=ExpressionWrapper(
                ~Exists(ways) | Exists(ways.filter(channel=answers.channel)), output_field=BooleanField()
            ),
        )
        .prefetch_related(
            "bundeslaender",
            Prefetch("phone_numbers", queryset=ContactPhone.objects.order_by("sort_order")),
        )
    )
    regional, nationwide = split_contacts(contacts, answers.land, answers.situation, answers.channel)

    case_examples = list(
        CaseExamplePage.objects.live().public().filter(situations=answers.situation).order_by("path")[:3]
    )
    deadline = None
    if answers.situation.complaint_deadline and answers.known_since:
        deadline = Deadline(answers.known_since, today())
    steps = order_steps(candidates, answers.situation.slug, answers.channel.slug)
    return Plan(answers, steps, pages, regional, nationwide, case_examples, deadline)
