#!/usr/bin/env python
"""Without DJANGO_SETTINGS_MODULE every command runs with the production settings, as the WSGI entry does.

A cron line or a shell on a server that forgets the variable must not run with DEBUG and a fixed key (and
send its mails to the console); it stops with a German message instead. Development says so explicitly:
`make run`, `make shell` and the Makefile's other targets set `starkimamt.settings.dev`.
"""

import importlib
import os
import sys

PRODUCTION = "starkimamt.settings.production"
DEVELOPMENT = "starkimamt.settings.dev"


def choose_settings() -> None:
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        return
    os.environ["DJANGO_SETTINGS_MODULE"] = PRODUCTION
    from django.core.exceptions import ImproperlyConfigured

    try:
        importlib.import_module(PRODUCTION)
    except ImproperlyConfigured as error:
        sys.exit(
            f"{error}\n"
            "manage.py läuft ohne DJANGO_SETTINGS_MODULE mit den Produktionseinstellungen "
            f"({PRODUCTION}); ihnen fehlt die Konfiguration (README, Konfiguration).\n"
            f"Zum Entwickeln: make run, make shell oder DJANGO_SETTINGS_MODULE={DEVELOPMENT} python manage.py …"
        )


if __name__ == "__main__":
    choose_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
