"""CSV import of contacts: every row is checked first; one bad row and nothing changes.

The columns are those of the open-data CSV export (unknown columns such as `kind_label` are ignored), so
an export can be edited in a spreadsheet and read back in. Columns missing from a file leave those fields
of existing contacts unchanged.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from contacts.models import Bundesland, Channel, Contact, ContactKind, ContactPhone, Situation
from core.textformats import from_spreadsheet_safe

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 5000
IMPORT_BATCH = 500
REQUIRED_COLUMNS = ("key", "name", "kind")
TEXT_COLUMNS = (
    "name",
    "tagline",
    "description",
    "coverage_note",
    "email",
    "website",
    "postal_address",
    "availability",
    "languages",
    "source_url",
    "verified_by",
    "internal_note",
)
BOOLEAN_COLUMNS = ("nationwide", "anonymous_possible", "free_of_charge", "is_emergency_number")
TRUE_VALUES = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
FALSE_VALUES = {"nein", "n", "no", "false", "falsch", "0", ""}
KNOWN_COLUMNS = {
    "key",
    "kind",
    *TEXT_COLUMNS,
    *BOOLEAN_COLUMNS,
    "bundeslaender",
    "situations",
    "channels",
    "phones",
    "verified_on",
}
# Columns of the admin's export (its German headings and the properties it writes) read as the import's own,
# so the export goes back in unchanged. Other columns are not read: "Veröffentlicht", the export's state
# column, among them (the import's own choice, draft or publish, decides that).
EXPORT_COLUMNS = {
    "laender_codes": "bundeslaender",
    "situation_slugs": "situations",
    "channel_slugs": "channels",
    "phone_list": "phones",
    "Bundesländer": "bundeslaender",
    "Telefonnummern": "phones",
}


def column_name(heading: str) -> str:
    """The import's name for a heading: itself, an export property, or a field's German label."""
    heading = heading.strip()
    if heading in KNOWN_COLUMNS:
        return heading
    if heading in EXPORT_COLUMNS:
        return EXPORT_COLUMNS[heading]
    for name in KNOWN_COLUMNS - {"phones"}:
        if str(Contact._meta.get_field(name).verbose_name).casefold() == heading.casefold():
            return name
    return heading


class ImportFileError(Exception):
    """The file as a whole cannot be read: wrong encoding, not CSV, too large, missing columns."""


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    published: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary_lines(self) -> list[str]:
        if self.errors:
            return ["Es wurde nichts geändert. Bitte beheben Sie diese Fehler und laden Sie die Datei erneut:"] + [
                f"– {error}" for error in self.errors
            ]
        mode = "veröffentlicht" if self.published else "als Entwurf gespeichert"
        lines = [
            f"Import abgeschlossen ({mode}): {len(self.created)} neu, {len(self.updated)} geändert, "
            f"{len(self.unchanged)} unverändert."
        ]
        lines += [f"Neu: {item}" for item in self.created]
        lines += [f"Geändert: {item}" for item in self.updated]
        lines += [f"Unverändert: {item}" for item in self.unchanged]
        return lines


@dataclass
class _Row:
    line: int
    contact: Contact
    is_new: bool
    changes: list[str]


def decode_upload(data: bytes) -> str:
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            f"Die Datei ist zu groß ({len(data) // 1024} KB). Erlaubt sind höchstens "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} MB; teilen Sie sie bitte auf."
        )
    if not data.strip():
        raise ImportFileError("Die Datei ist leer.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            "Die Datei ist nicht in UTF-8 gespeichert (ungültiges Zeichen an Position "
            f"{error.start}). Bitte speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut."
        ) from None
    if "\x00" in text:
        raise ImportFileError("Die Datei enthält Binärdaten und ist keine CSV-Datei.")
    return text


def _reader(text: str) -> csv.DictReader:
    first_line = text.splitlines()[0] if text else ""
    # German spreadsheets write semicolons; the export writes commas. The header decides.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        raise ImportFileError(f"Die Kopfzeile ist keine gültige CSV-Zeile: {error}.") from None
    header = [column_name(name) for name in header]
    reader.fieldnames = header
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ImportFileError(
            "In der Kopfzeile fehlen die Spalten "
            + ", ".join(f"„{name}“ ({_verbose(name)})" for name in missing)
            + ". Erwartet werden mindestens: "
            + ", ".join(REQUIRED_COLUMNS)
            + " – oder die Überschriften des Exports."
        )
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        raise ImportFileError("Diese Spalten stehen doppelt in der Kopfzeile: " + ", ".join(duplicates) + ".")
    return reader


def _parse_bool(value: str, label: str) -> bool:
    normalized = value.strip().lower()
    if normalized in TRUE_VALUES:
        return True
    if normalized in FALSE_VALUES:
        return False
    raise ValueError(f"„{label}“: „{value}“ ist kein Ja/Nein-Wert (erlaubt: ja, nein).")


def _parse_date(value: str) -> datetime.date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"„Zuletzt geprüft am“: „{value}“ ist kein Datum (Schreibweise 2025-03-31 oder 31.03.2025).")


def _split(value: str, separators: str = ",; ") -> list[str]:
    items = [value]
    for sep in separators:
        items = [part for item in items for part in item.split(sep)]
    return [item.strip() for item in items if item.strip()]


def _parse_phones(value: str) -> list[ContactPhone]:
    """ "label; number; hours | label; number; hours" — a lone value is the number."""
    phones = []
    for entry in value.split("|"):
        parts = [part.strip() for part in entry.split(";")]
        if not any(parts):
            continue
        if len(parts) == 1:
            label, number, hours = "", parts[0], ""
        elif len(parts) == 2:
            label, number, hours = parts[0], parts[1], ""
        elif len(parts) == 3:
            label, number, hours = parts
        else:
            raise ValueError(f"„Telefonnummern“: „{entry.strip()}“ hat zu viele Teile (Bezeichnung; Nummer; Zeiten).")
        phones.append(ContactPhone(label=label, number=number, hours=hours))
    return phones


def snapshot(contact: Contact) -> dict:
    """What the import compares to say what changed."""
    data = {name: getattr(contact, name) for name in (*TEXT_COLUMNS, *BOOLEAN_COLUMNS, "kind", "verified_on")}
    data["bundeslaender"] = sorted(land.pk for land in contact.bundeslaender.all())
    data["situations"] = sorted(situation.pk for situation in contact.situations.all())
    data["channels"] = sorted(channel.pk for channel in contact.channels.all())
    data["phones"] = [(p.label, p.number, p.hours) for p in contact.phone_numbers.all()]
    return data


def _verbose(name: str) -> str:
    if name == "phones":
        return "Telefonnummern"
    return str(Contact._meta.get_field(name).verbose_name)


def _validation_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        messages = []
        for name, errors in error.message_dict.items():
            label = _verbose(name) if name != "__all__" else ""
            for message in errors:
                messages.append(f"„{label}“: {message}" if label else message)
        return messages
    return list(error.messages)


def _terms(raw, column: str, known: dict, unknown_message: str, problems: list[str]) -> list:
    """The known terms (situations, channels) a cell names; each unknown one is reported."""
    chosen = []
    for token in _split(raw.get(column) or ""):
        term = known.get(token.lower())
        if term is None:
            problems.append(unknown_message.format(token))
        else:
            chosen.append(term)
    return chosen


def _build_row(line, raw, columns, existing, laender, situations, channels, user) -> tuple[_Row | None, list[str]]:
    problems = []
    key = (raw.get("key") or "").strip()
    contact = existing.get(key)
    is_new = contact is None
    if contact is not None and contact.locked and (user is None or contact.locked_by_id != user.pk):
        # Someone is editing it right now: an import must not overwrite their work.
        who = contact.locked_by.get_username() if contact.locked_by else "jemandem"
        problems.append(f"Der Kontakt „{key}“ ist von {who} gesperrt und kann nicht importiert werden.")
    elif contact is not None and contact.live and contact.has_unpublished_changes:
        # The row holds the live version; the draft lives only in its revision. Importing over it would
        # leave the draft behind, unseen, and the next publish of that draft would undo the import.
        problems.append(
            f"Der Kontakt „{key}“ hat einen Entwurf, der noch nicht veröffentlicht ist. Veröffentlichen oder "
            "verwerfen Sie ihn zuerst im Admin, sonst ginge er verloren."
        )
    if is_new:
        contact = Contact(key=key)
        before = None
    else:
        before = snapshot(contact)

    for name in TEXT_COLUMNS:
        if name in columns:
            setattr(contact, name, (raw.get(name) or "").strip())
    kind = (raw.get("kind") or "").strip()
    if kind not in ContactKind.values:
        by_label = {label.lower(): value for value, label in ContactKind.choices}
        kind = by_label.get(kind.lower(), kind)
    if kind not in ContactKind.values:
        problems.append(
            f"„Art“: „{raw.get('kind', '')}“ ist keine bekannte Art (erlaubt: {', '.join(ContactKind.values)})."
        )
    contact.kind = kind
    for name in BOOLEAN_COLUMNS:
        if name in columns:
            try:
                setattr(contact, name, _parse_bool(raw.get(name) or "", _verbose(name)))
            except ValueError as error:
                problems.append(str(error))
    if "verified_on" in columns:
        try:
            contact.verified_on = _parse_date(raw.get("verified_on") or "")
        except ValueError as error:
            problems.append(str(error))
    if "bundeslaender" in columns:
        chosen = []
        for token in _split(raw.get("bundeslaender") or "", ",;| "):
            land = laender.get(token.lower())
            if land is None:
                problems.append(f"„Bundesländer“: „{token}“ ist kein Bundesland (z. B. „DE-BY“, „bayern“).")
            else:
                chosen.append(land)
        contact.bundeslaender = chosen
    if "situations" in columns:
        contact.situations = _terms(
            raw, "situations", situations, "„Hilft bei“: „{}“ ist keine bekannte Situation.", problems
        )
    if "channels" in columns:
        contact.channels = _terms(
            raw, "channels", channels, "„Für diese Wege“: „{}“ ist kein bekannter Weg (z. B. „online“).", problems
        )
    if "phones" in columns:
        try:
            phones = _parse_phones(raw.get("phones") or "")
        except ValueError as error:
            problems.append(str(error))
            phones = []
        for phone in phones:
            try:
                phone.full_clean(exclude=["contact"])
            except ValidationError as error:
                problems += [f"„Telefonnummer“ {phone.number!r}: {m}" for m in error.messages]
        contact.phone_numbers = phones

    if not problems:
        try:
            contact.full_clean()
        except ValidationError as error:
            problems += _validation_messages(error)
    if problems:
        return None, problems

    after = snapshot(contact)
    changes = [] if before is None else [_verbose(name) for name in after if after[name] != before[name]]
    return _Row(line=line, contact=contact, is_new=is_new, changes=changes), []


def import_contacts(data: bytes, *, publish: bool = False, user=None) -> ImportResult:
    """Check the whole file, then (only if every row is fine) create or update the contacts."""
    result = ImportResult(published=publish)
    try:
        text = decode_upload(data)
        reader = _reader(text)
        columns = set(reader.fieldnames)
        raw_rows = []
        for raw in reader:
            if None in raw:
                result.errors.append(f"Zeile {reader.line_num}: mehr Spalten als in der Kopfzeile.")
                continue
            if not any((value or "").strip() for value in raw.values()):
                continue  # blank line
            raw = {name: from_spreadsheet_safe(value or "") for name, value in raw.items()}
            raw_rows.append((reader.line_num, raw))
            if len(raw_rows) > MAX_IMPORT_ROWS:
                raise ImportFileError(f"Die Datei hat mehr als {MAX_IMPORT_ROWS} Zeilen; bitte teilen Sie sie auf.")
    except ImportFileError as error:
        result.errors.append(str(error))
        return result
    except csv.Error as error:
        result.errors.append(f"Die Datei ist keine gültige CSV-Datei (Zeile {reader.line_num}): {error}.")
        return result
    if not raw_rows and not result.errors:
        result.errors.append("Die Datei enthält keine Kontakte, nur eine Kopfzeile.")
        return result

    keys = [(raw.get("key") or "").strip() for _, raw in raw_rows]
    existing = {
        c.key: c
        for c in Contact.objects.filter(key__in=keys)
        .select_related("locked_by")
        .prefetch_related("phone_numbers", "bundeslaender", "situations", "channels")
    }
    laender = {}
    for land in Bundesland.objects.all():
        for alias in (land.slug, land.iso_code, land.name, land.key):
            laender[alias.lower()] = land
    situations = {s.slug.lower(): s for s in Situation.objects.all()}
    channels = {c.slug.lower(): c for c in Channel.objects.all()}

    rows = []
    seen = {}
    for line, raw in raw_rows:
        key = (raw.get("key") or "").strip()
        if key and key in seen:
            result.errors.append(f"Zeile {line}: Der Schlüssel „{key}“ steht schon in Zeile {seen[key]}.")
            continue
        seen[key] = line
        row, problems = _build_row(line, raw, columns, existing, laender, situations, channels, user)
        result.errors += [f"Zeile {line}: {problem}" for problem in problems]
        if row is not None:
            rows.append(row)
    if result.errors:
        return result

    with transaction.atomic():
        _create_all([row for row in rows if row.is_new], publish=publish, user=user, result=result)
        for row in rows:
            if not row.is_new:
                _save(row, publish=publish, user=user, result=result)
    return result


def _create_all(rows: list[_Row], *, publish: bool, user, result: ImportResult) -> None:
    """New contacts in a few statements per batch rather than about twenty each (save, revision, publish,
    log, search index, cache): what the admin would write for each, written together. A 5,000-row file
    took minutes one by one."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import ModelLogEntry, Revision
    from wagtail.search.backends import get_search_backend

    from core.cache.invalidation import content_changed

    if not rows:
        return
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(Contact)
    for start in range(0, len(rows), IMPORT_BATCH):
        batch = [row.contact for row in rows[start : start + IMPORT_BATCH]]
        # modelcluster keeps the parsed Länder, situations, channels and phones in memory until a save: read
        # them now.
        related = [
            (list(c.bundeslaender.all()), list(c.situations.all()), list(c.channels.all()), list(c.phone_numbers.all()))
            for c in batch
        ]
        for contact in batch:
            contact.live = publish
            contact.has_unpublished_changes = not publish
            if publish:
                contact.first_published_at = contact.last_published_at = now
        Contact.objects.bulk_create(batch)
        laender_rows, situation_rows, channel_rows, phones = [], [], [], []
        for contact, (laender, situations, channels, contact_phones) in zip(batch, related, strict=True):
            laender_rows += [Contact.bundeslaender.through(contact=contact, bundesland=land) for land in laender]
            situation_rows += [Contact.situations.through(contact=contact, situation=s) for s in situations]
            channel_rows += [Contact.channels.through(contact=contact, channel=c) for c in channels]
            for order, phone in enumerate(contact_phones):
                phone.contact, phone.sort_order = contact, order
                phones.append(phone)
        Contact.bundeslaender.through.objects.bulk_create(laender_rows)
        Contact.situations.through.objects.bulk_create(situation_rows)
        Contact.channels.through.objects.bulk_create(channel_rows)
        ContactPhone.objects.bulk_create(phones)
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(contact.pk),
                created_at=now,
                user=user,
                object_str=str(contact),
                content=contact.serializable_data(),
            )
            for contact in batch
        )
        logs = []
        for contact, revision in zip(batch, revisions, strict=True):
            contact.latest_revision = revision
            if publish:
                contact.live_revision = revision
            for action in ("wagtail.create", "wagtail.publish") if publish else ("wagtail.create",):
                logs.append(
                    ModelLogEntry(
                        content_type=content_type,
                        object_id=str(contact.pk),
                        label=str(contact),
                        action=action,
                        timestamp=now,
                        user=user,
                        revision=revision,
                        content_changed=True,
                        uuid=uuid.uuid4(),
                    )
                )
        Contact.objects.bulk_update(batch, ["latest_revision", "live_revision"])
        ModelLogEntry.objects.bulk_create(logs)
        get_search_backend().add_bulk(Contact, batch)
        result.created += [f"{contact.key} ({contact.name})" for contact in batch]
    content_changed()  # bulk writes send no signals


def _save(row: _Row, *, publish: bool, user, result: ImportResult) -> None:
    contact = row.contact
    label = f"{contact.key} ({contact.name})"
    if not row.changes:
        result.unchanged.append(label)
        return
    # An update is stored as a new revision: staff can compare it and roll it back. As a draft the live
    # row stays untouched until someone publishes it.
    revision = contact.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    result.updated.append(f"{label}: {', '.join(row.changes)}")
