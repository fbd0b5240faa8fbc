"""`make loadtest`: gunicorn with production settings on PostgreSQL, 50 simulated visitors for 60 seconds.

Steps: create and migrate the database `sia_security_load`, load the demo content, collect static files,
start gunicorn on 127.0.0.1, let N threads browse the sitemap plus home, guidance, Lotse, finder, magazine
and search, then print requests, failures, p50/p95 and gunicorn worker timeouts. Exit code 1 on any
failure or timeout. Only the standard library and psycopg (already a dependency) are used.

    python tests/load/run.py [--users 50] [--duration 60] [--port 8765] [--no-setup]
"""

import argparse
import http.client
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/sia_security_load"
# The central journeys; those the tree does not have yet are dropped after the first request.
JOURNEYS = [
    "/",
    "/rat-und-tat/",
    "/hilfe-finden/",
    "/hilfe-finden/?situation=beleidigung&land=bayern",
    "/hilfe-in-ihrem-bundesland/",
    "/hilfe-in-ihrem-bundesland/bayern/",
    "/magazin/",
    "/aktuelles/",
    "/suche/?q=Bedrohung",
    "/suche/?q=Hilfe&page=2",
]
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def server_env(database_url: str, static_root: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="starkimamt.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        STATIC_ROOT=static_root,
        LOG_LEVEL="WARNING",
    )
    return env


def ensure_database(database_url: str) -> None:
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def get(port: int, path: str, timeout: float = 30.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", "User-Agent": "starkimamt-loadtest"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_until_up(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get(port, "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn antwortet nicht auf /healthz")


def collect_paths(port: int) -> list[str]:
    status, body = get(port, "/sitemap.xml")
    assert status == 200, f"sitemap.xml: {status}"
    paths = [urlsplit(loc.text).path for loc in ElementTree.fromstring(body).iter(f"{SITEMAP_NS}loc")]
    for path in JOURNEYS:
        status, _ = get(port, path)
        if status == 200:
            paths.append(path)
        else:
            print(f"  nicht im Test (Status {status}): {path}")
    return paths


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.failures: dict[str, int] = {}

    def record(self, path: str, seconds: float, error: str | None):
        with self.lock:
            self.latencies.append(seconds)
            if error:
                key = f"{error} {path}"
                self.failures[key] = self.failures.get(key, 0) + 1


def visitor(port: int, paths: list[str], until: float, stats: Stats, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - choosing pages, not secrets
    while time.monotonic() < until:
        path = rng.choice(paths)
        started = time.monotonic()
        try:
            status, _ = get(port, path)
            error = None if status == 200 else f"HTTP {status}"
        except (OSError, http.client.HTTPException) as exc:
            error = type(exc).__name__
        stats.record(path, time.monotonic() - started, error)
        time.sleep(rng.uniform(0.05, 0.3))  # a person reads a little before the next click


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(fraction * 100) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-setup", action="store_true", help="database and static files are ready")
    args = parser.parse_args()

    database_url = os.environ.get("LOADTEST_DATABASE_URL", DEFAULT_DB)
    static_root = os.environ.get("LOADTEST_STATIC_ROOT", str(Path(tempfile.gettempdir()) / "starkimamt-load-static"))
    env = server_env(database_url, static_root)
    if not args.no_setup:
        print(f"Datenbank {urlsplit(database_url).path.lstrip('/')}: anlegen, migrieren, Demo-Inhalte laden …")
        ensure_database(database_url)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--noinput")

    log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen(
        [
            PYTHON, "-m", "gunicorn", "starkimamt.wsgi:application",
            "--bind", f"127.0.0.1:{args.port}",
            "--workers", str(args.workers), "--worker-class", "gthread", "--threads", "8",
            "--timeout", "30", "--graceful-timeout", "10",
        ],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_until_up(args.port)
        paths = collect_paths(args.port)
        print(f"{args.users} Nutzer, {args.duration} s, {len(set(paths))} URLs …")
        stats = Stats()
        until = time.monotonic() + args.duration
        threads = [
            threading.Thread(target=visitor, args=(args.port, paths, until, stats, n), daemon=True)
            for n in range(args.users)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    server_log = Path(log.name).read_text(errors="replace")
    timeouts = server_log.count("WORKER TIMEOUT")
    failures = sum(stats.failures.values())
    latencies = sorted(stats.latencies)
    print(f"Anfragen:        {len(latencies)}")
    print(f"Fehler:          {failures}")
    print(f"Worker-Timeouts: {timeouts}")
    print(f"p50:             {percentile(latencies, 0.50) * 1000:.0f} ms")
    print(f"p95:             {percentile(latencies, 0.95) * 1000:.0f} ms")
    print(f"Durchsatz:       {len(latencies) / max(args.duration, 1):.1f} Anfragen/s")
    for key, count in sorted(stats.failures.items(), key=lambda item: -item[1])[:20]:
        print(f"  {count:5d} × {key}")
    if timeouts or "Traceback" in server_log:
        print(f"gunicorn-Log: {log.name}")
    ok = failures == 0 and timeouts == 0 and latencies
    print("Lasttest bestanden." if ok else "Lasttest NICHT bestanden.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
