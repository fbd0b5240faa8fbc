"""The expert table: what an adviser would expect in the plan for a given set of answers.

Written from ../shared/content-facts.md (docs/content-facts.md), not from what the code produces: the contacts
each Land has, which services work online, that a threat needs no Strafantrag while insults do (§ 77b StGB),
that doxing calls for the Auskunftssperre and safety at home, a physical attack for 110/112 and a doctor, and
that threats by e-mail or letter mean keeping the original. Steps are matched by words of their headings,
so editors may reword them without breaking the table, but not drop or misplace them.
"""

import io
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import transaction

from contacts.models import Bundesland, Channel, Situation
from portal.models.plan import Answers, build_plan


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@dataclass
class Expected:
    situation: str
    channel: str
    acute: bool
    land: str
    # contacts at the top, in order: the Land's own that can be reached, the Starke Stelle, then the Land's own
    # known by name only (nothing to call or write on record)
    call: list[str]
    core: list[str]  # words of core-step headings that must be there, in this order
    absent: list[str] = field(default_factory=list)  # words no step heading may contain
    more: list[str] = field(default_factory=list)  # nationwide services below the steps
    not_more: list[str] = field(default_factory=list)
    deadline: bool = False

    def __str__(self):
        return f"{self.situation}-{self.channel}-{'akut' if self.acute else 'ruhig'}-{self.land}"


ONLINE_SERVICES = ["hateaid", "respect"]
TABLE = [
    # A threat online: evidence, keep the e-mail, report; no Strafantrag needed; online counselling and reporting.
    Expected("bedrohung", "online", False, "sachsen", ["zastex-sachsen", "starke-stelle"],
             ["Beweise", "Original", "Anzeige"], absent=["Drohanruf", "Strafantrag"], more=ONLINE_SERVICES),
    # A threat by letter or phone: stay calm on the phone, keep the original, report; nothing about platforms.
    Expected("bedrohung", "post-telefon", False, "nordrhein-westfalen", ["ansprechstelle-nrw", "starke-stelle"],
             ["Drohanruf", "Original", "Anzeige"], absent=["Plattform", "Profile", "Strafantrag"],
             not_more=ONLINE_SERVICES),
    # A threat in person, in danger, in Bayern: Bayern's known contact is an online reporting procedure, so none
    # of its own fits; no advice for messages.
    Expected("bedrohung", "persoenlich", True, "bayern", ["starke-stelle"],
             ["Schreiben Sie auf", "Anzeige"], absent=["Plattform", "Drohanruf", "Antworten Sie nicht", "Strafantrag"],
             not_more=ONLINE_SERVICES),
    # An insult online: evidence, report, Strafantrag within three months; platform and reporting office.
    Expected("beleidigung", "online", False, "bayern", ["bayern-gegen-hass", "starke-stelle"],
             ["Beweise", "Anzeige", "Strafantrag", "Plattform", "Meldestelle"], absent=["Drohanruf"],
             more=ONLINE_SERVICES, deadline=True),
    # An insult in person in Berlin: the LKA's advice telephone (number not published), note what was said.
    Expected("beleidigung", "persoenlich", False, "berlin", ["starke-stelle", "lka-berlin"],
             ["Schreiben Sie auf", "Anzeige", "Strafantrag"], absent=["Plattform", "Drohanruf", "Sitzungsleitung"],
             not_more=ONLINE_SERVICES, deadline=True),
    # A hatestorm in Hessen, acute: lock down profiles, secure evidence, not alone, police; reporting offices.
    # The facts give the ZIT no number or address, so the Starke Stelle's number comes before it.
    Expected("hatestorm", "online", True, "hessen", ["hessen-gegen-hetze", "starke-stelle", "zit-hessen"],
             ["privat", "Beweise", "Passwörter", "allein", "Polizei"], absent=["Drohanruf"],
             more=ONLINE_SERVICES, deadline=True),
    # A hatestorm in a Land without its own contact.
    Expected("hatestorm", "online", False, "saarland", ["starke-stelle"],
             ["privat", "Beweise"], more=ONLINE_SERVICES, deadline=True),
    # Doxing: Auskunftssperre and safety at home first, then profiles, evidence, not alone, police.
    Expected("doxing", "online", False, "thueringen", ["starke-stelle", "elly-thueringen", "ezra-thueringen"],
             ["Auskunftssperre", "zu Hause", "privat", "Beweise", "allein", "Polizei"], absent=["Drohanruf"],
             more=ONLINE_SERVICES),
    # A physical attack, in danger: 110/112 first, a doctor, then evidence; never "do not reply".
    Expected("koerperlicher-angriff", "persoenlich", True, "baden-wuerttemberg", ["zamat-bw", "starke-stelle"],
             ["112", "ärztlich", "Schreiben Sie auf", "Anzeige"],
             absent=["Antworten Sie nicht", "Plattform", "Strafantrag", "Drohanruf"],
             more=["weisser-ring", "polizei-notruf"], not_more=ONLINE_SERVICES),
    # The same afterwards, in a Land without its own contact.
    Expected("koerperlicher-angriff", "persoenlich", False, "mecklenburg-vorpommern", ["starke-stelle"],
             ["112", "ärztlich", "Anzeige"], absent=["Antworten Sie nicht", "Plattform"],
             more=["weisser-ring"], not_more=ONLINE_SERVICES),
    # Damage to property: photos before repairs, report; the LKA hotline, day and night.
    Expected("sachbeschaedigung", "persoenlich", False, "rheinland-pfalz", ["lka-rheinland-pfalz", "starke-stelle"],
             ["Fotografieren", "Anzeige"], absent=["Antworten Sie nicht", "Plattform", "Drohanruf"],
             not_more=ONLINE_SERVICES),
    # Conflicts in the council: ask the chair to step in, note the words.
    Expected("konflikte-im-rat", "persoenlich", False, "niedersachsen", ["starke-stelle", "lka-niedersachsen"],
             ["Sitzungsleitung", "Äußerungen"], absent=["Plattform", "Drohanruf", "Auskunftssperre"]),
    # A threat online in Schleswig-Holstein, in danger: ZEBRA counsels victims of all kinds.
    Expected("bedrohung", "online", True, "schleswig-holstein", ["starke-stelle", "zebra-sh"],
             ["Beweise", "Anzeige"], absent=["Drohanruf", "Strafantrag"], more=ONLINE_SERVICES),
    # An insult by letter in Hamburg: keep the letter, Strafantrag; Starke Demokratie's consultation hours.
    Expected("beleidigung", "post-telefon", False, "hamburg", ["starke-stelle", "starke-demokratie-hamburg"],
             ["Original", "Anzeige", "Strafantrag"], absent=["Plattform", "Profile"], not_more=ONLINE_SERVICES,
             deadline=True),
]


