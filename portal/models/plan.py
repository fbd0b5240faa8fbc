"""The Lotse's plan: from four answers to an ordered list of steps, the right contacts and case examples.

The ordering and deduplication are pure functions (`order_steps`, `split_contacts`) so that they can be tested
without a database; `build_plan` fetches what they need in a fixed number of queries, however many guidance
pages, contacts or case examples exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django import forms
from django.db.models import Exists, OuterRef, Prefetch, Q

from contacts.models import Bundesland, Channel, Contact, ContactPhone, Situation
from portal.guidance_blocks import GuidanceStreamBlock, StepCategory

STEPS_PER_CATEGORY = 3  # at most 15 steps: a plan that fits on two sheets of paper
ACUTE_PHASE, AFTER_PHASE = "akut", "danach"  # Phase slugs of the shared taxonomy


@dataclass(frozen=True)
class Answers:
    situation: Situation
    channel: Channel
    acute: bool
    land: Bundesland


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

    @property
    def category_label(self) -> str:
        return StepCategory.LABELS.get(self.category, "")


@dataclass
class StepGroup:
    category: str
    label: str
    start: int  # the number of the group's first step, so that numbering runs on across groups
    steps: list[PlanStep]


@dataclass
class Plan:
    answers: Answers
    steps: list[PlanStep]
    guidance_pages: list
    regional_contacts: list
    nationwide_contacts: list
    case_examples: list

    @property
    def acute(self) -> bool:
        return self.answers.acute

    @property
    def step_groups(self) -> list[StepGroup]:
        groups: list[StepGroup] = []
        number = 1
        for step in self.steps:
            if not groups or groups[-1].category != step.category:
                groups.append(StepGroup(step.category, step.category_label, number, []))
            groups[-1].steps.append(step)
            number += 1
        return groups

    @property
    def has_match(self) -> bool:
        return bool(self.steps)


# --- pure logic ---------------------------------------------------------------------------------------------


def _normalise(heading: str) -> str:
    return re.sub(r"\s+", " ", heading).strip().casefold().rstrip(".!")


def _category_rank(category: str) -> int:
    try:
        return StepCategory.ORDER.index(category)
    except ValueError:
        return len(StepCategory.ORDER)  # an unknown category goes last rather than breaking the plan


def order_steps(candidates: list[tuple[PlanStep, SourcePage]], per_category: int | None = None) -> list[PlanStep]:
    """Deduplicate steps by their heading and order them safety → evidence → report → support → prevention.

    `candidates` come in page order and, within a page, in the editor's order; that order is kept inside
    each category (a stable sort). A step that several pages share appears once, listing every source page.
    `per_category` keeps the first steps of each category only, so that a plan fits on paper; the pages
    the plan links to hold the rest.
    """
    merged: dict[str, PlanStep] = {}
    for step, source in candidates:
        key = _normalise(step.heading)
        if key not in merged:
            merged[key] = PlanStep(step.heading, step.category, step.text, [])
        if source not in merged[key].sources:
            merged[key].sources.append(source)
    ordered = sorted(merged.values(), key=lambda step: _category_rank(step.category))
    if per_category is None:
        return ordered
    taken: dict[str, int] = {}
    kept = []
    for step in ordered:
        taken[step.category] = taken.get(step.category, 0) + 1
        if taken[step.category] <= per_category:
            kept.append(step)
    return kept


def split_contacts(contacts, land: Bundesland, situation: Situation) -> tuple[list, list]:
    """Contacts of the chosen Land and nationwide ones that help with the situation, those naming it first.

    A contact without any situation is taken to help with all of them; where no contact of a group helps,
    the whole group is shown rather than nothing. Expects `bundeslaender` prefetched, and either `situations`
    prefetched or the flags `names_situation`/`names_any_situation` that `build_plan` computes in SQL.
    """

    def names(contact) -> tuple[bool, bool]:
        """(names this situation, names any situation)"""
        if hasattr(contact, "names_situation"):
            return contact.names_situation, contact.names_any_situation
        ids = {s.pk for s in contact.situations.all()}
        return situation.pk in ids, bool(ids)

    def helps(contact) -> bool:
        this, any_ = names(contact)
        return this or not any_

    def rank(contact):
        return (0 if names(contact)[0] else 1, contact.name)

    def pick(candidates):
        # Better a general helpline than none: if no contact names the situation, show them all.
        return sorted([c for c in candidates if helps(c)] or candidates, key=rank)

    regional = [c for c in contacts if not c.nationwide and land.pk in {b.pk for b in c.bundeslaender.all()}]
    return pick(regional), pick([c for c in contacts if c.nationwide])


# --- the form -----------------------------------------------------------------------------------------------


class LotseForm(forms.Form):
    """The four questions. Choices come from the taxonomy so that editors can add situations."""

    situation = forms.ChoiceField(
        label="Was ist passiert?",
        error_messages={
            "required": "Bitte wählen Sie aus, was passiert ist.",
            "invalid_choice": "Bitte wählen Sie eine der angebotenen Antworten aus, was passiert ist.",
        },
    )
    channel = forms.ChoiceField(
        label="Wo ist es passiert?",
        error_messages={
            "required": "Bitte wählen Sie aus, wo es passiert ist.",
            "invalid_choice": "Bitte wählen Sie eine der angebotenen Antworten aus, wo es passiert ist.",
        },
    )
    acute = forms.ChoiceField(
        label="Sind Sie oder andere jetzt in Gefahr?",
        choices=[("ja", "Ja, jetzt gerade"), ("nein", "Nein")],
        error_messages={
            "required": "Bitte geben Sie an, ob Sie jetzt in Gefahr sind.",
            "invalid_choice": "Bitte antworten Sie mit „Ja“ oder „Nein“, ob Sie jetzt in Gefahr sind.",
        },
    )
    land = forms.ChoiceField(
        label="In welchem Bundesland sind Sie tätig?",
        error_messages={
            "required": "Bitte wählen Sie Ihr Bundesland aus.",
            "invalid_choice": "Bitte wählen Sie ein Bundesland aus der Liste aus.",
        },
    )

    FIELD_IDS = {
        "situation": "frage-situation",
        "channel": "frage-kanal",
        "acute": "frage-gefahr",
        "land": "frage-land",
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
        # The field has checked the value against its choices already, so it is a known slug here.
        return self.cleaned_data.get(name, "")

    def clean_situation(self):
        slug = self._single("situation")
        return next(s for s in self.situations if s.slug == slug)

    def clean_channel(self):
        slug = self._single("channel")
        return next(c for c in self.channels if c.slug == slug)

    def clean_acute(self):
        return self._single("acute") == "ja"

    def clean_land(self):
        slug = self._single("land")
        return next(b for b in self.laender if b.slug == slug)

    @property
    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(data["situation"], data["channel"], data["acute"], data["land"])

    def error_list(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the error summary, in the order of the questions."""
        return [(self.FIELD_IDS[name], error) for name in self.fields for error in self.errors.get(name, [])]


