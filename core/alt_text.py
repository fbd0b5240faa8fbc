"""Alternative text for images: what counts as one, and what is only a file name.

An editor's "teaser" or "IMG_2041.jpg" reads to a screen reader as exactly that; the upload form and every
place that shows an image as content refuse such text with an explanation.
"""

import re

ALT_TEXT_HELP = (
    "Was auf dem Bild zu sehen ist, in einem kurzen Satz – für Menschen, die das Bild nicht sehen und es "
    "sich vorlesen lassen. Zum Beispiel „Bürgermeisterin am Rednerpult im Ratssaal“. Nicht der Dateiname, "
    "nicht „Bild“ oder „Foto“."
)
FILE_NAME_MESSAGE = (
    "Das sieht aus wie ein Dateiname, nicht wie eine Beschreibung. Bitte schreiben Sie in Worten, was auf "
    "dem Bild zu sehen ist."
)

_EXTENSION = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg|heic|heif|tiff?|bmp)$", re.IGNORECASE)
_CAMERA_NAME = re.compile(r"^(img|dsc|dscn|dcim|pxl|mvimg|screenshot|bildschirmfoto|scan|image)[\s_-]*\d", re.I)
_PLACEHOLDER = {"bild", "foto", "image", "photo", "grafik", "teaser", "vorschaubild", "platzhalter", "alt"}


def looks_like_file_name(text: str) -> bool:
    """True for "IMG_2041.jpg", "teaser", "rathaus-koeln_2", "Bild"; False for "Rathaus Köln" or a sentence."""
    value = (text or "").strip()
    if not value:
        return False
    if _EXTENSION.search(value) or _CAMERA_NAME.match(value) or value.casefold() in _PLACEHOLDER:
        return True
    # One token with the marks of a file name: underscores, hyphens between lower-case parts, digits.
    if " " not in value and re.fullmatch(r"[\w.-]+", value):
        return "_" in value or any(ch.isdigit() for ch in value) or ("-" in value and value == value.lower())
    return False


def usable_alt_text(text: str) -> str:
    """The text if it describes something, else "" (a file name read aloud helps nobody)."""
    value = (text or "").strip()
    return "" if looks_like_file_name(value) else value
