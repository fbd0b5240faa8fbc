from django.core.management.base import BaseCommand
from django.utils import timezone

from contacts.models import Contact, review_after_days


class Command(BaseCommand):
    help = (
        "Listet die Kontakte, die nie oder vor zu langer Zeit geprüft wurden (wie „Zu prüfen“ im Admin), "
        "die ältesten zuerst. Für eine wöchentliche Mail per cron."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        contacts = list(Contact.objects.due_for_review(today))
        if not contacts:
            self.stdout.write("Alle Kontakte sind aktuell geprüft.")
            return
        self.stdout.write(
            f"{len(contacts)} Kontakte zu prüfen (nie oder vor mehr als {review_after_days()} Tagen geprüft):"
        )
        for contact in contacts:
            if contact.verified_on:
                age = (today - contact.verified_on).days
                checked = f"zuletzt geprüft am {contact.verified_on:%d.%m.%Y} (vor {age} Tagen)"
            else:
                checked = "noch nie geprüft"
            status = "" if contact.live else ", Entwurf"
            self.stdout.write(f"- {contact.name} [{contact.key}]: {checked}{status}")
