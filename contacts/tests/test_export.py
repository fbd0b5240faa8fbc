"""Open data and vCards: partners reuse published contacts; drafts and internal notes never leak."""

import csv
import io
import json

import pytest

from contacts.models import Contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_draft(demo_contacts, make_contact):
    make_contact("geheimer-entwurf", nationwide=True, live=False)
    Contact.objects.filter(key="starke-stelle").update(internal_note="Nur intern: Ansprechpartnerin X")


def test_json_export_lists_published_contacts_only(client, with_draft):
    response = client.get("/kontakte/offene-daten.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.streaming  # memory stays flat however many contacts there are
    body = b"".join(response.streaming_content).decode()
    data = json.loads(body)
    keys = {item["key"] for item in data["contacts"]}
    assert keys == set(Contact.objects.filter(live=True).values_list("key", flat=True))
    assert "geheimer-entwurf" not in keys
    starke = next(item for item in data["contacts"] if item["key"] == "starke-stelle")
    assert starke["phones"][0]["number"] == "0800 300 99 44"
    assert starke["email"] == "info@starkestelle.de"
    assert starke["nationwide"] is True and starke["verified_on"] is None
    zamat = next(item for item in data["contacts"] if item["key"] == "zamat-bw")
    assert zamat["bundeslaender"] == ["DE-BW"] and zamat["coverage_note"] == ""
    vbrg = next(item for item in data["contacts"] if item["key"] == "vbrg")
    assert vbrg["coverage_note"] == "Beratungsstellen in 14 Ländern"
    assert "Nur intern" not in body
    assert "internal_note" not in starke and "verified_by" not in starke


def test_csv_export_parses_and_matches_the_json(client, with_draft):
    response = client.get("/kontakte/offene-daten.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")  # spreadsheet programs then read the umlauts right
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    keys = {row["key"] for row in rows}
    assert keys == set(Contact.objects.filter(live=True).values_list("key", flat=True))
    telefonseelsorge = next(row for row in rows if row["key"] == "telefonseelsorge")
    assert "116 123" in telefonseelsorge["phones"]
    assert telefonseelsorge["free_of_charge"] == "ja"
    assert "Nur intern" not in body


def test_csv_cells_never_open_as_spreadsheet_formulas_and_read_back_unchanged(client, make_contact):
    from contacts.importer import import_contacts

    make_contact(
        "formel",
        nationwide=True,
        name="=HYPERLINK(\"https://example.org\";\"Hier klicken\")",
        description="@SUM(1+1) und +A1",
        availability="-2+3",
        phones=("+43 1 234 56-78",),
    )
    body = b"".join(client.get("/kontakte/offene-daten.csv").streaming_content).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(body)))
    assert row["name"].startswith("'=HYPERLINK") and row["description"].startswith("'@SUM")
    assert row["availability"] == "'-2+3"
    assert row["phones"] == "; +43 1 234 56-78; "  # a number stays a number
    result = import_contacts(body.encode(), publish=True)
    assert result.ok and result.unchanged == ['formel (=HYPERLINK("https://example.org";"Hier klicken"))']


def test_export_is_read_only(client, demo_contacts):
    assert client.post("/kontakte/offene-daten.json").status_code == 405
    assert client.post("/kontakte/offene-daten.csv").status_code == 405


def test_export_sets_no_cookie(client, demo_contacts):
    assert not client.get("/kontakte/offene-daten.json").cookies


def parse_vcard(text: str) -> dict[str, list[str]]:
    # Unfold continuation lines (RFC 6350, 3.2) before splitting properties.
    unfolded = text.replace("\r\n ", "")
    properties = {}
    for line in unfolded.split("\r\n"):
        if not line:
            continue
        name, _, value = line.partition(":")
        properties.setdefault(name.split(";")[0], []).append(value)
    return properties


def test_vcard_has_name_and_phone_numbers(client, demo_contacts):
    response = client.get("/kontakte/telefonseelsorge.vcf")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("BEGIN:VCARD\r\n") and text.endswith("END:VCARD\r\n")
    card = parse_vcard(text)
    assert card["FN"] == ["Telefonseelsorge"]
    # International form for numbers with an area code; the short number as dialled.
    assert card["TEL"] == ["+49 800 111 0 111", "+49 800 111 0 222", "116 123"]
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_vcard_of_a_draft_or_unknown_contact_is_404(client, with_draft):
    assert client.get("/kontakte/geheimer-entwurf.vcf").status_code == 404
    assert client.get("/kontakte/gibt-es-nicht.vcf").status_code == 404
