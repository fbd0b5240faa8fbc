from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.models import Page

from demo import base

# Each app's demo loader, in order: contacts first (the taxonomy everything else uses), the home page's
# links last. Each is a function `load(home)` that is safe to run again.
LOADERS = [
    "demo.contacts.load",
    "demo.guidance.load",
    "demo.magazine.load",
    "demo.site_wide.load",
    "demo.search.load_synonyms",
]


class Command(BaseCommand):
    help = "Lädt die deutschen Demo-Inhalte (idempotent: ein zweiter Lauf aktualisiert statt zu verdoppeln)."

    def handle(self, *args, **options):
        # One transaction: a loader that fails leaves no half-built tree behind, and the error is shown.
        with transaction.atomic():
            home = base.load_home()
            for path in LOADERS:
                import_string(path)(home)
            base.load_about(home)
            base.load_legal(home)
            base.link_home(home)
        # Image renditions now rather than on the first visit; runs after the commit (not inside a test's).
        transaction.on_commit(lambda: call_command("warm_renditions", stdout=self.stdout))
        count = Page.objects.descendant_of(home, inclusive=True).count()
        self.stdout.write(self.style.SUCCESS(f"Demo-Inhalte geladen: {count} Seiten unter „{home.title}“."))
