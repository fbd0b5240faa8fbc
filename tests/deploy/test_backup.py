"""deploy/backup.sh: a dump of the demo content restores into a fresh database with the same pages and contacts."""

import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from contacts.models import Contact

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "backup.sh"


def database_url(name):
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def psql(url, sql):
    return subprocess.run(["psql", url, "-XAtqc", sql], capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_dump_and_restore_into_a_fresh_database_keeps_pages_and_contacts(tmp_path):
    call_command("load_demo_content", verbosity=0)
    from wagtail.models import Page

    pages, contacts = Page.objects.count(), Contact.objects.count()
    assert pages > 50 and contacts > 10  # the demo content, committed where pg_dump can see it
    source = database_url(connection.settings_dict["NAME"])
    target_name = connection.settings_dict["NAME"] + "_restored"
    target = database_url(target_name)
    server = database_url("postgres")
    psql(server, f"DROP DATABASE IF EXISTS {target_name}")
    dump = tmp_path / "starkimamt.dump"
    try:
        subprocess.run([SCRIPT, "dump", source, dump], check=True, capture_output=True, text=True)
        restored = subprocess.run([SCRIPT, "restore", dump, target], check=True, capture_output=True, text=True)
        assert f"seiten={pages}" in restored.stdout
        assert int(psql(target, "SELECT count(*) FROM wagtailcore_page")) == pages
        assert int(psql(target, "SELECT count(*) FROM contacts_contact")) == contacts
        # Restoring over an existing database is refused: a restore never mixes with live data.
        again = subprocess.run([SCRIPT, "restore", dump, target], capture_output=True, text=True)
        assert again.returncode != 0 and "gibt es schon" in again.stderr
        # The combined check (dump, restore into a scratch database, compare, drop) passes too.
        check = subprocess.run([SCRIPT, "check", source], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        assert f"kontakte={contacts}" in check.stdout
    finally:
        psql(server, f"DROP DATABASE IF EXISTS {target_name}")
