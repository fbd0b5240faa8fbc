"""The open contact data as a Frictionless data package (https://datapackage.org): a descriptor that
names the files, their columns with types, the keys that join them and the licence; and the validators
(ETag, Last-Modified) that let a partner's regular fetch end in a 304 when nothing changed."""

import hashlib

from django.db.models import Count, Max, Q

from contacts.models import Contact, ContactKind, OpenDataSettings
from core.cache.generation import current_generation

BOOLEAN = {"type": "boolean", "trueValues": ["ja"], "falseValues": ["nein"]}
LIST_NOTE = "Durch Leerzeichen getrennt."

# Column → Table Schema field (without its name). Titles and descriptions in German, for the people who
# open the descriptor to understand a column.
CONTACT_FIELDS = {
    "key": {
        "type": "string",
        "title": "Schlüssel",
        "description": "Stabil; verbindet die Dateien.",
        "constraints": {"required": True, "unique": True},
    },
    "name": {"type": "string", "title": "Name der Stelle", "constraints": {"required": True}},
    "kind": {"type": "string", "title": "Art (Kennung)", "constraints": {"required": True, "enum": ContactKind.values}},
    "kind_label": {"type": "string", "title": "Art"},
    "tagline": {"type": "string", "title": "In einer Zeile"},
    "description": {"type": "string", "title": "Kurzbeschreibung"},
    "nationwide": {**BOOLEAN, "title": "Bundesweit zuständig"},
    "bundeslaender": {
        "type": "string",
        "title": "Bundesländer",
        "description": f"ISO-3166-2-Codes, z. B. DE-BY. {LIST_NOTE}",
    },
    "coverage_note": {
        "type": "string",
        "title": "Zuständigkeit in Worten",
        "description": "Wo „bundesweit“ zu viel sagt, z. B. „Beratungsstellen in 14 Ländern“.",
    },
    "situations": {"type": "string", "title": "Hilft bei", "description": f"Kennungen der Lagen. {LIST_NOTE}"},
    "channels": {"type": "string", "title": "Für diese Wege", "description": f"Leer: alle Wege. {LIST_NOTE}"},
    "phones": {
        "type": "string",
        "title": "Telefonnummern",
        "description": "„Bezeichnung; Nummer; Zeiten | …“. Einzeln: Datei „telefonnummern“.",
    },
    "email": {"type": "string", "format": "email", "title": "E-Mail"},
    "website": {"type": "string", "format": "uri", "title": "Website"},
    "postal_address": {"type": "string", "title": "Postanschrift"},
    "availability": {"type": "string", "title": "Erreichbarkeit"},
    "languages": {"type": "string", "title": "Sprachen"},
    "anonymous_possible": {**BOOLEAN, "title": "Anonyme Beratung möglich"},
    "free_of_charge": {**BOOLEAN, "title": "Kostenlos"},
    "is_emergency_number": {**BOOLEAN, "title": "Allgemeine Notruf- oder Krisennummer"},
    "source_url": {"type": "string", "format": "uri", "title": "Quelle der Angaben"},
    "verified_on": {"type": "date", "title": "Zuletzt geprüft am", "description": "Leer: noch nicht geprüft."},
}
PHONE_FIELDS = {
    "contact_key": {"type": "string", "title": "Schlüssel der Stelle", "constraints": {"required": True}},
    "label": {"type": "string", "title": "Bezeichnung"},
    "number": {"type": "string", "title": "Nummer", "constraints": {"required": True}},
    "hours": {"type": "string", "title": "Erreichbar"},
    "uri": {"type": "string", "title": "Zum Wählen", "description": "tel:-Adresse, international."},
}


def _schema(fields: dict, columns: list[str]) -> list[dict]:
    return [{"name": column, **fields[column]} for column in columns]


def datapackage(urls: dict, licence: dict, contact_columns: list[str], phone_columns: list[str]) -> dict:
    csv_resource = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig"}
    return {
        "name": "stark-im-amt-kontakte",
        "title": "Stark im Amt: Anlaufstellen für kommunale Amts- und Mandatsträgerinnen und -träger",
        "description": "Die veröffentlichten Kontakte des Portals Stark im Amt. Die Daten werden laufend "
        "gepflegt; „verified_on“ sagt, wann eine Stelle zuletzt geprüft wurde.",
        "licenses": [{"name": licence["name"], "title": licence["title"], "path": licence["path"]}],
        "sources": [{"title": licence["attribution"]}],
        "resources": [
            {
                "name": "kontakte",
                "path": urls["contacts"],
                **csv_resource,
                "schema": {"fields": _schema(CONTACT_FIELDS, contact_columns), "primaryKey": ["key"]},
            },
            {
                "name": "telefonnummern",
                "path": urls["phones"],
                **csv_resource,
                "schema": {
                    "fields": _schema(PHONE_FIELDS, phone_columns),
                    "foreignKeys": [
                        {"fields": ["contact_key"], "reference": {"resource": "kontakte", "fields": ["key"]}}
                    ],
                },
            },
        ],
        "homepage": urls["json"],
    }


def _state(request) -> dict:
    """Read once per request: Django's `condition` asks for the ETag and the Last-Modified separately."""
    if not hasattr(request, "_open_data_state"):
        request._open_data_state = Contact.objects.aggregate(
            live=Count("pk", filter=Q(live=True)), published=Max("last_published_at"), newest=Max("pk")
        )
    return request._open_data_state


def data_etag(request, *args, **kwargs) -> str:
    """Changes with any content change (the page cache's generation, shared by all processes), and with the
    contacts' own state and the licence where the generation cannot be read."""
    settings = OpenDataSettings.load(request_or_site=request)
    state = _state(request)
    raw = f"{current_generation()}|{state}|{settings.licence}|{settings.attribution}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def data_last_modified(request, *args, **kwargs):
    """When a contact was last published. An unpublished or deleted contact leaves no such time, so the
    ETag (which changes then too) is what reliable clients send; Django checks it first."""
    return _state(request)["published"]
