"""The Strafantrag deadline: the month rule of § 77b StGB, computed on the server from the URL, and its reminder."""

import datetime
from urllib.parse import urlencode

import icalendar
import pytest

from portal.deadline import Deadline, add_months, complaint_deadline, german_date

D = datetime.date


@pytest.mark.parametrize(
    ("known", "last_day"),
    [
        (D(2026, 12, 3), D(2027, 3, 3)),
        (D(2026, 11, 30), D(2027, 2, 28)),  # no 30 February: the month's last day
        (D(2027, 11, 30), D(2028, 2, 29)),  # leap year
        (D(2026, 8, 31), D(2026, 11, 30)),
        (D(2026, 10, 31), D(2027, 1, 31)),  # across the year
        (D(2026, 1, 15), D(2026, 4, 15)),
    ],
)
def test_deadline_by_the_month_rule(known, last_day):
    assert complaint_deadline(known) == last_day


def test_no_extension_for_weekends_or_holidays():
    # 3 April 2027 is a Saturday (and Easter weekend): the date stays, to be on the safe side.
    assert D(2027, 4, 3).weekday() == 5
    assert complaint_deadline(D(2027, 1, 3)) == D(2027, 4, 3)


def test_add_months_handles_december():
    assert add_months(D(2026, 12, 31), 2) == D(2027, 2, 28)


def test_german_date_and_reminder_a_week_before():
    deadline = Deadline(D(2026, 12, 3), today=D(2026, 12, 10))
    assert deadline.last_day_text == "3. März 2027"
    assert deadline.reminder_day == D(2027, 2, 24)
    assert not deadline.expired and deadline.days_left == 83
    assert Deadline(D(2026, 1, 1), today=D(2026, 4, 2)).expired
    assert german_date(D(2027, 2, 28)) == "28. Februar 2027"


# --- on the plan page -------------------------------------------------------------------------------------



pytestmark = pytest.mark.django_db
INSULT = {"acute": "nein", "situation": "beleidigung", "channel": "online", "land": "bayern"}


def test_a_known_date_turns_three_months_into_a_date(world, client, monkeypatch):
    monkeypatch.setattr("portal.models.plan.today", lambda: D(2026, 12, 5))
    monkeypatch.setattr("portal.deadline.today", lambda: D(2026, 12, 5))
    html = client.get(world["lotse"].url + "?" + urlencode({**INSULT, "known_since": "2026-12-03"})).content.decode()
    assert "spätestens am <strong>3. März 2027</strong>" in html
    assert "Warten Sie damit nicht bis kurz vor Schluss" in html
    assert "erinnerung/?" in html
    assert client.cookies == {}


def test_german_date_format_is_accepted_too(world, client, monkeypatch):
    monkeypatch.setattr("portal.models.plan.today", lambda: D(2026, 12, 5))
    html = client.get(world["lotse"].url + "?" + urlencode({**INSULT, "known_since": "30.11.2026"})).content.decode()
    assert "spätestens am <strong>28. Februar 2027</strong>" in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("gestern", "Bitte geben Sie das Datum als Tag.Monat.Jahr ein"),
        ("2026-02-30", "Bitte geben Sie das Datum als Tag.Monat.Jahr ein"),
        ("2099-01-01", "Dieses Datum liegt in der Zukunft"),
    ],
)
def test_a_bad_date_gets_a_message_beside_the_field_and_the_plan_stays(world, client, value, message):
    html = client.get(world["lotse"].url + "?" + urlencode({**INSULT, "known_since": value})).content.decode()
    assert message in html
    assert 'id="frage-bekannt-seit-fehler"' in html and 'aria-invalid="true"' in html
    assert "Ihr Plan: Beleidigung in Bayern" in html  # a wrong date loses nothing else
    assert "spätestens am" not in html


def test_an_expired_deadline_says_so_and_points_to_advice(world, client, monkeypatch):
    monkeypatch.setattr("portal.models.plan.today", lambda: D(2026, 12, 5))
    html = client.get(world["lotse"].url + "?" + urlencode({**INSULT, "known_since": "2026-08-01"})).content.decode()
    assert "ist die Frist am <strong>1. November 2026</strong> abgelaufen" in html
    assert "besonderes öffentliches Interesse" in html
    assert "erinnerung/?" not in html


def test_the_reminder_is_a_calendar_file_a_week_before(world, client, monkeypatch):
    monkeypatch.setattr("portal.models.plan.today", lambda: D(2026, 12, 5))
    query = urlencode({**INSULT, "known_since": "2026-12-03"})
    response = client.get(world["lotse"].url + "erinnerung/?" + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == D(2027, 2, 24)
    assert "3. März 2027" in str(event["SUMMARY"])
    assert query in str(event["URL"])  # the plan opens again from the reminder
    assert calendar.walk("VALARM")
    for line in response.content.split(b"\r\n"):
        assert len(line) <= 75


def test_no_reminder_without_a_deadline(world, client):
    threat = urlencode({**INSULT, "situation": "bedrohung", "known_since": "2026-12-01"})
    assert client.get(world["lotse"].url + "erinnerung/?" + threat).status_code == 404
    assert client.get(world["lotse"].url + "erinnerung/?" + urlencode(INSULT)).status_code == 404
