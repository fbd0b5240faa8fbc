from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from core import site_url


class Command(BaseCommand):
    help = "Trägt SITE_URL (Hostname, Port) in die Standard-Site von Wagtail ein (Release-Schritt)."

    def handle(self, *args, **options):
        parsed = site_url.parse(getattr(settings, "SITE_URL", ""))
        if parsed is None:
            raise CommandError("SITE_URL fehlt oder ist keine http(s)-Adresse.")
        hostname, port = parsed
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Es gibt keine Standard-Site.")
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()  # save() clears Wagtail's site cache
        self.stdout.write(self.style.SUCCESS(f"Standard-Site: {hostname}:{port}"))