def _core_index(headings: list[str], word: str) -> int:
    for index, heading in enumerate(headings):
        if word.casefold() in heading.casefold():
            return index
    raise AssertionError(f"„{word}“ fehlt in den Kernschritten: {headings}")


@pytest.mark.parametrize("expected", TABLE, ids=str)
def test_the_plan_matches_the_expert_table(_demo, db, expected):
    answers = Answers(
        Situation.objects.get(slug=expected.situation),
        Channel.objects.get(slug=expected.channel),
        expected.acute,
        Bundesland.objects.get(slug=expected.land),
    )
    plan = build_plan(answers)
    assert [c.key for c in plan.call_first] == expected.call
    core = [s.heading for s in plan.core_steps]
    assert len(core) <= 7
    positions = [_core_index(core, word) for word in expected.core]
    assert positions == sorted(positions), f"Reihenfolge: {expected.core} in {core}"
    every = [s.heading.casefold() for s in plan.steps]
    for word in expected.absent:
        assert not [h for h in every if word.casefold() in h], f"„{word}“ passt nicht zu {expected}"
    more = [c.key for c in plan.more_contacts]
    assert set(expected.more) <= set(more), more
    assert not set(expected.not_more) & set(more), more
    assert plan.needs_complaint_deadline is expected.deadline


def test_the_table_covers_every_situation_every_way_danger_and_a_land_without_contact():
    assert {e.situation for e in TABLE} == {
        "beleidigung", "bedrohung", "hatestorm", "doxing", "sachbeschaedigung", "koerperlicher-angriff",
        "konflikte-im-rat",
    }
    assert {e.channel for e in TABLE} == {"online", "post-telefon", "persoenlich"}
    assert {e.acute for e in TABLE} == {True, False}
    assert any(e.call == ["starke-stelle"] for e in TABLE)
    assert len(TABLE) >= 12
