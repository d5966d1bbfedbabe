"""The figures behind /stats, gathered once and drawn as text (and as a chart in reports/chart.py)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

import aiosqlite

from messages_ar import Messages
from storage import catalogue, stats
from storage.models import RecommendationState, Sector


@dataclass(frozen=True)
class CommitmentFigures:
    """Input on one commitment: counts per state, how much was answered and how fast."""

    number: int
    title: str
    by_state: dict[RecommendationState, int]
    answered: int  # storage.answers: a decision, with its reason where one is required
    median_days: float | None
    missing_reason: int = 0  # partly or not adopted without a written reason: waiting, flagged
    title_en: str | None = None  # Messages.name picks it for English readers

    @property
    def total(self) -> int:
        """Return how many visible recommendations the commitment has."""
        return sum(self.by_state.values())

    @property
    def response_rate(self) -> int | None:
        """Return the share answered, in whole percent (None when nothing came in: there is no rate to show)."""
        return round(100 * self.answered / self.total) if self.total else None


@dataclass(frozen=True)
class Stats:
    """Everything /stats shows."""

    plan: str | None
    by_sector: list[tuple[Sector | None, int]]
    by_governorate: list[tuple[str | None, int]]
    commitments: list[CommitmentFigures] = field(default_factory=list)
    plan_en: str | None = None  # Messages.name(stats, "plan") picks it for English readers

    @property
    def participants(self) -> int:
        """Return how many people are counted."""
        return sum(n for _, n in self.by_sector)

    @property
    def recommendations(self) -> int:
        """Return how many visible recommendations there are on the plan."""
        return sum(c.total for c in self.commitments)

    @property
    def empty(self) -> bool:
        """Tell whether there is nothing to count yet (no chart is drawn then)."""
        return self.participants == 0 and self.recommendations == 0


async def gather_stats(conn: aiosqlite.Connection, staff: Collection[str] = ()) -> Stats:
    """Read every figure for the active plan; staff ("channel:id" coordinators, anyone with a role) are not counted."""
    plan = await catalogue.active_plan(conn)
    by_state: dict[int, dict[RecommendationState, int]] = defaultdict(dict)
    for total in await stats.recommendations_by_state(conn):
        by_state[total.commitment_id][total.state] = total.count
    days: dict[int, list[float]] = defaultdict(list)
    async for commitment_id, elapsed in stats.answer_days(conn):
        days[commitment_id].append(elapsed)
    answered = await stats.answered_by_commitment(conn)
    none = stats.Answered(0, 0)
    figures = [
        CommitmentFigures(
            number=c.number,
            title=c.title_ar,
            by_state=by_state.get(c.id, {}),
            answered=answered.get(c.id, none).answered,
            median_days=statistics.median(days[c.id]) if days.get(c.id) else None,
            missing_reason=answered.get(c.id, none).missing_reason,
            title_en=c.title_en or None,
        )
        for c in await catalogue.list_commitments(conn)
    ]
    return Stats(
        plan=plan.title_ar if plan else None,
        plan_en=(plan.title_en or None) if plan else None,
        by_sector=await stats.participants_by_sector(conn, staff),
        by_governorate=await stats.participants_by_governorate(conn, staff),
        commitments=figures,
    )


def sector_name(messages: Messages, sector: Sector | None) -> str:
    """Return a sector's Arabic name, or «not given»."""
    return messages.t(f"sector-{sector.value}") if sector else messages.t("stats-unspecified")


def governorate_name(messages: Messages, key: str | None) -> str:
    """Return a governorate's Arabic name, or «not given»."""
    if key and messages.has(f"gov-{key}"):
        return messages.t(f"gov-{key}")
    return key or messages.t("stats-unspecified")


def rate_text(messages: Messages, rate: int | None) -> str:
    """Return a reply rate as "14%", or a dash when nothing came in."""
    return messages.t("stats-rate", rate=rate) if rate is not None else messages.t("stats-rate-none")


def _days(messages: Messages, value: float | None) -> str:
    return messages.t("stats-days", days=round(value, 1)) if value is not None else messages.t("stats-no-answers")


def stats_text(stats_: Stats, messages: Messages) -> str:
    """Return the figures as a chat message."""
    lines = [
        messages.t("stats-title", plan=messages.name(stats_, "plan") or "—"),
        messages.t("stats-participants", count=stats_.participants),
    ]
    if stats_.by_sector:  # a heading only above lines that follow it
        lines.append(messages.t("stats-by-sector"))
        lines += [messages.t("stats-line", name=sector_name(messages, s), count=n) for s, n in stats_.by_sector]
    if stats_.by_governorate:
        lines.append(messages.t("stats-by-governorate"))
        lines += [
            messages.t("stats-line", name=governorate_name(messages, g), count=n) for g, n in stats_.by_governorate
        ]
    if not stats_.recommendations:
        lines.append(messages.t("stats-no-recommendations"))
        return "\n".join(lines)
    lines.append(messages.t("stats-commitments"))
    for c in stats_.commitments:
        lines.append(
            messages.t(
                "stats-commitment-line",
                number=c.number,
                count=c.total,
                rate=rate_text(messages, c.response_rate),
                median=_days(messages, c.median_days),
            )
        )
        states = messages.join(
            [f"{messages.t(f'state-{s.value}')} {c.by_state[s]}" for s in RecommendationState if s in c.by_state]
        )
        if states:
            lines.append(messages.t("stats-states", states=states))
        if c.missing_reason:
            lines.append(messages.t("stats-missing-reason", count=c.missing_reason))
    return "\n".join(lines)
