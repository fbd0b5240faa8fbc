from django.core.management.base import BaseCommand
from django.utils import timezone

from contacts.models import Contact, review_after_days


class Command(BaseCommand):
    help = (
        "Listet die Kontakte, die nie oder vor zu langer Zeit geprüft wurden (wie „Zu prüfen“ im Admin), "
        "und die Ratgeberseiten und Fallbeispiele, deren fachliche Prüfung fällig ist (wie „Inhalte zu "
        "prüfen“), jeweils die ältesten zuerst. Für eine wöchentliche Mail per cron."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        self.report_contacts(today)
        self.stdout.write("")
        self.report_content(today)

    def report_contacts(self, today):
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

    def report_content(self, today):
        # The one weekly mail covers guidance too; the portal owns the pages and their review cycle.
        from portal.content_review import content_due_for_review

        pages = content_due_for_review(today)
        if not pages:
            self.stdout.write("Alle Inhalte sind aktuell fachlich geprüft.")
            return
        self.stdout.write(f"{len(pages)} Inhalte zu prüfen (nie fachlich geprüft oder Prüfintervall abgelaufen):")
        for page in pages:
            if page.reviewed_on:
                overdue = (today - page.review_due_on).days
                checked = (
                    f"fachlich geprüft am {page.reviewed_on:%d.%m.%Y}, seit {overdue} Tagen fällig "
                    f"(Intervall {page.interval_days} Tage)"
                )
            else:
                checked = "noch nie fachlich geprüft"
            status = "" if page.live else ", Entwurf"
            self.stdout.write(f"- {page.title} ({page._meta.verbose_name}, ID {page.pk}): {checked}{status}")
