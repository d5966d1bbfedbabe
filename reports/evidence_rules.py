"""The checks of OGP's minimum requirements over a period: intervals too long, meetings per year, notice given.

Pure functions on dates; the evidence pack turns what they find into findings and gaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from storage.rounds import Round
from storage.timeline import NOTICE_DAYS, months_before

SIX_MONTHS = 6


def months_after(day: date, months: int) -> date:
    """Return the same day some calendar months later (the month's last day when it is shorter)."""
    return months_before(day, -months)


@dataclass(frozen=True, slots=True)
class Interval:
    """A stretch of the period without the thing a requirement asks for."""

    start: date
    end: date


def long_intervals(days: list[date], since: date, until: date, months: int = SIX_MONTHS) -> list[Interval]:
    """Return the stretches of [since, until] longer than `months` with none of the days in them."""
    marks = [since, *sorted(d for d in days if since <= d <= until), until]
    return [Interval(a, b) for a, b in pairwise(marks) if b > months_after(a, months)]


@dataclass(frozen=True, slots=True)
class Year:
    """A whole year of the period and how many meetings it had."""

    start: date
    end: date
    meetings: int


def meetings_per_year(days: list[date], since: date, until: date) -> list[Year]:
    """Return each whole twelve-month year of the period from its start, with its number of meetings."""
    years: list[Year] = []
    start = since
    while (end := months_after(start, 12)) <= until + timedelta(days=1):  # until is the period's last day
        years.append(Year(start, end, sum(1 for d in days if start <= d < end)))
        start = end
    return years


def notice_problem(found: Round) -> str | None:
    """Return what is missing from a round's timeline: 'no-date' (no announcement date), 'short', or None."""
    if found.announced_on is None:
        return "no-date"
    if found.held_on is not None and (found.held_on - found.announced_on).days < NOTICE_DAYS:
        return "short"
    return None
