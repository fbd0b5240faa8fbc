"""vCards a phone imports as they are: N present, numbers international and labelled, no repeated note text,
folded lines, no line break smuggled into a new property, and no empty card."""

import pytest
import vobject

from contacts.models import Contact
from contacts.vcard import international_number, note_text, vcard_bundle, vcard_for
from core.textformats import fold

pytestmark = pytest.mark.django_db


def parse_all(text: str) -> list:
    return list(vobject.readComponents(text))


def lines_of(text: str) -> list[str]:
    assert text.endswith("\r\n")
    return text[:-2].split("\r\n")


def test_single_vcard_parses_with_n_labels_and_international_numbers(client, demo_contacts):
    response = client.get("/kontakte/starke-stelle.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    (card,) = parse_all(response.content.decode("utf-8"))
    assert card.version.value == "3.0"
    assert card.fn.value == "Starke Stelle"
    assert card.n.value.family == "Starke Stelle"
    tel = card.tel_list[0]
    assert tel.value == "+49 800 300 99 44"
    assert {t.lower() for t in tel.params["TYPE"]} == {"voice", "work"}
    # The label the card shows ("Beratung") in the same group as the number.
    labels = [child for child in card.getChildren() if child.name == "X-ABLABEL"]
    assert [(label.group, label.value) for label in labels] == [(tel.group, "Beratung")]
    assert card.email.value == "info@starkestelle.de"


def test_note_says_each_sentence_once(demo_contacts):
    starke = Contact.objects.get(key="starke-stelle")
    (card,) = parse_all(vcard_for(starke))
    note = card.note.value
    assert note.count("Videogespräche nach Vereinbarung") == 1
    assert "Beratung 0800 300 99 44: Mo–Fr 9–16 Uhr" in note
    zamat = Contact.objects.get(key="zamat-bw")
    # Availability and the number's hours ("Tag und Nacht") are in the description already.
    assert note_text(zamat).count("Tag und Nacht") == 1


def test_bundle_of_a_land_page_holds_every_contact_with_details(client, contact_pages):
    response = client.get("/kontakte/bundesland/baden-wuerttemberg.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="stark-im-amt-baden-wuerttemberg.vcf"' in response["Content-Disposition"]
    cards = parse_all(response.content.decode("utf-8"))
    names = [card.fn.value for card in cards]
    # The Land's own contact first, then the nationwide ones that have something to save.
    assert names[0].startswith("ZAMAT")
    assert {"Polizei-Notruf", "Starke Stelle", "Telefonseelsorge", "HateAid", "Weisser Ring"} <= set(names)
    assert not any("Landeskriminalamt Niedersachsen" in name for name in names)
    for card in cards:
        assert card.n.value.family == card.fn.value
        for tel in getattr(card, "tel_list", []):
            assert tel.value.startswith("+49 ") or tel.value in {"110", "116 123", "116 006"}
    zamat = cards[0]
    assert zamat.tel.value == "+49 711 5401 3003"
    assert [c.tel.value for c in cards if c.fn.value == "Polizei-Notruf"] == ["110"]


def test_land_bundle_keeps_the_filters_and_unknown_land_is_404(client, contact_pages):
    response = client.get("/kontakte/bundesland/baden-wuerttemberg.vcf?kind=polizei")
    names = [card.fn.value for card in parse_all(response.content.decode())]
    assert names[0].startswith("ZAMAT") and "Polizei-Notruf" in names and "Starke Stelle" not in names
    assert client.get("/kontakte/bundesland/atlantis.vcf").status_code == 404


def test_phone_numbers_in_international_form_and_short_numbers_as_dialled():
    assert international_number("0800 300 99 44") == "+49 800 300 99 44"
    assert international_number("0711 5401-3003") == "+49 711 5401 3003"
    assert international_number("0049 30 123456") == "+49 30 123456"
    assert international_number("+43 1 234") == "+43 1 234"
    for short in ("110", "112", "116 123", "116117", "116 006"):
        assert international_number(short) == short


def test_long_lines_fold_at_75_octets_without_splitting_a_character(make_contact):
    text = "Beratung für Betroffene in Baden-Württemberg, Öffnungszeiten: " + "Ämter übergreifend; " * 20
    contact = make_contact(
        "lang", nationwide=True, name="Größere Anlaufstelle für Äußerungsdelikte " * 3, description=text
    )
    card_text = vcard_for(contact)
    raw = card_text.encode("utf-8")  # a split character would make this fail on decode below
    for line in lines_of(card_text):
        assert len(line.encode("utf-8")) <= 75
    raw.decode("utf-8")
    (card,) = parse_all(card_text)
    assert card.note.value == " ".join(text.split())
    assert card.fn.value == contact.name.strip()
    assert fold("ä" * 100).replace("\r\n ", "") == "ä" * 100


@pytest.mark.parametrize("newline", ["\r", "\n", "\r\n", "\u2028", "\x0b"])
def test_a_line_break_in_a_field_never_starts_a_new_property(make_contact, newline):
    contact = make_contact(
        "angriff", nationwide=True, name=f"Stelle{newline}TEL:+49 999", description=f"Text{newline}EMAIL:x@evil.example"
    )
    card_text = vcard_for(contact)
    assert "\r" not in card_text.replace("\r\n", "")
    for line in lines_of(card_text):
        assert not line.startswith(("TEL:+49 999", "EMAIL:x@evil"))
    (card,) = parse_all(card_text)
    assert [tel.value for tel in card.tel_list] == ["+49 800 111 0 111"]
    assert not hasattr(card, "email")
    assert card.note.value.startswith("Text")


def test_no_vcard_for_a_contact_without_any_details(client, contact_pages):
    # lka-niedersachsen: no number, e-mail, website or address, only a sentence how to reach it.
    contact = Contact.objects.get(key="lka-niedersachsen")
    assert vcard_for(contact) is None
    assert vcard_bundle([contact]) == ""
    assert client.get("/kontakte/lka-niedersachsen.vcf").status_code == 404
    page = client.get("/hilfe-in-ihrem-bundesland/niedersachsen/").content.decode()
    assert "/kontakte/lka-niedersachsen.vcf" not in page
    assert "/kontakte/starke-stelle.vcf" in page
    assert "Alle Nummern speichern" in page
    assert "Speichert alle Nummern dieser Seite in einem Schritt im Adressbuch Ihres Telefons." in page
    assert "/kontakte/bundesland/niedersachsen.vcf" in page
