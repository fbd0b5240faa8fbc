"""PostgreSQL only: pg_trgm and trigram indexes on the search index's plain texts, for typo-tolerant search.

On SQLite (and any other database) this migration does nothing; the search then falls back to comparing
words in Python (portal/search.py). Creating an extension needs the right to do so; a database user
without it gets a clear message, and the search keeps working without typo tolerance from PostgreSQL.
"""

from django.db import migrations

INDEXES = [
    ("portal_search_title_trgm", "title_text"),
    ("portal_search_body_trgm", "body_text"),
]


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SAVEPOINT portal_trgm")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # no right to create extensions: the search works without it
            cursor.execute("ROLLBACK TO SAVEPOINT portal_trgm")
            print("\n  pg_trgm fehlt: die Suche arbeitet ohne die Tippfehler-Toleranz der Datenbank.")
            return
        cursor.execute("RELEASE SAVEPOINT portal_trgm")
        for name, column in INDEXES:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON wagtailsearch_indexentry USING gin ({column} gin_trgm_ops)"
            )


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name, _column in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_search_synonyms_and_misses"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
