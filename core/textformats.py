"""Content lines of iCalendar (RFC 5545) and vCard (RFC 6350) files: both escape and fold the same way."""


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and every kind of line break escaped.

    A lone carriage return is a line break too: left raw, it could start a new property in some readers.
    """
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character."""
    if len(line.encode("utf-8")) <= 75:
        return line
    parts, current, size, limit = [], "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def content_lines(lines) -> str:
    """Folded lines, each ended by CRLF, as both formats require."""
    return "".join(fold(line) + "\r\n" for line in lines)
