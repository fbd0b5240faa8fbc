"""vCards of contacts, one or many in one file, so a phone saves the numbers in one step.

Public API (the Lotse plan and the finder use it):

- ``vcard_for(contact) -> str | None``: one vCard, or None when the contact has nothing to save (no phone,
  e-mail, website or postal address).
- ``vcard_bundle(contacts) -> str``: every contact that has a vCard, one BEGIN:VCARD … END:VCARD after the
  other in one string (empty when none has one).
- ``vcard_response(contacts, filename) -> HttpResponse``: that bundle as a download
  (``text/vcard; charset=utf-8``, attachment); raises Http404 when no contact has a vCard.

``contacts`` are Contact objects; prefetch ``phone_numbers`` for lists, as the finder and the plan do.

vCard 3.0 (RFC 2426), not 4.0: the address books of iOS, Android and Outlook import 3.0 reliably; 4.0 files
are refused or lose fields on several of them. Where 3.0 leaves room the output also follows RFC 6350:
UTF-8, CRLF line ends, lines folded at 75 octets without splitting a character.
"""

import re

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header

from core.textformats import clean as _clean
from core.textformats import content_lines, escape
from core.textformats import uri as _uri

CATEGORY = "Stark im Amt"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_POSTCODE_LINE = re.compile(r"^(\d{5})\s+(.+)$")


def has_vcard(contact) -> bool:
    """A vCard only for something to save: a number, an e-mail, a website or a postal address."""
    return bool(contact.email or contact.website or contact.postal_address.strip() or list(contact.phone_numbers.all()))


def international_number(number: str) -> str:
    """ "0800 300 99 44" → "+49 800 300 99 44"; "0711 5401-3003" → "+49 711 5401 3003"; "0049 …" → "+49 …";
    "+43 …" stays; short numbers ("110", "116 123", "116117") stay as dialled."""
    groups = number.replace("-", " ").split()
    if not groups:
        return ""
    first = groups[0]
    if first.startswith("00"):
        groups = ["+" + first[2:], *groups[1:]] if len(first) > 2 else ["+" + groups[1], *groups[2:]]
    elif first.startswith("0"):
        groups = ["+49", *([first[1:]] if len(first) > 1 else []), *groups[1:]]
    # Otherwise already international ("+43 …") or a short number dialled as it is ("110", "116 123").
    return " ".join(groups)


def _normalised(text: str) -> str:
    return " ".join(text.casefold().rstrip(".!?").split())


def note_text(contact) -> str:
    """Description, availability and the hours of each number, each sentence once: "Videogespräche nach
    Vereinbarung" in both the description and the availability appears once."""
    # (text, what must not have been said already): the hours of a number are left out when the text says
    # them already ("Tag und Nacht" in the description).
    parts = [(contact.description, None), (contact.availability, None)]
    for phone in contact.phone_numbers.all():
        if phone.hours:
            parts.append((f"{phone.label or 'Telefon'} {phone.number}: {phone.hours}", phone.hours))
    kept: list[str] = []
    for text, marker in parts:
        seen = " | ".join(_normalised(sentence) for sentence in kept)
        if marker and _normalised(_clean(marker)) in seen:
            continue
        for sentence in _SENTENCE_END.split(" ".join(_clean(text).split())):
            key = _normalised(sentence)
            if not key or any(key in _normalised(k) for k in kept):
                continue
            # A later, longer sentence that contains an earlier one replaces it.
            kept = [k for k in kept if _normalised(k) not in key]
            kept.append(sentence)
    return " ".join(kept)


def _address(postal_address: str) -> str:
    """ADR components (post office box; extended; street; locality; region; postal code; country). A last
    line "12345 Ort" becomes postal code and locality; the lines before it the street."""
    lines = [line.strip() for line in _clean(postal_address).split("\n") if line.strip()]
    postcode = locality = ""
    if lines:
        match = _POSTCODE_LINE.match(lines[-1])
        if match:
            postcode, locality = match.groups()
            lines = lines[:-1]
    street = ", ".join(lines)
    country = "Deutschland" if postcode else ""
    return ";".join(["", "", escape(street), escape(locality), "", escape(postcode), escape(country)])


def vcard_for(contact) -> str | None:
    """One vCard 3.0 for `contact`, or None when there is nothing to save."""
    if not has_vcard(contact):
        return None
    name = escape(contact.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:urn:stark-im-amt:kontakt:{_uri(contact.key)}",
        f"FN:{name}",
        # N is required in 3.0. A place, not a person: the whole name as family name, and ORG plus
        # X-ABShowAs so address books file it as an organisation.
        f"N:{name};;;;",
        f"ORG:{name}",
        "X-ABShowAs:COMPANY",
        f"CATEGORIES:{escape(CATEGORY)}",
    ]
    for position, phone in enumerate(contact.phone_numbers.all(), start=1):
        number = international_number(phone.number)
        if not number:
            continue
        if phone.label:
            # Apple reads the label from X-ABLabel in the same group; others show the TYPE.
            lines.append(f"item{position}.TEL;TYPE=voice,work:{escape(number)}")
            lines.append(f"item{position}.X-ABLabel:{escape(phone.label)}")
        else:
            lines.append(f"TEL;TYPE=voice,work:{escape(number)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=internet,work:{_uri(contact.email)}")
    if contact.website:
        lines.append(f"URL:{_uri(contact.website)}")
    if contact.postal_address.strip():
        lines.append(f"ADR;TYPE=work:{_address(contact.postal_address)}")
    note = note_text(contact)
    if note:
        lines.append(f"NOTE:{escape(note)}")
    lines.append("END:VCARD")
    return content_lines(lines)


def vcard_bundle(contacts) -> str:
    """The vCards of every contact that has one, in the given order, in one file."""
    return "".join(card for card in (vcard_for(contact) for contact in contacts) if card)


def _safe_filename(filename: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", filename.removesuffix(".vcf")).strip("-.") or "kontakte"
    return f"{stem}.vcf"


def vcard_response(contacts, filename: str) -> HttpResponse:
    """`contacts` as one .vcf download named `filename` (".vcf" is added when missing); 404 when none of them
    has anything to save."""
    body = vcard_bundle(contacts)
    if not body:
        raise Http404("Für diese Stellen gibt es keine Visitenkarte.")
    response = HttpResponse(body.encode(), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, _safe_filename(filename))
    return response
