from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.load_content import generate


class Command(BaseCommand):
    help = (
        "Erzeugt Lastinhalte für Messungen: das N-fache der Demo-Artikel, -Meldungen, -Termine, -Ratgeberseiten, "
        "-Fallbeispiele und -Kontakte, dazu Formulareingänge, Suchbegriffe und Versionen. Wiederholbar. "
        "Nur für Entwicklung und Benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, required=True, help="Vielfaches der Demo-Inhalte (1, 10, 100, …)")
        parser.add_argument(
            "--bench",
            action="store_true",
            help="Auch ohne DEBUG ausführen (Benchmark-Datenbanken). Niemals auf der Produktionsdatenbank.",
        )

    def handle(self, *args, scale, bench, **options):
        if scale < 1:
            raise CommandError("--scale muss mindestens 1 sein.")
        # None under override_settings (a test), so read it with a default.
        production = (getattr(settings, "SETTINGS_MODULE", None) or "").endswith(".production")
        if not settings.DEBUG and not bench:
            raise CommandError(
                "Lastinhalte nur in der Entwicklung (DEBUG) oder ausdrücklich für einen Benchmark (--bench): "
                "sie gehören nicht in eine echte Datenbank."
            )
        from portal.models import HomePage

        if not HomePage.objects.exists():
            raise CommandError("Keine Demo-Inhalte: zuerst `manage.py load_demo_content` ausführen.")
        where = " (Produktions-Einstellungen, --bench)" if production else ""
        self.stdout.write(f"Lastinhalte für Skala {scale}{where}:")
        counts = generate(scale, write=self.stdout.write)
        summary = ", ".join(f"{label} +{count}" for label, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Fertig: {summary}."))
