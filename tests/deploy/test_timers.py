"""Timer jobs run once at a time and on one schedule (core/locks.py, run_locked, run_timers)."""

import threading
from contextlib import contextmanager
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from core.locks import _lock_key, exclusive
from core.management.commands.run_timers import due_jobs, last_review_slot

BERLIN = ZoneInfo("Europe/Berlin")


@contextmanager
def held_elsewhere(name):
    """The lock held by another run: another connection on PostgreSQL (advisory locks are per session),
    another open lock file on SQLite."""
    if connection.vendor != "postgresql":
        with exclusive(name) as acquired:
            assert acquired
            yield
        return
    from django.db import connections

    taken, release = threading.Event(), threading.Event()

    def hold():
        try:
            with exclusive(name) as acquired:
                assert acquired
                taken.set()
                release.wait(30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(30)
    try:
        yield
    finally:
        release.set()
        thread.join()


@pytest.mark.django_db
def test_a_second_run_is_skipped_while_the_first_holds_the_lock():
    with held_elsewhere("publish_scheduled"), exclusive("publish_scheduled") as second:
        assert second is False
    with exclusive("publish_scheduled") as again:  # released afterwards
        assert again is True


@pytest.mark.django_db
def test_run_locked_skips_while_another_run_holds_the_lock(caplog):
    out = StringIO()
    with held_elsewhere("contacts_due_for_review"):
        call_command("run_locked", "contacts_due_for_review", stdout=out)
    assert out.getvalue() == ""
    assert "läuft noch" in caplog.text
    call_command("run_locked", "contacts_due_for_review", stdout=out)
    assert "Kontakte" in out.getvalue()


@pytest.mark.django_db
def test_run_locked_mails_the_weekly_report():
    call_command("run_locked", "--mail-to", "kontaktpflege@example.org", "contacts_due_for_review")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kontaktpflege@example.org"]
    assert mail.outbox[0].subject == "Stark im Amt: contacts_due_for_review"


def test_publish_every_minute_and_the_review_list_on_monday_morning():
    monday_7 = datetime(2026, 12, 7, 7, 0, 30, tzinfo=BERLIN)  # a Monday
    start = monday_7 - timedelta(hours=1)
    assert due_jobs(start, None, start) == ["publish_scheduled"]
    assert due_jobs(start + timedelta(seconds=30), start, start) == []
    assert due_jobs(start + timedelta(minutes=1), start, start) == ["publish_scheduled"]
    due = due_jobs(monday_7, monday_7 - timedelta(minutes=1), start)
    assert due == ["publish_scheduled", "contacts_due_for_review"]
    # Sent at 07:00; the next minute and a restart later in the week send nothing.
    assert "contacts_due_for_review" not in due_jobs(monday_7 + timedelta(minutes=1), None, monday_7)
    tuesday = monday_7 + timedelta(days=1)
    assert "contacts_due_for_review" not in due_jobs(tuesday, None, tuesday)
    assert last_review_slot(tuesday) == monday_7.replace(second=0)
    assert last_review_slot(monday_7 - timedelta(minutes=5)) == (monday_7 - timedelta(days=7)).replace(second=0)


@pytest.mark.django_db
@override_settings(REVIEW_REPORT_TO=[])
def test_run_timers_goes_through_the_lock(caplog):
    with held_elsewhere("publish_scheduled"):
        call_command("run_timers", "--once", stdout=StringIO())
    assert "publish_scheduled läuft noch" in caplog.text
    caplog.clear()
    call_command("run_timers", "--once", stdout=StringIO())
    assert "läuft noch" not in caplog.text and "fehlgeschlagen" not in caplog.text


def test_lock_keys_are_stable_and_distinct():
    assert _lock_key("publish_scheduled") == _lock_key("publish_scheduled")
    assert _lock_key("publish_scheduled") != _lock_key("contacts_due_for_review")
    assert -(2**63) <= _lock_key("publish_scheduled") < 2**63
    assert timezone.is_aware(timezone.now())
