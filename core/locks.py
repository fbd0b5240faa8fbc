"""One run at a time for jobs that timers start (publish_scheduled, the weekly review report).

On PostgreSQL a session advisory lock: it holds across hosts and containers and is released by the
server when the process dies, so a crashed run never blocks the next. On SQLite (one host) a lock file.
"""

import fcntl
import hashlib
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.db import connection


def _lock_key(name: str) -> int:
    # A stable signed 64-bit key per job name (PostgreSQL's advisory locks take a bigint).
    return int.from_bytes(hashlib.sha256(f"starkimamt:{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def exclusive(name: str):
    """Yields True when this process holds the lock for `name`, False when another run holds it."""
    if connection.vendor == "postgresql":
        key = _lock_key(name)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            acquired = cursor.fetchone()[0]
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    path = Path(tempfile.gettempdir()) / f"starkimamt-{name}.lock"
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
