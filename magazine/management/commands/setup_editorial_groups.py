from django.core.management.base import BaseCommand

from magazine.editorial import setup_editorial_groups


class Command(BaseCommand):
    help = (
        "Legt die Redaktionsgruppen der vier Partner, „Freigabe“, „Kontaktpflege“ und „Site-Administration“ "
        "an, dazu je Partner einen Bereich in Magazin und Aktuelles und den Freigabe-Workflow (idempotent)."
    )

    def handle(self, *args, **options):
        groups = setup_editorial_groups(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Gruppen eingerichtet: {', '.join(sorted(groups))}"))
