from django.core.management.base import BaseCommand

from portal.search_eval import evaluate, report


class Command(BaseCommand):
    help = "Prüft die Suche mit dem Relevanz-Set auf der aktuellen Datenbank: Anteil gut beantworteter Suchen, "
    "schlechteste Treffer, Antwortzeiten."

    def add_arguments(self, parser):
        parser.add_argument("--worst", type=int, default=10, help="So viele schlechteste Treffer zeigen")

    def handle(self, *args, worst, **options):
        self.stdout.write(report(evaluate(), worst=worst))
