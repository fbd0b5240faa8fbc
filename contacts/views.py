"""Public, read-only machine views of published contacts: open data (JSON, CSV) and vCards (contacts.vcard)."""

import csv
import io
import json
import textwrap

from django.http import Http404, StreamingHttpResponse
from django.views.decorators.http import require_safe

from contacts.models import Bundesland, Contact, ContactKind, Situation
from contacts.models.finder import find_contacts, land_first
from contacts.vcard import vcard_response
from core.textformats import spreadsheet_safe

EXPORT_CHUNK = 200  # contacts per database round trip and per piece of the response
LICENSE_NOTE = "Kontakte von Stark im Amt; bitte mit Quelle und Prüfdatum weitergeben."
CSV_COLUMNS = [
    "key",
    "name",
    "kind",
    "kind_label",
    "description",
    "nationwide",
    "bundeslaender",
    "coverage_note",
    "situations",
    "phones",
    "email",
    "website",
    "postal_address",
    "availability",
    "languages",
    "anonymous_possible",
    "free_of_charge",
    "source_url",
    "verified_on",
]


def published_contacts():
    return Contact.objects.published().with_relations().order_by("name", "pk")


def _in_chunks(queryset):
    """Lists of EXPORT_CHUNK contacts with their relations: the export streams, memory stays flat however
    many contacts there are."""
    chunk = []
    for contact in queryset.iterator(chunk_size=EXPORT_CHUNK):
        chunk.append(contact)
        if len(chunk) == EXPORT_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def contact_as_dict(contact: Contact) -> dict:
    """The public fields only: no internal note, no name of the staff member who checked."""
    return {
        "key": contact.key,
        "name": contact.name,
        "kind": contact.kind,
        "kind_label": contact.get_kind_display(),
        "description": contact.description,
        "nationwide": contact.nationwide,
        "bundeslaender": [land.iso_code for land in contact.bundeslaender.all()],
        "coverage_note": contact.coverage_note,
        "situations": [situation.slug for situation in contact.situations.all()],
        "phones": [
            {"label": phone.label, "number": phone.number, "hours": phone.hours, "uri": phone.tel_uri}
            for phone in contact.phone_numbers.all()
        ],
        "email": contact.email,
        "website": contact.website,
        "postal_address": contact.postal_address,
        "availability": contact.availability,
        "languages": contact.languages,
        "anonymous_possible": contact.anonymous_possible,
        "free_of_charge": contact.free_of_charge,
        "source_url": contact.source_url,
        "verified_on": contact.verified_on.isoformat() if contact.verified_on else None,
    }


def _json_pieces():
    """The same document JsonResponse(indent=2) would give, written a chunk of contacts at a time."""
    yield '{\n  "note": ' + json.dumps(LICENSE_NOTE, ensure_ascii=False) + ',\n  "contacts": ['
    separator = "\n"
    for chunk in _in_chunks(published_contacts()):
        items = [
            textwrap.indent(json.dumps(contact_as_dict(c), ensure_ascii=False, indent=2), "    ") for c in chunk
        ]
        yield separator + ",\n".join(items)
        separator = ",\n"
    yield ("\n  ]" if separator != "\n" else "]") + "\n}"


@require_safe
def export_json(request):
    response = StreamingHttpResponse(_json_pieces(), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"  # open data: partners may load it from their own sites
    return response


def _csv_row(contact: Contact) -> dict:
    row = contact_as_dict(contact)
    row["bundeslaender"] = " ".join(row["bundeslaender"])
    row["situations"] = " ".join(row["situations"])
    row["phones"] = contact.phone_list
    row["nationwide"] = "ja" if row["nationwide"] else "nein"
    row["anonymous_possible"] = "ja" if row["anonymous_possible"] else "nein"
    row["free_of_charge"] = "ja" if row["free_of_charge"] else "nein"
    row["verified_on"] = row["verified_on"] or ""
    return {name: spreadsheet_safe(value) for name, value in row.items()}


def _csv_pieces():
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    buffer.write("\ufeff")  # a BOM so spreadsheet programs open the umlauts correctly
    writer.writeheader()
    for chunk in _in_chunks(published_contacts()):
        writer.writerows(_csv_row(contact) for contact in chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


@require_safe
def export_csv(request):
    response = StreamingHttpResponse(_csv_pieces(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kontakte.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def vcard(request, key):
    """One contact's vCard; 404 for a draft, an unknown key, or a contact with nothing to save."""
    contact = published_contacts().filter(key=key).first()
    if contact is None:
        raise Http404("Diesen Kontakt gibt es nicht.")
    return vcard_response([contact], contact.key)


@require_safe
def land_vcards(request, land):
    """"Alle Nummern speichern" on a Land page: every contact that page shows, with its filters, in one file."""
    land_obj = Bundesland.objects.filter(slug=land).first()
    if land_obj is None:
        raise Http404("Dieses Bundesland gibt es nicht.")
    situation = Situation.objects.filter(slug=request.GET.get("situation") or "").first()
    kind = request.GET.get("kind", "")
    if kind not in ContactKind.values:
        kind = ""
    contacts = land_first(find_contacts(land_obj, situation, kind))
    return vcard_response(contacts, f"stark-im-amt-{land_obj.slug}")
