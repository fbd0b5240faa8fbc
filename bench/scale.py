"""`make bench-scale`: what each page, export, admin list and import costs at 1, 10 and 100 times the content.

One PostgreSQL database per scale (`<BENCH_SCALE_DB_PREFIX>_<N>`, created, migrated and filled on the first
run, reused afterwards: the load generator adds only what is missing), Redis from REDIS_URL (default
redis://127.0.0.1:6379/0). Media of each scale under .bench-data/. Production settings. The measuring
itself runs in-process (bench/scale_measure.py); this prints one table per scale and the growth factor
from the smallest to the largest scale for each row, and checks the targets of issue 20.

BENCH_SCALES=1,10 (default 1,10,100) picks the scales; BENCH_POSTGRES the server
(default postgres://postgres@127.0.0.1:5432); BENCH_SCALE_IMPORT=0 leaves out the 5,000-row import.
"""

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".bench-data"
PYTHON = sys.executable
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
PREFIX = os.environ.get("BENCH_SCALE_DB_PREFIX", "starkimamt_bench_scale")
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "1,10,100").split(",") if s.strip()]
SQL_BUDGET = 10
RENDER_LABELS = (
    "Startseite", "Ratgeberseite", "Bundesland", "Lotse-Ergebnis", "Artikel", "Fallbeispiel", "Magazin Seite 1",
    "Aktuelles", "Suche häufiges Wort", "Suche seltenes Wort",
)


def log(message: str) -> None:
    print(f"» {message}", flush=True)


def ensure_database(name: str) -> bool:
    """Create the database if missing; True when it was new."""
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return not exists


