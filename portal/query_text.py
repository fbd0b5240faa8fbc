"""A visitor's search input as plain words: shared by the search and the synonyms editors keep."""

import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10


def clean_query(raw: str) -> str:
    """A visitor's input as plain words: normalised, without control characters or search syntax, short."""
    text = unicodedata.normalize("NFKC", raw[: MAX_QUERY_LENGTH * 4])
    # Keep letters and digits of any script; everything else (quotes, operators, NUL, emoji) separates words.
    text = "".join(ch if (ch.isalnum() or ch.isspace()) else " " for ch in text)
    words = text.split()[:MAX_TERMS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()
