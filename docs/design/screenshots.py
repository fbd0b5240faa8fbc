"""Screenshots of every page type at 390×844 and 1366×900 for docs/design/ (before/after).

Usage: python docs/design/screenshots.py BASE_URL OUTDIR   (e.g. http://127.0.0.1:8016 docs/design/before)
The PNGs are quantised to 64 colours with Pillow so the folder stays small.
"""

import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

PAGES = {
    "home": "/",
    "guidance-index": "/rat-und-tat/",
    "guidance": "/rat-und-tat/beweise-sichern/",
    "case": "/rat-und-tat/fallbeispiele/drohanruf-im-rathaus/",
    "lotse": "/hilfe-finden/",
    "plan": "/hilfe-finden/?situation=bedrohung&channel=online&acute=nein&land=sachsen",
    "land": "/hilfe-in-ihrem-bundesland/bayern/",
    "article": "/magazin/deutscher-staedtetag/interview-beweise-und-anzeige/",
    "listing": "/magazin/",
    "figures": "/zahlen-und-fakten/",
    "form": "/feedback/",
    "search": "/suche/?q=Anzeige",
    "about": "/ueber-uns/",
    "partner": "/ueber-uns/deutscher-staedtetag/",
    "404": "/gibt-es-nicht/",
}
SIZES = {"phone": (390, 844), "laptop": (1366, 900)}
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]


def main(base: str, out: Path, only: list[str]):
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for size_name, (w, h) in SIZES.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            for name, path in PAGES.items():
                if only and name not in only:
                    continue
                page.goto(base + path, wait_until="load")
                target = out / f"{name}-{size_name}.png"
                # The first screen plus one more: what a person sees without much scrolling.
                page.screenshot(path=target, clip={"x": 0, "y": 0, "width": w, "height": h * 2}, full_page=True)
                image = Image.open(target).convert("RGB").quantize(colors=64)
                image.save(target, optimize=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]), sys.argv[3:])
