import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-admin-password"


class Command(BaseCommand):
    help = "Legt für die lokale Demo einen Admin-Zugang an (nur mit DEBUG) und zeigt die Zugangsdaten."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Adresse, unter der die Demo läuft")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Der Demo-Admin ist nur für die lokale Entwicklung (DEBUG=True) gedacht.")
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None or not PASSWORD_FILE.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser("admin", "admin@example.org", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        password = PASSWORD_FILE.read_text().strip()
        admin_url = options["url"].rstrip("/") + "/admin/"
        self.stdout.write(self.style.SUCCESS(f"Admin-Login: {admin_url}  Benutzer: admin  Passwort: {password}"))
