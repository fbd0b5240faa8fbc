"""iCalendar (RFC 5545) written by hand: a handful of properties needs no extra dependency."""

from datetime import UTC

from django.utils import timezone

from core.textformats import content_lines, escape

PRODID = "-//Stark im Amt//Termine//DE"


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
    return content_lines(lines)
