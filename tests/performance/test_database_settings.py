"""How the portal talks to PostgreSQL: statements a page runs again and again are prepared by the server."""

import pytest
from django.db import connection

from starkimamt.settings.base import database_from_env


def test_postgresql_prepares_statements_unless_a_pooler_forbids_it(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://portal@db.internal:5432/starkimamt")
    monkeypatch.delenv("DB_PREPARED_STATEMENTS", raising=False)
    options = database_from_env()["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 5
    monkeypatch.setenv("DB_PREPARED_STATEMENTS", "false")  # behind PgBouncer in transaction mode
    options = database_from_env()["OPTIONS"]
    assert "server_side_binding" not in options and "prepare_threshold" not in options


def test_sqlite_has_no_postgresql_options(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/portal.sqlite3")
    options = database_from_env()["OPTIONS"]
    assert "server_side_binding" not in options and "prepare_threshold" not in options


@pytest.mark.postgres
@pytest.mark.django_db
def test_repeated_statements_are_prepared_on_the_server(client, home_page):
    """The whole PostgreSQL pass of the suite runs with server-side binding; here: psycopg prepares a page's
    statements once they repeat, so PostgreSQL stops parsing and planning them on every request."""
    assert connection.features.uses_server_side_binding
    for _ in range(6):
        assert client.get("/", HTTP_COOKIE="sitzung=1").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone()[0] > 0
