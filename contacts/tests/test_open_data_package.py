"""The open data as a partner's developer uses it: a Frictionless data package that validates against the
files it describes, a licence chosen in the settings, and conditional requests that answer 304 until a
contact changes."""

import json

import pytest

from contacts.models import Contact, OpenDataSettings

pytestmark = pytest.mark.django_db

PACKAGE = "/kontakte/datapackage.json"
FILES = {
    "kontakte": "/kontakte/offene-daten.csv",
    "telefonnummern": "/kontakte/offene-daten-telefonnummern.csv",
}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_package_validates_against_the_files_it_describes(client, demo_contacts, tmp_path):
    frictionless = pytest.importorskip("frictionless")  # a dev dependency: with CI set, a skip fails the run
    descriptor = json.loads(client.get(PACKAGE).content)
    for resource in descriptor["resources"]:
        path = FILES[resource["name"]]
        assert resource["path"] == "http://testserver" + path
        (tmp_path / f"{resource['name']}.csv").write_bytes(body(client.get(path)))
        resource["path"] = f"{resource['name']}.csv"  # validate offline: the same bytes, read from disk
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # Types a program can rely on: booleans, dates, a primary key, phones joined by a foreign key.
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    assert fields["nationwide"]["type"] == "boolean" and fields["verified_on"]["type"] == "date"
    assert descriptor["resources"][0]["schema"]["primaryKey"] == ["key"]
    assert descriptor["resources"][1]["schema"]["foreignKeys"][0]["reference"] == {
        "resource": "kontakte",
        "fields": ["key"],
    }


def test_one_row_per_phone_number(client, demo_contacts):
    text = body(client.get(FILES["telefonnummern"])).decode("utf-8-sig")
    rows = [line.split(",") for line in text.splitlines()[1:]]
    telefonseelsorge = [row for row in rows if row[0] == "telefonseelsorge"]
    assert [row[2] for row in telefonseelsorge] == ["0800 111 0 111", "0800 111 0 222", "116 123"]
    assert all(row[4].startswith("tel:") for row in rows)


def test_the_licence_is_the_one_chosen_in_the_settings(client, demo_contacts, contact_pages):
    descriptor = json.loads(client.get(PACKAGE).content)
    assert descriptor["licenses"][0]["name"] == "dl-de-by-2.0"
    assert descriptor["licenses"][0]["path"] == "https://www.govdata.de/dl-de/by-2-0"
    data = json.loads(body(client.get("/kontakte/offene-daten.json")))
    assert data["license"]["title"] == "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    finder = client.get("/hilfe-in-ihrem-bundesland/").content.decode()
    assert 'href="/kontakte/datapackage.json"' in finder
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in finder

    settings = OpenDataSettings.load()
    settings.licence = "cc-by-4.0"
    settings.save()
    assert json.loads(client.get(PACKAGE).content)["licenses"][0]["name"] == "cc-by-4.0"
    assert (
        "Creative Commons Namensnennung 4.0 International" in client.get("/hilfe-in-ihrem-bundesland/").content.decode()
    )


def test_the_export_carries_what_the_site_shows(client, demo_contacts):
    data = json.loads(body(client.get("/kontakte/offene-daten.json")))
    police = next(item for item in data["contacts"] if item["key"] == "polizei-notruf")
    assert police["is_emergency_number"] is True and police["tagline"] == "Notruf bei Gefahr, Tag und Nacht."
    hateaid = next(item for item in data["contacts"] if item["key"] == "hateaid")
    assert hateaid["channels"] == ["online"]


@pytest.mark.parametrize("path", [PACKAGE, *FILES.values(), "/kontakte/offene-daten.json"])
def test_a_refetch_is_a_304_until_a_contact_changes(client, demo_contacts, path):
    first = client.get(path)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    # Staff correct a number and publish: the next fetch gets the new data.
    contact = Contact.objects.get(key="weisser-ring")
    contact.description = "Neu beschrieben."
    contact.save_revision().publish()
    changed = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]

    # Unpublishing leaves no newer publishing time, but the ETag changes all the same.
    again = client.get(path)
    Contact.objects.get(key="hateaid").unpublish()
    assert client.get(path, HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 200
