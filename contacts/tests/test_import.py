"""CSV import: check everything first, change nothing on any error, say what changed."""

import pytest
from django.core.management import CommandError, call_command

from contacts.importer import MAX_IMPORT_BYTES, import_contacts
from contacts.models import Contact

pytestmark = pytest.mark.django_db

HEADER = "key,name,kind,nationwide,bundeslaender,phones,email,website,situations,verified_on,verified_by\n"
VALID = (
    HEADER
    + "lka-test,LKA Teststadt,polizei,nein,DE-BY,Hotline; 089 1234-5678; Tag und Nacht,,,bedrohung,,\n"
    + 'beratung-test,"Beratung Nord, Süd",opferberatung,ja,,,beratung@example.org,https://example.org,,'
    + "2026-01-15,Team Kontakte\n"
)


def test_valid_file_creates_contacts_as_drafts(taxonomy):
    result = import_contacts(VALID.encode())
    assert result.ok, result.errors
    assert len(result.created) == 2
    contact = Contact.objects.get(key="lka-test")
    assert not contact.live
    assert contact.latest_revision is not None
    assert [p.number for p in contact.phone_numbers.all()] == ["089 1234-5678"]
    assert [land.slug for land in contact.bundeslaender.all()] == ["bayern"]
    assert [s.slug for s in contact.situations.all()] == ["bedrohung"]
    other = Contact.objects.get(key="beratung-test")
    assert other.name == "Beratung Nord, Süd" and other.nationwide
    assert str(other.verified_on) == "2026-01-15"


def test_valid_file_can_publish_directly(taxonomy):
    result = import_contacts(VALID.encode(), publish=True)
    assert result.ok
    assert Contact.objects.filter(live=True).count() == 2


def test_one_bad_row_changes_nothing_and_every_problem_has_its_line(make_contact):
    make_contact("bestand", nationwide=True, name="Bestand")
    text = (
        HEADER
        + "bestand,Bestand neu,polizei,ja,,110,,,,,\n"
        + "neu-gut,Neue Stelle,polizei,ja,,,,https://example.org,,,\n"
        + "neu-schlecht,Schlechte Stelle,zauberei,nein,Atlantis,(0711) 54,kein-mail,,,morgen,\n"
    )
    result = import_contacts(text.encode(), publish=True)
    assert not result.ok
    assert all(error.startswith("Zeile 4:") for error in result.errors)
    joined = " ".join(result.errors)
    assert "zauberei" in joined and "Atlantis" in joined and "(0711) 54" in joined and "morgen" in joined
    assert Contact.objects.get(key="bestand").name == "Bestand"
    assert not Contact.objects.filter(key="neu-gut").exists()
    assert "Es wurde nichts geändert" in result.summary_lines()[0]


def test_missing_way_to_reach_and_coverage_are_reported(taxonomy):
    result = import_contacts((HEADER + "leer,Leere Stelle,polizei,nein,,,,,,,\n").encode())
    assert any("Zeile 2" in e and "mindestens einen Weg" in e for e in result.errors)
    assert any("Zeile 2" in e and "Bundesland" in e for e in result.errors)


def test_duplicate_keys_in_one_file_are_rejected(taxonomy):
    text = HEADER + "a,A,polizei,ja,,110,,,,,\n" + "a,A2,polizei,ja,,110,,,,,\n"
    result = import_contacts(text.encode())
    assert result.errors == ["Zeile 3: Der Schlüssel „a“ steht schon in Zeile 2."]


def test_reimport_updates_as_new_revision_and_reports_changes(taxonomy):
    import_contacts(VALID.encode(), publish=True)
    changed = VALID.replace("LKA Teststadt", "LKA Teststadt (neu)").replace("089 1234-5678", "089 1234-9999")
    result = import_contacts(changed.encode(), publish=True)
    assert result.ok
    assert result.created == []
    assert len(result.updated) == 1 and "Name der Stelle" in result.updated[0] and "Telefonnummern" in result.updated[0]
    assert len(result.unchanged) == 1
    contact = Contact.objects.get(key="lka-test")
    assert contact.name == "LKA Teststadt (neu)"
    assert [p.number for p in contact.phone_numbers.all()] == ["089 1234-9999"]
    assert contact.revisions.count() == 2


