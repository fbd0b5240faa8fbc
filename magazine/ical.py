"""iCalendar (RFC 5545) written by hand: a handful of properties needs no extra dependency."""

from datetime import UTC

from django.utils import timezone

PRODID = "-//Stark im Amt//Termine//DE"


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545, 3.3.11)."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc_stamp(value) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, request) -> list[str]:
    url = request.build_absolute_uri(event.get_url(request))
    location = event.location or ""
    if event.is_online:
        location = f"{location} und online" if location else "Online"
    description = "\n\n".join(part for part in (event.teaser, f"Veranstalter: {event.organiser}", url) if part)
    lines = [
        "BEGIN:VEVENT",
        f"UID:termin-{event.pk}@{request.get_host().split(':')[0]}",
        f"DTSTAMP:{utc_stamp(event.last_published_at or timezone.now())}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.end)}",
        f"SUMMARY:{escape(event.title)}",
        f"DESCRIPTION:{escape(description)}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, request) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines.append("X-WR-CALNAME:Stark im Amt – Termine")
    for event in events:
        lines.extend(event_lines(event, request))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
