"""Text as the site writes it: dates as the seed report does, contained bidi controls, XML-safe characters."""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_ISOLATES = {"\u2066", "\u2067", "\u2068"}
_POP_FORMATTING, _POP_ISOLATE = "\u202c", "\u2069"
# XML 1.0 forbids these; lxml refuses them outright.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
# A run of digits with the separators a phone number or a date is typed with: kept in its own order.
_NUMBER = re.compile(r"\d[\d\-/.\u00a0 ]*\d|\d")


def day(moment: date | datetime, tz: ZoneInfo, lang: str = "ar") -> str:
    """Return a day in the site's time zone: 30/9/2019 as the seed report writes it, in English 30 Sep 2019."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(tz).date()
    if lang != "ar":
        return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    return f"{moment.day}/{moment.month}/{moment.year}"


def iso(moment: date | datetime, tz: ZoneInfo) -> str:
    """Return a <time datetime> value: the day, or the instant with the site's offset."""
    if isinstance(moment, datetime):
        return moment.astimezone(tz).isoformat(timespec="seconds")
    return moment.isoformat()


def when(moment: date | datetime, tz: ZoneInfo, lang: str = "ar") -> Markup:
    """Return a day as a <time> element: what day() writes, with the machine-readable value iso() gives."""
    return Markup('<time datetime="{}">{}</time>').format(iso(moment, tz), day(moment, tz, lang))


def script_of(text: str) -> str:
    """Return the language code of a text's script: ar when Arabic letters outnumber Latin ones, else en."""
    return "ar" if len(_ARABIC.findall(text)) >= len(_LATIN.findall(text)) else "en"


def part(text: str) -> Markup:
    """Return a piece of text isolated with the lang and dir of its script (a name typed in either language)."""
    lang = script_of(text)
    return Markup('<bdi lang="{}" dir="{}">{}</bdi>').format(lang, "rtl" if lang == "ar" else "ltr", text)


def said(text: str) -> Markup:
    """Return a person's words, escaped, each run of digits isolated so (0800-22-555) keeps its order."""
    out, last = [], 0
    for match in _NUMBER.finditer(text):
        out += [str(escape(text[last : match.start()])), f'<bdi dir="ltr">{escape(match.group())}</bdi>']
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))  # noqa: S704 - every piece escaped above


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
