"""Lighthouse (mobile preset) for the pages issue 7 names, against the benchmark's running gunicorn.

Lighthouse comes from the npm registry, pinned, installed into .bench-tools/ on first use; it drives
Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium), because downloading a browser does not
work everywhere. Prints the four category scores per page and each audit that fell short.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".bench-tools"
LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = {
    "performance": "Leistung",
    "accessibility": "Barrierefreiheit",
    "best-practices": "Praxis",
    "seo": "SEO",
}


def ensure_lighthouse() -> tuple[Path | None, str]:
    """The lighthouse command, or None and why not."""
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary, ""
    if not shutil.which("npm"):
        return None, "npm fehlt (Node.js installieren)"
    TOOLS.mkdir(exist_ok=True)
    done = subprocess.run(
        ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "--silent", LIGHTHOUSE],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not binary.exists():
        return None, f"npm install {LIGHTHOUSE} fehlgeschlagen: {done.stderr.strip()[-200:]}"
    return binary, ""


def audit(binary: Path, chromium: str, url: str) -> dict:
    done = subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": chromium},
        timeout=180,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-300:])
    report = json.loads(done.stdout)
    scores = {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}
    short = sorted(
        audit_id
        for audit_id, result in report["audits"].items()
        if result.get("score") is not None
        and result["score"] < 1
        and result.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        and not audit_id.endswith("-insight")
    )
    seo_audits = {ref["id"] for ref in report["categories"]["seo"]["auditRefs"]}
    return {"scores": scores, "short": short, "seo_short": sorted(set(short) & seo_audits)}


# Pages that keep themselves out of search engines on purpose: a Lotse plan's URL holds the official's
# answers (situation, Land), so it says noindex. Lighthouse's SEO score then lacks only "is-crawlable".
NOINDEX_ON_PURPOSE = {"Lotse-Ergebnis"}


def _seo_short_only_by_noindex(label: str, result: dict) -> bool:
    return label in NOINDEX_ON_PURPOSE and result["seo_short"] == ["is-crawlable"]


def run(base: str, pages: dict[str, str]) -> tuple[list[str], list[str]]:
    """Lines of the Lighthouse table and the targets it misses."""
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return [], [f"Lighthouse nicht gemessen: kein Chromium unter {chromium}"]
    binary, why_not = ensure_lighthouse()
    if binary is None:
        return [], [f"Lighthouse nicht gemessen: {why_not}"]
    lines = ["{:<28} {:>9} {:>16} {:>6} {:>4}  {}".format("Lighthouse (mobil)", *CATEGORIES.values(), "Hinweise")]
    problems = []
    for label, path in pages.items():
        try:
            result = audit(binary, chromium, base + path)
        except (RuntimeError, subprocess.TimeoutExpired, ValueError) as error:
            problems.append(f"Lighthouse {label}: {error}")
            continue
        s = [result["scores"][key] for key in CATEGORIES]
        notes = ", ".join(result["short"])
        lines.append(f"{label:<28} {s[0]:>9} {s[1]:>16} {s[2]:>6} {s[3]:>4}  {notes}")
        if _seo_short_only_by_noindex(label, result):
            lines.append(f"{'':<28} SEO {result['scores']['seo']}: nur is-crawlable, noindex gewollt")
        for key, name in CATEGORIES.items():
            if key == "seo" and _seo_short_only_by_noindex(label, result):
                continue
            if result["scores"][key] < 100:
                problems.append(f"Lighthouse {label}: {name} {result['scores'][key]} < 100")
    return lines, problems
