"""The Strafantrag deadline (§ 77b StGB) as a date, and a calendar reminder for it.

Three months from the day on which the person learns of the act and of the offender: the period ends on
the day of the third month that has the same number, or on the last day of a shorter month (known on
30 November → 28 or 29 February). Computed conservatively: no extension for weekends or holidays, so the
date shown is never later than the real one.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.utils import formats, timezone

from core.textformats import content_lines, escape

COMPLAINT_MONTHS = 3
REMINDER_DAYS_BEFORE = 7


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def complaint_deadline(known_since: datetime.date) -> datetime.date:
    return add_months(known_since, COMPLAINT_MONTHS)


def german_date(day: datetime.date) -> str:
    """„3. März 2027“, whatever the active language."""
    return formats.date_format(day, "j. F Y")


@dataclass(frozen=True)
class Deadline:
    known_since: datetime.date
    today: datetime.date

    @property
    def last_day(self) -> datetime.date:
        return complaint_deadline(self.known_since)

    @property
    def reminder_day(self) -> datetime.date:
        return self.last_day - datetime.timedelta(days=REMINDER_DAYS_BEFORE)

    @property
    def expired(self) -> bool:
        return self.last_day < self.today

    @property
    def days_left(self) -> int:
        return (self.last_day - self.today).days

    @property
    def last_day_text(self) -> str:
        return german_date(self.last_day)


def reminder_calendar(deadline: Deadline, plan_url: str, host: str) -> str:
    """One all-day event a week before the last day, with an alarm in the morning of that day."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    start = deadline.reminder_day
    summary = f"Strafantrag stellen – die Frist endet spätestens am {deadline.last_day_text}"
    description = (
        f"Sie wissen seit dem {german_date(deadline.known_since)} von der Tat und vom Täter. Der Strafantrag "
        f"muss spätestens am {deadline.last_day_text} gestellt sein (drei Monate, § 77b StGB). Stellen Sie ihn "
        f"lieber heute als morgen, bei der Polizei oder der Staatsanwaltschaft.\n\nIhr Plan: {plan_url}"
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Stark im Amt//Lotse//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:strafantrag-{deadline.known_since:%Y%m%d}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        f"URL:{plan_url}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(summary)}",
        "TRIGGER;RELATED=START:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return content_lines(lines)


def today() -> datetime.date:
    return timezone.localdate()
