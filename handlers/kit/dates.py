"""Reading dates people type: 30/9/2019 (as the seed report writes them) or 2019-09-30, in any digits."""

from __future__ import annotations

import calendar
import re
from datetime import date, time

from handlers.kit.text import clean_line, western_digits

# Bounded digit counts: a 100,000-digit "day" must be refused, not handed to int().
_DMY = r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})"
_YMD = r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})"
_TIME = r"(?:[\sT]+(\d{1,2}):(\d{2}))?"
_ONE = re.compile(rf"^(?:{_DMY}|{_YMD}){_TIME}$")
_ANY = re.compile(rf"(?<!\d)(?:{_DMY}|{_YMD})(?!\d)")


def _to_date(groups: tuple[str | None, ...]) -> date | None:
    d1, m1, y1, y2, m2, d2 = groups[:6]
    year, month, day = (y1, m1, d1) if y1 is not None else (y2, m2, d2)
    try:
        return date(int(year or 0), int(month or 0), int(day or 0))
    except ValueError:
        return None


def missing_day(raw: str) -> tuple[int, int, int] | None:
    """Return (day, month, year) when a date is written in the right form but that day does not exist (31/2/2026)."""
    match = _ONE.match(western_digits(clean_line(raw)))
    if match is None or _to_date(match.groups()) is not None:
        return None
    d1, m1, y1, y2, m2, d2 = match.groups()[:6]
    day, month, year = (int(d1), int(m1), int(y1)) if y1 is not None else (int(d2 or 0), int(m2 or 0), int(y2 or 0))
    return (day, month, year) if 1 <= month <= 12 and year >= 1 and day >= 1 else None


def days_in_month(month: int, year: int) -> int:
    """Return how many days a month has in a year."""
    return calendar.monthrange(year, month)[1]


def parse_date_time(raw: str) -> tuple[date, time | None] | None:
    """Read one date, optionally followed by hh:mm; None when it is not a real date (or time)."""
    match = _ONE.match(western_digits(clean_line(raw)))
    if match is None:
        return None
    day = _to_date(match.groups())
    hour, minute = match.group(7), match.group(8)
    if day is None:
        return None
    if hour is None:
        return day, None
    try:
        return day, time(int(hour), int(minute))
    except ValueError:
        return None


def parse_date(raw: str) -> date | None:
    """Read one date without a time; None when it is not one."""
    parsed = parse_date_time(raw)
    return parsed[0] if parsed is not None and parsed[1] is None else None


def find_dates(raw: str) -> list[date] | None:
    """Return every date written in a text, in order; None when one of them is not a real date."""
    found = [_to_date(m.groups()) for m in _ANY.finditer(western_digits(raw))]
    return None if any(d is None for d in found) else [d for d in found if d is not None]