# --- fetching -----------------------------------------------------------------------------------------------


def _terms() -> tuple[list, list, list]:
    """Situations, channels and Länder for the questions, kept until the content changes (any edit of a term
    bumps the page-cache generation), so that neither the form nor a plan spends a query on them."""
    from core.cache import generation_cached

    def build():
        return list(Situation.objects.all()), list(Channel.objects.all()), list(Bundesland.objects.all())

    return generation_cached("lotse-terms", build)


def _steps_of(page, steps_block, request=None) -> list[tuple[PlanStep, SourcePage]]:
    """The page's steps, read from the raw JSON so that choosers in other blocks cause no queries."""
    source = SourcePage(page.title, page.get_url(request))
    found = []
    for raw in page.body.raw_data:
        if raw.get("type") != "steps":
            continue
        value = steps_block.to_python(raw.get("value") or {})
        for step in value["steps"]:
            found.append((PlanStep(step["heading"], step["category"], step["text"]), source))
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
    # Pages for the reader's phase first (acute danger: "akut", otherwise "danach"): their steps win the
    # places when a category is full. The sort is stable, so the editors' tree order decides the rest.
    pages.sort(key=lambda p: 0 if p.in_phase else 1)
    steps_block = GuidanceStreamBlock().steps_block
    candidates = [candidate for page in pages for candidate in _steps_of(page, steps_block, request)]

    # Whether a contact names the situation is decided in SQL: the card does not show its situations.
    named = Contact.situations.through.objects.filter(contact_id=OuterRef("pk"))
    contacts = list(
        Contact.objects.filter(live=True)
        .filter(Q(nationwide=True) | Q(bundeslaender=answers.land))
        .distinct()
        .annotate(
            names_situation=Exists(named.filter(situation=answers.situation)),
            names_any_situation=Exists(named),
        )
        .prefetch_related(
            "bundeslaender",
            Prefetch("phone_numbers", queryset=ContactPhone.objects.order_by("sort_order")),
        )
    )
    regional, nationwide = split_contacts(contacts, answers.land, answers.situation)

    case_examples = list(
        CaseExamplePage.objects.live().public().filter(situations=answers.situation).order_by("path")[:3]
    )
    return Plan(answers, order_steps(candidates, STEPS_PER_CATEGORY), pages, regional, nationwide, case_examples)
