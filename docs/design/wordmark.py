"""Draws static/img/wordmark.svg: the emblem and "Stark im Amt" as outlines from Fira Sans, so the wordmark
looks the same before the web font has loaded and in any browser. Run from the repository root after a
change: .venv/bin/python docs/design/wordmark.py"""

from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

FONTS = Path("static/fonts")
NAVY = "#0d2c5c"  # the portal's navy (KERN darkblue-900 in sRGB)
BLUE = "#2f5fb3"  # lighter blue for "im"
SIZE = 44  # font size in SVG units
BASELINE = 44


def outline(font_file: str, text: str, x: float) -> tuple[str, float]:
    font = TTFont(FONTS / font_file)
    scale = SIZE / font["head"].unitsPerEm
    cmap, glyphs, hmtx = font.getBestCmap(), font.getGlyphSet(), font["hmtx"]
    pen = SVGPathPen(glyphs)
    for char in text:
        name = cmap[ord(char)]
        # Font units point up, SVG units down: flip and move to the baseline.
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, BASELINE)))
        x += hmtx[name][0] * scale
    return pen.getCommands(), x


def main():
    emblem_width = 52
    stark, x = outline("FiraSans-SemiBold-de.woff2", "Stark", emblem_width + 14)
    im, x = outline("FiraSans-Regular-de.woff2", " im ", x)
    amt, x = outline("FiraSans-SemiBold-de.woff2", "Amt", x)
    width = round(x + 2)
    # The emblem: a column (the office) inside a shield (protected): the portal's idea in one sign.
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 56" width="{width}" height="56">
<path d="M26 1 47 8v18c0 14-9 24-21 29C14 50 5 40 5 26V8z" fill="{NAVY}"/>
<path d="M15 13h22v5h-5v17h5v5H15v-5h5V18h-5z" fill="#fff"/>
<path d="{stark}" fill="{NAVY}"/><path d="{im}" fill="{BLUE}"/><path d="{amt}" fill="{NAVY}"/>
</svg>
"""
    Path("static/img/wordmark.svg").write_text(svg)
    print(f"static/img/wordmark.svg: {width}×56, {len(svg)} Bytes")


if __name__ == "__main__":
    main()
