"""`make bench`: gunicorn with production settings under wrk, uncached and cached, next to a static file.

Uses DATABASE_URL (PostgreSQL) when set, else a fresh SQLite file in a temporary directory; REDIS_URL
when set, else each worker's local-memory cache. Migrates, collects static files, loads the demo content
(which also makes the image renditions), starts gunicorn with 2 sync workers on loopback, warms up, then
runs `wrk -t2 -c4` against each page twice: with a cookie (which bypasses the page cache, so the page is
rendered) and without (served from the cache); then Lighthouse (mobile) on the home page, a guidance
page, the contact finder, an article, a Lotse plan and a Land page (bench/lighthouse.py;
BENCH_LIGHTHOUSE=0 leaves it out). Prints
the tables and checks the targets of issue 7. BENCH_DURATION (seconds per run, default 8) keeps the
whole run under five minutes.
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import lighthouse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DURATION = int(os.environ.get("BENCH_DURATION", "8"))
WORKERS = 2
BAKERYDEMO = {"Startseite": 39, "Artikel": 79, "Suche": 37}  # best uncached req/s measured for bakerydemo
SQL_BUDGET = 10
UNCACHED_COOKIE = "Cookie: bench=ungecacht"  # any cookie bypasses the page cache


def log(message: str) -> None:
    print(f"» {message}", flush=True)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    log("wrk fehlt: installiere das Debian-Paket")
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True)
    quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", "wrk"], check=True, env=quiet)
    return shutil.which("wrk") or "/usr/bin/wrk"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env(tmp: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="starkimamt.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",  # plain http on loopback
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        PAGE_CACHE="true",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    if not env.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def get(url: str, cookie: bool = False) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": "bench=ungecacht"} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def wait_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn ist nicht gestartet.")
        try:
            if get(base + "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    sys.exit("gunicorn antwortet nicht.")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(wrk: str, url: str, cookie: bool) -> dict:
    command = [wrk, "-t2", "-c4", f"-d{DURATION}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", UNCACHED_COOKIE]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def main() -> int:
    started = time.monotonic()
    wrk = ensure_wrk()
    with tempfile.TemporaryDirectory(prefix="starkimamt-bench-") as tmpdir:
        tmp = Path(tmpdir)
        env = bench_env(tmp)
        database = env["DATABASE_URL"].split("@")[-1]
        log(f"Datenbank: {database}; Cache: {'Redis' if env.get('REDIS_URL') else 'lokaler Speicher je Worker'}")
        log("migrate, collectstatic, Demo-Inhalte (mit Bildvarianten)")
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "load_demo_content")

        measured = json.loads(
            subprocess.run(
                [PYTHON, "-m", "bench.measure"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            ).stdout.strip().splitlines()[-1]
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log(f"gunicorn mit {WORKERS} sync-Workern auf {base}")
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "starkimamt.wsgi", "-w", str(WORKERS), "-k", "sync", "-b", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        try:
            wait_until_up(base, server)
            rows = []
            pages = measured["targets"]
            log("Aufwärmen")
            for path in [*pages.values(), measured["static"]]:
                for _ in range(10):
                    get(base + path)
                    get(base + path, cookie=True)
            static_result = run_wrk(wrk, base + measured["static"], cookie=False)
            static_bytes = len(get(base + measured["static"])[1])
            rows.append(("Statische Datei (main.css)", "statisch", static_result, 0, static_bytes))
            for label, path in pages.items():
                size = len(get(base + path)[1])
                uncached_sql, cached_sql = measured["sql"][label]
                log(f"{label}: {path}")
                rows.append((label, "ungecacht", run_wrk(wrk, base + path, cookie=True), uncached_sql, size))
                rows.append((label, "gecacht", run_wrk(wrk, base + path, cookie=False), cached_sql, size))
            if os.environ.get("BENCH_LIGHTHOUSE", "1") != "0":
                log("Lighthouse (mobil): " + ", ".join(measured["lighthouse"]))
                lighthouse_lines, lighthouse_problems = lighthouse.run(base, measured["lighthouse"])
            else:
                lighthouse_lines, lighthouse_problems = [], ["Lighthouse abgeschaltet (BENCH_LIGHTHOUSE=0)"]
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)

    static_rps = static_result["rps"]
    print()
    header = ("Seite", "Modus", "req/s", "p50 ms", "p99 ms", "SQL", "Bytes", "× Static")
    print("{:<28} {:<10} {:>9} {:>8} {:>8} {:>4} {:>8} {:>9}".format(*header))
    print("-" * 92)
    for label, mode, result, sql, size in rows:
        p50 = f"{result['p50']:.2f}" if result["p50"] is not None else "–"
        p99 = f"{result['p99']:.2f}" if result["p99"] is not None else "–"
        ratio = result["rps"] / static_rps if static_rps else 0
        print(f"{label:<28} {mode:<10} {result['rps']:>9.0f} {p50:>8} {p99:>8} {sql:>4} {size:>8} {ratio:>9.2f}")
    print()
    # Information, not a target: "ungecacht" above is the steady state, in which each worker has the data it
    # keeps per content generation; after a change, its first render of a page builds that data again.
    print("Erste Darstellung nach einer Inhaltsänderung (Daten je Inhaltsstand neu aufgebaut; im Prozess,")
    print(f"eine Anfrage nach der anderen, Median aus {measured['cold_rounds']} Änderungen):")
    for label, (sql, millis) in measured["cold"].items():
        print(f"  {label:<26} {millis:>7.1f} ms  {sql:>3} SQL")
    print()
    for line in lighthouse_lines:
        print(line)
    if lighthouse_lines:
        print()

    problems = list(lighthouse_problems)
    for label, mode, result, sql, _size in rows:
        if result["errors"] or result["socket_errors"]:
            problems.append(f"{label} ({mode}): Fehlerantworten {result['errors']} {result['socket_errors']}")
        if mode == "ungecacht" and sql > SQL_BUDGET:
            problems.append(f"{label}: {sql} SQL-Abfragen (Ziel ≤ {SQL_BUDGET})")
        if mode == "gecacht" and result["rps"] < static_rps / 2:
            half = static_rps / 2
            problems.append(f"{label} gecacht: {result['rps']:.0f} req/s < halbe statische Datei ({half:.0f})")
        if mode == "ungecacht" and label in BAKERYDEMO and result["rps"] < 3 * BAKERYDEMO[label]:
            problems.append(f"{label} ungecacht: {result['rps']:.0f} req/s < 3 × bakerydemo ({3 * BAKERYDEMO[label]})")
    expected = ("Ratgeberseite", "Lotse-Ergebnis", "Bundesland", "Artikel", "Suche")
    missing = [label for label in expected if label not in pages]
    if missing:
        problems.append(f"Nicht gemessen (keine solche Seite in den Demo-Inhalten): {', '.join(missing)}")
    elapsed = time.monotonic() - started
    print(f"Dauer: {elapsed:.0f} s; je Messung {DURATION} s, wrk -t2 -c4, {WORKERS} gunicorn-Worker.")
    if problems:
        print("Ziele verfehlt:")
        for problem in problems:
            print(f"  ✗ {problem}")
        return 1
    print(
        "Alle Ziele erreicht: ≤ 10 SQL-Abfragen ungecacht, gecacht ≥ halbe Static-Rate, ≥ 3 × bakerydemo, "
        "Lighthouse 100 in allen vier Kategorien."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
