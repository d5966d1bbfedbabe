"""Text as the site writes it: dates as the seed report does, contained bidi controls, XML-safe characters."""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_ISOLATES = {"\u2066", "\u2067", "\u2068"}
_POP_FORMATTING, _POP_ISOLATE = "\u202c", "\u2069"
# XML 1.0 forbids these; lxml refuses them outright.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def day(moment: date | datetime, tz: ZoneInfo) -> str:
    """Return a day as the seed report writes it (30/9/2019), in the site's time zone."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(tz).date()
    return f"{moment.day}/{moment.month}/{moment.year}"


def contain_bidi(text: str) -> str:
    """Close every embedding, override or isolate the text opens, so it cannot reorder what follows it."""
    embeddings = isolates = 0
    for char in text:
        if char in _OPENERS:
            embeddings += 1
        elif char == _POP_FORMATTING and embeddings:
            embeddings -= 1
        elif char in _ISOLATES:
            isolates += 1
        elif char == _POP_ISOLATE and isolates:
            isolates -= 1
    return text + _POP_FORMATTING * embeddings + _POP_ISOLATE * isolates


def xml_text(text: str) -> str:
    """Return text an XML document can carry: forbidden characters dropped, bidi controls contained."""
    return contain_bidi(_NOT_XML.sub("", text))


def web_link(raw: str | None) -> str | None:
    """Return the address when it is a plain http(s) link (evidence typed by officers), else None."""
    if not raw:
        return None
    value = raw.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        return None
    return value
