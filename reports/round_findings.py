"""A round's report in its shapes: attendance by sector, organisation and group; findings by group, question, theme."""

from __future__ import annotations

from collections import Counter

import aiosqlite
from pydantic import BaseModel, ConfigDict

from storage import rounds
from storage.models import Commitment
from storage.publishing import PublishMode
from storage.round_hall import HallCount, get_hall
from storage.rounds import Question, Round, RoundInput


class Count(BaseModel):
    """A label (sector, organisation) and how many people it covers; label None means not given."""

    model_config = ConfigDict(frozen=True)

    label: str | None
    count: int


class GroupAttendance(BaseModel):
    """Who joined one working group."""

    model_config = ConfigDict(frozen=True)

    commitment: Commitment
    total: int
    by_sector: tuple[Count, ...]


class Attendance(BaseModel):
    """Who joined a round: the seed's "55 participants, officers, CSOs and government bodies"."""

    model_config = ConfigDict(frozen=True)

    total: int
    liaison_officers: int
    by_sector: tuple[Count, ...]
    organisations: tuple[Count, ...]
    groups: tuple[GroupAttendance, ...]


class ThemeFindings(BaseModel):
    """Recommendations on one theme (None: no theme or another theme), most endorsed first."""

    model_config = ConfigDict(frozen=True)

    theme_id: int | None
    theme_title: str | None
    items: tuple[RoundInput, ...]
    theme_title_en: str | None = None  # Messages.name(findings, "theme_title") picks it for English readers


class QuestionFindings(BaseModel):
    """Recommendations answering one discussion question (None: not tagged)."""

    model_config = ConfigDict(frozen=True)

    question: Question | None
    themes: tuple[ThemeFindings, ...]


class CommitmentFindings(BaseModel):
    """One working group's findings, grouped by discussion question and theme."""

    model_config = ConfigDict(frozen=True)

    commitment: Commitment
    total: int
    questions: tuple[QuestionFindings, ...]


class RoundReport(BaseModel):
    """Everything a round's report shows: the round, its groups and questions, attendance and findings."""

    model_config = ConfigDict(frozen=True)

    round: Round
    commitments: tuple[Commitment, ...]
    questions: tuple[Question, ...]
    attendance: Attendance
    findings: tuple[CommitmentFindings, ...]
    hall: HallCount | None = None  # counted in the hall, when the coordinator entered it


def _counts(values: list[str | None]) -> tuple[Count, ...]:
    """Count values, most frequent first, 'not given' last."""
    counter = Counter(values)
    ordered = sorted(counter.items(), key=lambda kv: (kv[0] is None, -kv[1], kv[0] or ""))
    return tuple(Count(label=label, count=count) for label, count in ordered)


def _organisation_key(name: str | None) -> str | None:
    """Fold spacing so that the same organisation typed twice counts once."""
    folded = " ".join((name or "").split())
    return folded or None


async def attendance(conn: aiosqlite.Connection, round_id: int, *, named_only: bool = False) -> Attendance:
    """Return how many joined a round, by sector, organisation (named_only: of those who agreed) and group."""
    rows = await rounds.member_profiles(conn, round_id, named_only=named_only)
    groups = []
    for commitment in await rounds.round_commitments(conn, round_id):
        members = [r for r in rows if r.commitment_id == commitment.id]
        groups.append(
            GroupAttendance(commitment=commitment, total=len(members), by_sector=_counts([r.sector for r in members]))
        )
    return Attendance(
        total=len(rows),
        liaison_officers=sum(1 for r in rows if r.liaison),
        by_sector=_counts([r.sector for r in rows]),
        organisations=_counts([_organisation_key(r.organisation) for r in rows]),
        groups=tuple(groups),
    )


async def findings(
    conn: aiosqlite.Connection, round_id: int, *, publish: PublishMode | None = None
) -> list[CommitmentFindings]:
    """Return each working group's recommendations (publish: only the published) by discussion question, then theme."""
    inputs = await rounds.round_inputs(conn, round_id, publish=publish)
    theme_titles = await rounds.theme_titles(conn, round_id)
    questions = await rounds.list_questions(conn, round_id)
    result = []
    for commitment in await rounds.round_commitments(conn, round_id):
        # The group's own findings come first, as the seed's report gives them; then what members added.
        mine = sorted((i for i in inputs if i.commitment_id == commitment.id), key=lambda i: i.group_round_id is None)
        asked = [q for q in questions if q.commitment_id in (None, commitment.id)]
        by_question: list[tuple[Question | None, list[RoundInput]]] = [
            (q, [i for i in mine if i.question_id == q.id]) for q in asked
        ]
        by_question.append((None, [i for i in mine if i.question_id not in {q.id for q in asked}]))
        grouped = tuple(
            QuestionFindings(question=q, themes=_by_theme(items, theme_titles)) for q, items in by_question if items
        )
        result.append(CommitmentFindings(commitment=commitment, total=len(mine), questions=grouped))
    return result


def _by_theme(items: list[RoundInput], titles: dict[int, tuple[str, str | None]]) -> tuple[ThemeFindings, ...]:
    """Group inputs by theme in theme order, untagged last; inputs keep their most-endorsed-first order."""
    theme_ids = sorted({i.theme_id for i in items if i.theme_id is not None})
    groups: list[tuple[int | None, list[RoundInput]]] = [(t, [i for i in items if i.theme_id == t]) for t in theme_ids]
    groups.append((None, [i for i in items if i.theme_id is None]))
    named = {t: titles.get(t, (None, None)) if t is not None else (None, None) for t, _ in groups}
    return tuple(
        ThemeFindings(theme_id=t, theme_title=named[t][0], theme_title_en=named[t][1], items=tuple(group))
        for t, group in groups
        if group
    )


async def report_data(
    conn: aiosqlite.Connection, round_id: int, *, publish: PublishMode | None = None
) -> RoundReport | None:
    """Return everything a round's report needs (publish: the public version, only what may be published)."""
    found = await rounds.get_round(conn, round_id)
    if found is None:
        return None
    return RoundReport(
        round=found,
        commitments=tuple(await rounds.round_commitments(conn, round_id)),
        questions=tuple(await rounds.list_questions(conn, round_id)),
        attendance=await attendance(conn, round_id, named_only=publish is not None),
        findings=tuple(await findings(conn, round_id, publish=publish)),
        hall=await get_hall(conn, round_id),
    )
