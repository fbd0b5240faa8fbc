import logging
import signal
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from core.management.commands.run_locked import run_locked

logger = logging.getLogger("starkimamt.timers")

PUBLISH_EVERY = timedelta(minutes=1)
# The list of contacts to check: Mondays at 07:00 (TIME_ZONE, Europe/Berlin), before the week's work.
REVIEW_WEEKDAY, REVIEW_HOUR = 0, 7


def last_review_slot(now: datetime) -> datetime:
    """The most recent Monday 07:00 local time at or before `now`."""
    local = timezone.localtime(now)
    slot = local.replace(hour=REVIEW_HOUR, minute=0, second=0, microsecond=0) - timedelta(
        days=(local.weekday() - REVIEW_WEEKDAY) % 7
    )
    if slot > local:
        slot -= timedelta(days=7)
    return slot


def due_jobs(now: datetime, last_publish: datetime | None, last_review: datetime | None) -> list[str]:
    jobs = []
    if last_publish is None or now - last_publish >= PUBLISH_EVERY:
        jobs.append("publish_scheduled")
    slot = last_review_slot(now)
    # Only a slot this process saw come (started before it): a restart on Tuesday sends no second list.
    if last_review is not None and last_review < slot <= now:
        jobs.append("contacts_due_for_review")
    return jobs


class Command(BaseCommand):
    help = (
        "Der Timer-Dienst für Container (deploy/compose.yaml): publish_scheduled jede Minute, montags um "
        "7 Uhr die Liste der zu prüfenden Kontakte an REVIEW_REPORT_TO. Jeder Lauf unter einer Sperre, "
        "so dass auch ein zweiter Timer oder ein Cronjob nichts doppelt ausführt. Beendet sich bei SIGTERM."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="nur die jetzt fälligen Läufe, dann Ende")

    def handle(self, *args, **options):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        last_publish = None
        last_review = timezone.now()
        while not stopping:
            now = timezone.now()
            for job in due_jobs(now, last_publish, last_review):
                try:
                    if job == "publish_scheduled":
                        run_locked("publish_scheduled")
                        last_publish = now
                    else:
                        if settings.REVIEW_REPORT_TO:
                            run_locked(job, mail_to=settings.REVIEW_REPORT_TO)
                        else:
                            run_locked(job, stdout=self.stdout)  # no recipient: into the log
                        last_review = now
                except Exception:  # one failed run must not stop the timer; the next minute tries again
                    logger.exception("%s fehlgeschlagen", job)
                    if job == "publish_scheduled":
                        last_publish = now
            if options["once"]:
                return
            close_old_connections()  # a long-running process: drop connections past DB_CONN_MAX_AGE or broken
            # Wake at the start of the next minute, or at once on SIGTERM.
            for _ in range(60 - timezone.now().second):
                if stopping:
                    break
                time.sleep(1)