def test_reimport_as_draft_leaves_the_live_version_alone(taxonomy):
    import_contacts(VALID.encode(), publish=True)
    result = import_contacts(VALID.replace("LKA Teststadt", "LKA Entwurf").encode(), publish=False)
    assert result.ok and len(result.updated) == 1
    contact = Contact.objects.get(key="lka-test")
    assert contact.name == "LKA Teststadt" and contact.has_unpublished_changes
    assert contact.get_latest_revision_as_object().name == "LKA Entwurf"


def test_export_can_be_imported_again(client, demo_contacts):
    exported = b"".join(client.get("/kontakte/offene-daten.csv").streaming_content)
    result = import_contacts(exported, publish=True)
    assert result.ok, result.errors
    assert len(result.unchanged) == Contact.objects.count()


def test_utf8_with_bom_and_semicolons_are_accepted(taxonomy):
    text = "\ufeffkey;name;kind;nationwide;phones\nbom-test;Größere Stelle;sonstiges;ja;116 123\n"
    result = import_contacts(text.encode("utf-8"))
    assert result.ok, result.errors
    assert Contact.objects.get(key="bom-test").name == "Größere Stelle"


def test_wrong_encoding_is_a_clear_error(taxonomy):
    text = "key,name,kind,nationwide,phones\nenc,Stelle für Bürger,sonstiges,ja,110\n"
    result = import_contacts(text.encode("cp1252"))
    assert len(result.errors) == 1 and "UTF-8" in result.errors[0]
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "leer"),
        (b"name,kind\nA,polizei\n", "fehlen die Spalten"),
        (b'key,name,kind\n"a,"unterbrochen,polizei\n', "keine gültige CSV-Datei"),
        (b"key,name,kind\na,A,polizei,zu,viel\n", "mehr Spalten"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "UTF-8"),
        (b"key,name,kind\n", "keine Kontakte"),
    ],
)
def test_malformed_files_give_a_clear_error(taxonomy, data, message):
    result = import_contacts(data)
    assert not result.ok
    assert any(message in error for error in result.errors), result.errors


def test_huge_file_is_refused_without_parsing(taxonomy):
    data = (HEADER + "x" * (MAX_IMPORT_BYTES + 10)).encode()
    result = import_contacts(data)
    assert len(result.errors) == 1 and "zu groß" in result.errors[0]


def test_management_command_imports_and_reports(taxonomy, tmp_path, capsys):
    path = tmp_path / "kontakte.csv"
    path.write_bytes(VALID.encode())
    call_command("import_contacts", str(path), "--publish")
    out = capsys.readouterr().out
    assert "2 neu" in out and "veröffentlicht" in out
    assert Contact.objects.filter(live=True).count() == 2


def test_management_command_fails_loudly_on_errors(taxonomy, tmp_path):
    path = tmp_path / "kaputt.csv"
    path.write_bytes((HEADER + "x,X,zauberei,ja,,110,,,,,\n").encode())
    with pytest.raises(CommandError, match="Zeile 2"):
        call_command("import_contacts", str(path))
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("import_contacts", str(tmp_path / "fehlt.csv"))
    assert not Contact.objects.exists()


def test_a_contact_locked_by_someone_else_is_not_overwritten(make_contact, django_user_model):
    editor = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    contact = make_contact("gesperrt", nationwide=True, name="Gesperrt")
    Contact.objects.filter(pk=contact.pk).update(locked=True, locked_by=editor)  # as the admin's lock does
    result = import_contacts((HEADER + "gesperrt,Neu,polizei,ja,,110,,,,,\n").encode(), publish=True)
    assert result.errors == [
        "Zeile 2: Der Kontakt „gesperrt“ ist von redaktion gesperrt und kann nicht importiert werden."
    ]
    assert Contact.objects.get(key="gesperrt").name == "Gesperrt"
    # The one who holds the lock may import.
    assert import_contacts((HEADER + "gesperrt,Neu,polizei,ja,,110,,,,,\n").encode(), publish=True, user=editor).ok


