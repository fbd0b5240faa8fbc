from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from contacts.importer import MAX_IMPORT_BYTES, import_contacts


class Command(BaseCommand):
    help = (
        "Importiert Kontakte aus einer CSV-Datei (UTF-8). Jede Zeile wird zuerst geprüft; bei einem Fehler "
        "wird nichts geändert. Ohne --publish werden Änderungen als Entwurf gespeichert."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Pfad zur CSV-Datei")
        parser.add_argument("--publish", action="store_true", help="Änderungen sofort veröffentlichen")

    def handle(self, *args, path, publish, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Die Datei „{path}“ gibt es nicht.")
        with file.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)  # one byte more is enough to say "too large"
        result = import_contacts(data, publish=publish)
        lines = result.summary_lines()
        if not result.ok:
            raise CommandError("\n".join(lines))
        for line in lines:
            self.stdout.write(line)
