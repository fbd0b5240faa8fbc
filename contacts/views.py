"""Public, read-only machine views of published contacts: open data (JSON, CSV) and vCards (contacts.vcard)."""

import csv
import io
import json
import textwrap

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import condition, require_safe

from contacts.models import Bundesland, Contact, ContactKind, OpenDataSettings, Situation
from contacts.models.finder import find_contacts, land_first
from contacts.open_data import data_etag, data_last_modified, datapackage
from contacts.vcard import vcard_response
from core.textformats import spreadsheet_safe

EXPORT_CHUNK = 200  # contacts per database round trip and per piece of the response
LICENSE_NOTE = "Kontakte von Stark im Amt; bitte mit Quelle und Prüfdatum weitergeben."
CSV_COLUMNS = [
    "key",
    "name",
    "kind",
    "kind_label",
    "tagline",
    "description",
    "nationwide",
    "bundeslaender",
    "coverage_note",
    "situations",
    "channels",
    "phones",
    "email",
    "website",
    "postal_address",
    "availability",
    "languages",
    "anonymous_possible",
    "free_of_charge",
    "is_emergency_number",
    "source_url",
    "verified_on",
]
PHONE_COLUMNS = ["contact_key", "label", "number", "hours", "uri"]


def published_contacts():
    return Contact.objects.published().with_relations().prefetch_related("channels").order_by("name", "pk")


# Every open-data response answers conditional requests: a partner's nightly fetch costs a 304 when nothing
# changed (contacts.open_data says what counts as a change).
open_data_condition = condition(etag_func=data_etag, last_modified_func=data_last_modified)


def _in_chunks(queryset):
    """Lists of EXPORT_CHUNK contacts with their relations: the export streams, memory stays flat however
    many contacts there are."""
    chunk = []
    for contact in queryset.iterator(chunk_size=EXPORT_CHUNK):
        chunk.append(contact)
        if len(chunk) == EXPORT_CHUNK:
            yield chunk
            _release(chunk)
            chunk = []
    if chunk:
        yield chunk
        _release(chunk)


def _release(chunk) -> None:
    # A prefetched phone points back at its contact and the contact at its phones: such cycles wait for the
    # garbage collector's oldest generation, which a long export rarely reaches, so every chunk would stay
    # in memory. Without the contact's side of the cycle, reference counting frees each chunk at once.
    for contact in chunk:
        contact._prefetched_objects_cache = {}


def contact_as_dict(contact: Contact) -> dict:
    """The public fields only: no internal note, no name of the staff member who checked."""
    return {
        "key": contact.key,
        "name": contact.name,
        "kind": contact.kind,
        "kind_label": contact.get_kind_display(),
        "tagline": contact.tagline,
        "description": contact.description,
        "nationwide": contact.nationwide,
        "bundeslaender": [land.iso_code for land in contact.bundeslaender.all()],
        "coverage_note": contact.coverage_note,
        "situations": [situation.slug for situation in contact.situations.all()],
        "channels": [channel.slug for channel in contact.channels.all()],
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
        "is_emergency_number": contact.is_emergency_number,
        "source_url": contact.source_url,
        "verified_on": contact.verified_on.isoformat() if contact.verified_on else None,
    }


def _json_pieces(licence: dict):
    """The same document JsonResponse(indent=2) would give, written a chunk of contacts at a time."""
    yield '{\n  "note": ' + json.dumps(LICENSE_NOTE, ensure_ascii=False) + ","
    yield '\n  "license": ' + json.dumps(licence, ensure_ascii=False) + ',\n  "contacts": ['
    separator = "\n"
    for chunk in _in_chunks(published_contacts()):
        items = [textwrap.indent(json.dumps(contact_as_dict(c), ensure_ascii=False, indent=2), "    ") for c in chunk]
        yield separator + ",\n".join(items)
        separator = ",\n"
    yield ("\n  ]" if separator != "\n" else "]") + "\n}"


def _licence(request) -> dict:
    settings = OpenDataSettings.load(request_or_site=request)
    return {
        "name": settings.licence,
        "title": settings.licence_title,
        "path": settings.licence_url,
        "attribution": settings.attribution,
    }


@require_safe
@open_data_condition
def export_json(request):
    response = StreamingHttpResponse(_json_pieces(_licence(request)), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"  # open data: partners may load it from their own sites
    return response


def _csv_row(contact: Contact) -> dict:
    row = contact_as_dict(contact)
    row["bundeslaender"] = " ".join(row["bundeslaender"])
    row["situations"] = " ".join(row["situations"])
    row["channels"] = " ".join(row["channels"])
    row["phones"] = contact.phone_list
    row["nationwide"] = "ja" if row["nationwide"] else "nein"
    row["anonymous_possible"] = "ja" if row["anonymous_possible"] else "nein"
    row["free_of_charge"] = "ja" if row["free_of_charge"] else "nein"
    row["is_emergency_number"] = "ja" if row["is_emergency_number"] else "nein"
    row["verified_on"] = row["verified_on"] or ""
    return {name: spreadsheet_safe(value) for name, value in row.items()}


def _csv_stream(fieldnames: list[str], rows_of_chunk):
    """A CSV file written a chunk of published contacts at a time; `rows_of_chunk(chunk)` gives its rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fieldnames)
    buffer.write("\ufeff")  # a BOM so spreadsheet programs open the umlauts correctly
    writer.writeheader()
    for chunk in _in_chunks(published_contacts()):
        writer.writerows(rows_of_chunk(chunk))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def _csv_pieces():
    return _csv_stream(CSV_COLUMNS, lambda chunk: (_csv_row(contact) for contact in chunk))


@require_safe
@open_data_condition
def export_csv(request):
    response = StreamingHttpResponse(_csv_pieces(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kontakte.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _phone_rows(chunk):
    """One row per phone number, joined to the contacts file by `contact_key` (the data package's foreign
    key): the contacts file's "phones" column packs them into one cell for spreadsheet readers."""
    for contact in chunk:
        for phone in contact.phone_numbers.all():
            yield {
                "contact_key": contact.key,
                "label": spreadsheet_safe(phone.label),
                "number": spreadsheet_safe(phone.number),
                "hours": spreadsheet_safe(phone.hours),
                "uri": phone.tel_uri,
            }


def _phone_pieces():
    return _csv_stream(PHONE_COLUMNS, _phone_rows)


@require_safe
@open_data_condition
def export_phones_csv(request):
    response = StreamingHttpResponse(_phone_pieces(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="telefonnummern.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@open_data_condition
def export_datapackage(request):
    """The Frictionless data package: what the files hold, their types and keys, and the licence."""
    urls = {
        "contacts": request.build_absolute_uri(reverse("contacts:export_csv")),
        "phones": request.build_absolute_uri(reverse("contacts:export_phones_csv")),
        "json": request.build_absolute_uri(reverse("contacts:export_json")),
    }
    response = JsonResponse(
        datapackage(urls, _licence(request), CSV_COLUMNS, PHONE_COLUMNS),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
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
    """ "Alle Nummern speichern" on a Land page: every contact that page shows, with its filters, in one file."""
    land_obj = Bundesland.objects.filter(slug=land).first()
    if land_obj is None:
        raise Http404("Dieses Bundesland gibt es nicht.")
    situation = Situation.objects.filter(slug=request.GET.get("situation") or "").first()
    kind = request.GET.get("kind", "")
    if kind not in ContactKind.values:
        kind = ""
    contacts = land_first(find_contacts(land_obj, situation, kind))
    return vcard_response(contacts, f"stark-im-amt-{land_obj.slug}")