# --- the admin's own export, read back (issue 19) -----------------------------------------------------


@pytest.fixture
def admin_export(client, demo_contacts, django_user_model):
    from django.urls import reverse

    from contacts.wagtail_hooks import contact_viewset

    client.force_login(django_user_model.objects.create_superuser("pflege-admin", "p@example.org", "pw"))

    def export() -> str:
        response = client.get(reverse(contact_viewset.get_url_name("list")) + "?export=csv")
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return body.decode("utf-8-sig")

    return export


def test_the_admin_export_goes_back_in_unchanged(admin_export):
    exported = admin_export()
    assert exported.startswith("Schlüssel,Name der Stelle,Art,")  # German headings, as staff see them
    result = import_contacts(exported.encode(), publish=True)
    assert result.ok, result.errors
    assert result.created == [] and result.updated == []
    assert len(result.unchanged) == Contact.objects.count()


def test_an_edited_export_reports_every_changed_field(admin_export):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(admin_export())))
    hateaid = next(row for row in rows if row["Schlüssel"] == "hateaid")
    hateaid["In einer Zeile"] = "Hilft bei digitaler Gewalt."
    assert hateaid["Für diese Wege"] == "online"
    hateaid["Für diese Wege"] = "online post-telefon"
    hateaid["Erreichbarkeit"] = "Montag bis Freitag"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    result = import_contacts(buffer.getvalue().encode(), publish=True)
    assert result.ok, result.errors
    assert len(result.updated) == 1
    for label in ("In einer Zeile", "Für diese Wege", "Erreichbarkeit"):
        assert label in result.updated[0], result.updated
    assert "Name der Stelle" not in result.updated[0]
    contact = Contact.objects.get(key="hateaid")
    assert contact.tagline == "Hilft bei digitaler Gewalt."
    assert sorted(c.slug for c in contact.channels.all()) == ["online", "post-telefon"]
    assert admin_export().count("Hilft bei digitaler Gewalt.") == 1  # and the next export shows it


def test_a_pending_draft_is_not_overwritten(admin_export):
    exported = admin_export()
    contact = Contact.objects.get(key="hateaid")
    contact.availability = "Entwurf: neue Zeiten"
    contact.save_revision()
    before = contact.revisions.count()
    result = import_contacts(exported.replace("HateAid,", "HateAid e. V.,", 1).encode(), publish=True)
    assert not result.ok
    assert any("„hateaid“ hat einen Entwurf" in error for error in result.errors)
    contact.refresh_from_db()
    assert contact.name == "HateAid" and contact.revisions.count() == before
    assert contact.get_latest_revision_as_object().availability == "Entwurf: neue Zeiten"


def test_the_template_has_the_exports_headings_and_imports(client, admin_export):
    from django.urls import reverse

    from contacts.wagtail_hooks import contact_viewset

    response = client.get(reverse(contact_viewset.get_url_name("import_template")))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    template = response.content.decode("utf-8-sig")
    header = template.splitlines()[0]
    assert admin_export().splitlines()[0].startswith(header)  # the export, minus its state column
    filled = template + _row_for(header, key="test-stelle", name="Teststelle", kind="opferberatung")
    result = import_contacts(filled.encode(), publish=False)
    assert result.ok, result.errors
    assert result.created == ["test-stelle (Teststelle)"]


def _row_for(header: str, **values) -> str:
    import csv
    import io

    headings = next(csv.reader([header]))
    names = {"Schlüssel": "key", "Name der Stelle": "name", "Art": "kind", "Website": "website"}
    names["Bundesweit zuständig"] = "nationwide"
    values.setdefault("website", "https://example.org")
    values.setdefault("nationwide", "ja")
    buffer = io.StringIO()
    csv.writer(buffer).writerow([values.get(names.get(heading, ""), "") for heading in headings])
    return buffer.getvalue()
