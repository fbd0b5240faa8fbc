import io
import logging

from django.core.mail import send_mail
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.locks import exclusive

logger = logging.getLogger("starkimamt.timers")


def run_locked(command: str, args=(), mail_to=(), stdout=None) -> bool:
    """Runs a management command unless another run of it is still going. False when skipped."""
    with exclusive(command) as acquired:
        if not acquired:
            logger.warning("%s läuft noch (anderer Prozess), dieser Lauf entfällt.", command)
            return False
        output = io.StringIO()
        call_command(command, *args, stdout=output)
        text = output.getvalue()
        if stdout is not None:
            stdout.write(text)
        if mail_to and text.strip():
            send_mail(f"Stark im Amt: {command}", text, None, list(mail_to))
            logger.info("%s erledigt, Ausgabe an %s geschickt.", command, ", ".join(mail_to))
        else:
            # Every minute for publish_scheduled: only at DEBUG, with what it printed.
            logger.debug("%s erledigt.", command, extra={"output": text.strip()[:4000]})
        return True


class Command(BaseCommand):
    help = (
        "Führt einen Befehl aus, aber nie zweimal gleichzeitig (PostgreSQL-Advisory-Lock, auf SQLite eine "
        "Sperrdatei). Für Timer: `run_locked publish_scheduled`. Mit --mail-to geht die Ausgabe per Mail."
    )

    def add_arguments(self, parser):
        parser.add_argument("--mail-to", action="append", default=[], help="Empfänger der Ausgabe (mehrfach)")
        parser.add_argument("job", help="Name des Management-Befehls, z. B. publish_scheduled")
        parser.add_argument("job_args", nargs="*", metavar="ARG", help="Argumente für den Befehl (nach --)")

    def handle(self, *args, **options):
        run_locked(options["job"], options["job_args"], options["mail_to"], stdout=self.stdout)