def scale_env(scale: int) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="starkimamt.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        REQUIRE_ADMIN_2FA="false",  # the bench's admin user signs in without a second factor
        DATABASE_URL=f"{SERVER}/{PREFIX}_{scale}",
        REDIS_URL=env.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        CACHE_KEY_PREFIX=f"{PREFIX}_{scale}",  # its own keys, whoever else uses that Redis database
        STATIC_ROOT=str(DATA / "static"),
        MEDIA_ROOT=str(DATA / f"scale-{scale}" / "media"),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(scale: int) -> dict:
    env = scale_env(scale)
    new = ensure_database(f"{PREFIX}_{scale}")
    started = time.monotonic()
    manage(env, "migrate", "--noinput", "-v0")
    if not (DATA / "static" / "staticfiles.json").exists():
        manage(env, "collectstatic", "--noinput", "-v0")
    if new or not (DATA / f"scale-{scale}" / "demo-loaded").exists():
        log(f"Skala {scale}: Demo-Inhalte")
        subprocess.run(
            [PYTHON, "manage.py", "load_demo_content"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
        (DATA / f"scale-{scale}").mkdir(parents=True, exist_ok=True)
        (DATA / f"scale-{scale}" / "demo-loaded").touch()
    manage(env, "generate_load_content", "--scale", str(scale), "--bench")
    log(f"Skala {scale}: Datenbank bereit in {time.monotonic() - started:.0f} s")
    return env


def fmt(value, digits=1) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def print_table(scale: int, result: dict) -> None:
    counts = ", ".join(f"{value} {label}" for label, value in result["counts"].items())
    print(f"\nSkala {scale} ({counts})")
    header = ("Zeile", "ms", "p95 ms", "SQL", "nach Änd. ms", "nach Änd. SQL", "Spitze KB", "Bytes", "")
    print("{:<40} {:>9} {:>8} {:>5} {:>12} {:>13} {:>10} {:>9}  {}".format(*header))
    print("-" * 118)
    for label, row in result["rows"].items():
        print(
            f"{label:<40} {fmt(row.get('ms')):>9} {fmt(row.get('p95')):>8} {fmt(row.get('sql')):>5} "
            f"{fmt(row.get('cold_ms')):>12} {fmt(row.get('cold_sql')):>13} {fmt(row.get('peak_kb'), 0):>10} "
            f"{fmt(row.get('bytes')):>9}  {row.get('note', '')}"
        )


def growth(results: dict) -> list[str]:
    low, high = min(results), max(results)
    print(f"\nWachstum von Skala {low} auf {high} (Faktor; 1,0 = wächst nicht)")
    print("{:<40} {:>8} {:>6} {:>10}".format("Zeile", "Zeit", "SQL", "Speicher"))
    print("-" * 68)
    first, last = results[low]["rows"], results[high]["rows"]
    for label, row in last.items():
        # Labels with the last page number differ between scales: match them by their start.
        base = first.get(label) or next((r for k, r in first.items() if k.split(" (")[0] == label.split(" (")[0]), None)
        if not base:
            continue

        def ratio(key, row=row, base=base):
            a, b = base.get(key), row.get(key)
            if a is None or b is None:
                return "–"
            return f"{b / a:.2f}" if a else ("1.00" if not b else "∞")

        print(f"{label:<40} {ratio('ms'):>8} {ratio('sql'):>6} {ratio('peak_kb'):>10}")
    return []


def check(results: dict) -> list[str]:
    problems = []
    high = max(results)
    for scale, result in results.items():
        rows = result["rows"]
        for label, row in rows.items():
            if label in RENDER_LABELS or label.startswith("Magazin"):
                if row["sql"] > SQL_BUDGET:
                    problems.append(f"Skala {scale}, {label}: {row['sql']} SQL (Ziel ≤ {SQL_BUDGET})")
                if row.get("cold_sql", 0) > SQL_BUDGET:
                    cold = row["cold_sql"]
                    problems.append(f"Skala {scale}, {label} nach Änderung: {cold} SQL (Ziel ≤ {SQL_BUDGET})")
            if label.startswith("Admin") and row["ms"] > 1000:
                problems.append(f"Skala {scale}, {label}: {row['ms']:.0f} ms (Ziel < 1 s)")
            if label.startswith("Import") and "falsch" not in label:
                if row["ms"] > 60_000:
                    problems.append(f"Skala {scale}, {label}: {row['ms'] / 1000:.0f} s (Ziel < 60 s)")
                if not row.get("ok"):
                    problems.append(f"Skala {scale}, {label}: {row.get('note')}")
            if "falsch" in label and not row.get("unchanged"):
                problems.append(f"Skala {scale}, {label}: eine falsche Zeile hat etwas geändert")
        if scale == high:
            for label in ("Suche häufiges Wort", "Suche seltenes Wort"):
                if label in rows and rows[label]["p95"] > 100:
                    problems.append(f"Skala {scale}, {label}: p95 {rows[label]['p95']:.0f} ms (Ziel < 100 ms)")
    if len(results) > 1:
        low_rows = results[min(results)]["rows"]
        # Streaming: from the second largest scale on, each export holds one chunk at a time.
        second = sorted(results)[-2]
        for label in ("Sitemap", "Offene Daten JSON", "Offene Daten CSV"):
            a = results[second]["rows"].get(label, {}).get("peak_kb")
            b = results[high]["rows"].get(label, {}).get("peak_kb")
            if a and b and b > 1.5 * a and b > 2048:
                problems.append(f"{label}: Speicher wächst von {a:.0f} auf {b:.0f} KB (Ziel: flach, streamen)")
        for label in RENDER_LABELS:
            a, b = low_rows.get(label, {}).get("sql"), results[high]["rows"].get(label, {}).get("sql")
            if a is not None and b is not None and b > a:
                problems.append(f"{label}: SQL wächst von {a} auf {b}")
    return problems


def main() -> int:
    started = time.monotonic()
    results = {}
    for scale in SCALES:
        env = prepare(scale)
        log(f"Skala {scale}: messen")
        measured = subprocess.run(
            [PYTHON, "-m", "bench.scale_measure"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )
        results[scale] = json.loads(measured.stdout.strip().splitlines()[-1])
        print_table(scale, results[scale])
        sys.stdout.flush()
    if len(results) > 1:
        growth(results)
    problems = check(results)
    print(f"\nDauer: {time.monotonic() - started:.0f} s")
    if problems:
        print("Ziele verfehlt:")
        for problem in problems:
            print(f"  ✗ {problem}")
        return 1
    print("Alle Ziele erreicht.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
