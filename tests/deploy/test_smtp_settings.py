"""Mail through an authenticated relay: the settings read user, password and TLS mode from the environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import django; django.setup(); from django.core.mail import get_connection; c = get_connection(); "
    "print(c.host, c.port, c.username, c.password, c.use_tls, c.use_ssl)"
)


def production_mail(**env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**base, "DJANGO_SETTINGS_MODULE": "starkimamt.settings.production", "SECRET_KEY": "s" * 50,
             "ALLOWED_HOSTS": "stark-im-amt.example", **env},
    )


def test_the_smtp_backend_logs_in_with_starttls():
    result = production_mail(EMAIL_HOST="smtp.example", EMAIL_PORT="587", EMAIL_HOST_USER="portal",
                             EMAIL_HOST_PASSWORD="geheim", EMAIL_USE_TLS="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["smtp.example", "587", "portal", "geheim", "True", "False"]


def test_tls_and_ssl_together_are_refused_with_a_clear_message():
    result = production_mail(EMAIL_USE_TLS="true", EMAIL_USE_SSL="true")
    assert result.returncode != 0
    assert "EMAIL_USE_TLS und EMAIL_USE_SSL schließen sich aus" in result.stderr
