from django.core.management.base import BaseCommand

from core import renditions


class Command(BaseCommand):
    help = "Erzeugt die Bildvarianten, die die Vorlagen zeigen, für alle verwendeten Bilder im Voraus."

    def handle(self, *args, **options):
        count = renditions.warm_in_use()
        self.stdout.write(self.style.SUCCESS(f"Bildvarianten vorbereitet: {count} Bilder."))
