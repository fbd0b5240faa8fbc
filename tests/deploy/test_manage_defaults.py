"""manage.py without DJANGO_SETTINGS_MODULE: production or a clear stop, never DEBUG with a fixed key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = "from django.conf import settings as s; print(s.SETTINGS_MODULE, s.DEBUG, s.EMAIL_BACKEND)"


def manage(*args, **env_vars):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env.pop("DATABASE_URL", None)
    env.update(env_vars)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_a_cron_line_without_the_environment_stops_instead_of_running_as_development():
    result = manage("run_locked", "publish_scheduled")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "Produktionseinstellungen" in result.stderr
    assert "Traceback" not in result.stderr


def test_with_the_production_environment_commands_run_with_production_settings(tmp_path):
    result = manage(
        "shell", "-c", SHOW,
        SECRET_KEY="manage-default-test-" + "m" * 40,
        ALLOWED_HOSTS="stark-im-amt.example",
        SITE_URL="https://stark-im-amt.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    module, debug, _backend = result.stdout.split()[-3:]
    assert (module, debug) == ("starkimamt.settings.production", "False")


def test_development_is_chosen_explicitly_and_the_makefile_does_so():
    result = manage("shell", "-c", SHOW, DJANGO_SETTINGS_MODULE="starkimamt.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:-1] == ["starkimamt.settings.dev", "True"]
    # `make run` (the README's first command) says so for every manage.py step it takes.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    planned = subprocess.run(["make", "-n", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    steps = [line for line in planned.stdout.splitlines() if "manage.py" in line]
    assert len(steps) >= 4, planned.stdout + planned.stderr  # migrate, demo content, admin, runserver
    assert all(line.startswith("DJANGO_SETTINGS_MODULE=starkimamt.settings.dev ") for line in steps), steps
