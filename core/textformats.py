"""Text for the files the portal hands out: content lines of iCalendar (RFC 5545) and vCard (RFC 2426/6350)
files, which escape and fold the same way, and CSV cells that a spreadsheet must not run as a formula."""

import re

CRLF = "\r\n"
LINE_OCTETS = 75

# Everything below U+0020 except the newline, and DEL: none of it belongs in a value. A lone "\r" in
# particular would start a new property in many readers (issue 17).
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def clean(value: str) -> str:
    """Every kind of line break (\\r\\n, \\r, \\n, \\v, U+2028 …) becomes one \\n; other control characters
    go; surrounding white space too."""
    return _CONTROL.sub("", "\n".join(str(value or "").splitlines())).strip()


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and every kind of line break escaped."""
    return clean(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def uri(value: str) -> str:
    """URLs and e-mail addresses are not TEXT: no escaping, but no line break or control character either."""
    return clean(value).replace("\n", "")


def _units(line: str):
    """Characters, with an escape sequence ("\\n", "\\,") kept as one unit so no fold separates it."""
    index = 0
    while index < len(line):
        if line[index] == "\\" and index + 1 < len(line):
            yield line[index : index + 2]
            index += 2
        else:
            yield line[index]
            index += 1


def fold(line: str, limit: int = LINE_OCTETS) -> str:
    """Lines longer than 75 octets continue after CRLF and a space; a multi-byte UTF-8 character or an escape
    sequence is never split."""
    pieces, current, size = [], "", 0
    for unit in _units(line):
        octets = len(unit.encode("utf-8"))
        room = limit if not pieces else limit - 1  # a continuation line starts with a space
        if size + octets > room:
            pieces.append(current)
            current, size = unit, octets
        else:
            current += unit
            size += octets
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def content_lines(lines) -> str:
    """Folded lines, each ended by CRLF, as both formats require."""
    return "".join(fold(line) + CRLF for line in lines)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). A phone number such
# as "+49 30 1234-5" or "-" alone is data, not a formula, and stays as it is.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?[\d\s/().-]*$")


def spreadsheet_safe(value) -> str:
    """A CSV cell that opens as text: a leading apostrophe before anything a spreadsheet would calculate."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def from_spreadsheet_safe(text: str) -> str:
    """The cell as it was before `spreadsheet_safe`, so our own CSV goes back in unchanged."""
    if text.startswith("'") and text[1:].startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text[1:]):
        return text[1:]
    return text
