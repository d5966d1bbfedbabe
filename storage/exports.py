"""What exports and the meeting report read: recommendations, status updates and milestones, streamed row by row."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import aiosqlite

from storage.answers import compose
from storage.catalogue import active_plan, latest_status, list_commitments
from storage.database import fetch_all, fetch_one
from storage.irm import IrmAssessment, get_assessment
from storage.merges import ENDORSERS_SQL, RAISED_SQL
from storage.models import Commitment, Completion, RecommendationState, Sector, StatusUpdate
from storage.timefmt import to_db


@dataclass(frozen=True, slots=True)
class ExportScope:
    """Which input an export covers; None means no limit. since is inclusive, until exclusive (instants)."""

    commitment_id: int | None = None
    round_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None

    def params(self) -> tuple[int | None, str | None, str | None]:
        """Return the round and time bounds as SQL parameters."""
        since = to_db(self.since) if self.since else None
        until = to_db(self.until) if self.until else None
        return self.round_id, since, until

    def to_json(self) -> dict[str, int | str | None]:
        """Return the scope as JSON values (a document job stores it)."""
        since, until = self.since.isoformat() if self.since else None, self.until.isoformat() if self.until else None
        return {"commitment_id": self.commitment_id, "round_id": self.round_id, "since": since, "until": until}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> ExportScope:
        """Rebuild a scope from to_json's values."""
        since, until = raw.get("since"), raw.get("until")
        return cls(
            commitment_id=raw.get("commitment_id"),
            round_id=raw.get("round_id"),
            since=datetime.fromisoformat(since) if since else None,
            until=datetime.fromisoformat(until) if until else None,
        )


@dataclass(frozen=True, slots=True)
class FileRef:
    """A file held by a recommendation or a progress update, as exports list it."""

    id: int
    sha256: str
    format: str
    name: str | None
    role: str  # voice, attachment, evidence
    size: int


def _file_refs(raw: str | None) -> tuple[FileRef, ...]:
    """Read the JSON array the export queries build per row (see _FILES_OF)."""
    if not raw:
        return ()
    return tuple(
        FileRef(int(f["id"]), str(f["sha256"]), str(f["format"]), f["name"], str(f["role"]), int(f["size"]))
        for f in json.loads(raw)
    )


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote something, as far as they consented to be named (all None once forgotten)."""

    name: str | None
    organisation: str | None
    sector: Sector | None
    governorate: str | None


@dataclass(frozen=True, slots=True)
class ExportedRecommendation:
    """A recommendation with everything a coordinator's spreadsheet shows about it."""

    id: int
    commitment_number: int
    ogp_id: str
    theme: str | None
    round_code: str | None
    round_name: str | None
    question: str | None  # the round's discussion question the recommendation answers
    text: str
    state: RecommendationState
    response: str | None
    responder: str | None
    created_at: datetime
    responded_at: datetime | None
    endorsements: int
    hidden: bool
    channel: str
    author: Author
    answered: bool = False  # storage.answers: a decision, with its reason where one is required
    told_at: datetime | None = None  # when the notice of the newest answer was sent to the author
    theme_en: str | None = None  # the theme's English name (Messages.name picks it for English readers)
    question_key: str | None = None  # a default discussion question's catalogue key (worded in either language)
    round_name_en: str | None = None  # the round's English name, when given
    question_en: str | None = None  # a typed question's English version, when given
    voice_seconds: int | None = None  # a voice recommendation (its text is '' until transcribed)
    transcript: str | None = None
    files: tuple[FileRef, ...] = ()  # its voice note and attached file
    raised_by: int = 1  # people or working groups who raised it, with those merged into it; 0 once merged
    merged_into: int | None = None  # the kept recommendation it was merged into (which carries its counts)


@dataclass(frozen=True, slots=True)
class ExportedStatusUpdate:
    """A dated progress report with its author's name."""

    id: int
    commitment_number: int
    ogp_id: str
    completion: Completion
    progress: int
    note: str | None
    evidence_url: str | None
    milestone: str | None
    author: str | None
    created_at: datetime
    milestone_en: str | None = None
    files: tuple[FileRef, ...] = ()  # evidence files


@dataclass(frozen=True, slots=True)
class ExportedMilestone:
    """A deliverable of a commitment."""

    id: int
    commitment_number: int
    ogp_id: str
    title: str
    start_date: date | None
    end_date: date | None
    state: Completion
    updated_at: datetime
    title_en: str | None = None


@dataclass(frozen=True, slots=True)
class ExportedCommitment:
    """A commitment with OGP's fields and both tracks of progress: the officers' newest report and the IRM's."""

    commitment: Commitment
    action_plan: int
    latest: StatusUpdate | None
    assessment: IrmAssessment


@dataclass(frozen=True, slots=True)
class StateCount:
    """How many recommendations of a commitment and theme are in one state."""

    commitment_number: int
    theme: str | None
    state: RecommendationState
    count: int
    theme_en: str | None = None


@dataclass(frozen=True, slots=True)
class AnswerCounts:
    """How a commitment's visible input (in a round, or all of it) was answered."""

    total: int
    answered: int
    missing_reason: int


@dataclass(frozen=True, slots=True)
class ReportItem:
    """A visible recommendation as the meeting report lists it."""

    theme: str | None
    text: str
    endorsements: int
    theme_en: str | None = None
    voice_seconds: int | None = None
    transcript: str | None = None
    raised_by: int = 1  # people or working groups who raised it, with those merged into it


@dataclass(frozen=True, slots=True)
class RoundInfo:
    """A consultation round, as exports and the report name it."""

    id: int
    code: str
    name: str
    held_on: date | None
    place: str | None


# An author is named only while they consent and have not asked to be forgotten. ?2..?4 are the scope's
# round, since and until (ExportScope.params), each ignored when NULL.

# A row's files as one JSON array (what _file_refs reads); {owner} is recommendation_id or status_update_id.
_FILES_OF = """(SELECT json_group_array(json_object('id', f.id, 'sha256', f.sha256, 'format', f.format,
                'name', f.name, 'role', f.role, 'size', f.size))
        FROM files f WHERE f.{owner} = {row}.id AND f.deleted_at IS NULL)"""
_RECOMMENDATION_FILES = _FILES_OF.replace("{owner}", "recommendation_id").replace("{row}", "r")
_UPDATE_FILES = _FILES_OF.replace("{owner}", "status_update_id").replace("{row}", "s")

# Counts follow the merge link: a kept row counts its family once each, a merged row nothing (its kept row has it).
# A hidden row is outside every family, so it keeps its own endorsements and its one author.
_OWN_ENDORSEMENTS = "(SELECT COUNT(*) FROM endorsements e WHERE e.recommendation_id = r.id)"
_COUNTS = (
    f"CASE WHEN r.merged_into IS NOT NULL THEN 0 WHEN r.hidden = 1 THEN {_OWN_ENDORSEMENTS} ELSE {ENDORSERS_SQL} END"
    f" AS endorsements, CASE WHEN r.merged_into IS NOT NULL THEN 0 WHEN r.hidden = 1 THEN 1 ELSE {RAISED_SQL} END"
    " AS raised_by"
)

_SELECT_RECOMMENDATIONS = (
    compose("""
SELECT r.id, {ANSWERED} AS answered, c.number AS commitment_number, c.ogp_id, t.title_ar AS theme,
       NULLIF(t.title_en, '') AS theme_en, ro.code AS round_code, ro.name AS round_name, ro.name_en AS round_name_en,
       q.text_ar AS question, q.text_en AS question_en,
       q.key AS question_key,
       r.text, r.state, r.response, r.created_at, r.responded_at, r.hidden, r.channel,
       r.voice_seconds, r.transcript, {FILES} AS files,
       CASE WHEN rp.forgotten_at IS NULL THEN rp.name END AS responder,
       {COUNTS}, r.merged_into,
       CASE WHEN p.consent_at IS NOT NULL AND p.forgotten_at IS NULL THEN p.name END AS author_name,
       CASE WHEN p.consent_at IS NOT NULL AND p.forgotten_at IS NULL THEN p.organisation END AS author_organisation,
       CASE WHEN p.consent_at IS NOT NULL AND p.forgotten_at IS NULL THEN p.sector END AS author_sector,
       CASE WHEN p.consent_at IS NOT NULL AND p.forgotten_at IS NULL THEN p.governorate END AS author_governorate,
       (SELECT a.told_at FROM recommendation_answers a
        WHERE a.recommendation_id = r.id ORDER BY a.id DESC LIMIT 1) AS told_at
FROM recommendations r
JOIN commitments c ON c.id = r.commitment_id
LEFT JOIN themes t ON t.id = r.theme_id
LEFT JOIN rounds ro ON ro.id = r.round_id
LEFT JOIN round_questions q ON q.id = r.question_id
LEFT JOIN participants p ON p.id = r.participant_id
LEFT JOIN participants rp ON rp.id = r.responded_by
WHERE r.commitment_id = ?1
  AND (?2 IS NULL OR r.round_id = ?2) AND (?3 IS NULL OR r.created_at >= ?3) AND (?4 IS NULL OR r.created_at < ?4)
ORDER BY r.created_at, r.id
""")
    .replace("{FILES}", _RECOMMENDATION_FILES)
    .replace("{COUNTS}", _COUNTS)
)

_SELECT_STATUS_UPDATES = """
SELECT s.id, c.number AS commitment_number, c.ogp_id, s.completion, s.progress, s.note, s.evidence_url,
       m.title AS milestone, m.title_en AS milestone_en, s.created_at, {FILES} AS files,
       CASE WHEN p.forgotten_at IS NULL THEN p.name END AS author
FROM status_updates s
JOIN commitments c ON c.id = s.commitment_id
LEFT JOIN milestones m ON m.id = s.milestone_id
LEFT JOIN participants p ON p.id = s.author_id
WHERE s.commitment_id = ?1 AND (?2 IS NULL OR s.created_at >= ?2) AND (?3 IS NULL OR s.created_at < ?3)
ORDER BY s.created_at, s.id
""".replace("{FILES}", _UPDATE_FILES)

_SELECT_MILESTONES = """
SELECT m.id, c.number AS commitment_number, c.ogp_id, m.title, m.title_en, m.start_date, m.end_date, m.state,
       m.updated_at
FROM milestones m JOIN commitments c ON c.id = m.commitment_id
WHERE m.commitment_id = ? ORDER BY m.end_date IS NULL, m.end_date, m.id
"""

_COUNT_BY_STATE = """
SELECT r.theme_id, t.title_ar AS theme, NULLIF(t.title_en, '') AS theme_en, r.state, COUNT(*) AS n
FROM recommendations r LEFT JOIN themes t ON t.id = r.theme_id
WHERE r.commitment_id = ?1
  AND (?2 IS NULL OR r.round_id = ?2) AND (?3 IS NULL OR r.created_at >= ?3) AND (?4 IS NULL OR r.created_at < ?4)
GROUP BY r.theme_id, r.state ORDER BY t.position IS NULL, t.position, r.state
"""

# One item per kept recommendation: those merged into it are counted in it, not listed again.
_SELECT_REPORT_ITEMS = f"""
SELECT t.title_ar AS theme, NULLIF(t.title_en, '') AS theme_en, r.text, r.voice_seconds, r.transcript,
       {ENDORSERS_SQL} AS endorsements, {RAISED_SQL} AS raised_by
FROM recommendations r LEFT JOIN themes t ON t.id = r.theme_id
WHERE r.commitment_id = ?1 AND r.hidden = 0 AND r.merged_into IS NULL AND (?2 IS NULL OR r.round_id = ?2)
ORDER BY t.position IS NULL, t.position, endorsements DESC, r.created_at, r.id
"""  # noqa: S608 - built from constant SQL fragments, never from values

_CONTRIBUTORS_BY_SECTOR = """
SELECT p.sector, COUNT(*) AS n FROM participants p
WHERE p.id IN (
    SELECT r.participant_id FROM recommendations r JOIN commitments c ON c.id = r.commitment_id
    JOIN plans pl ON pl.id = c.plan_id
    WHERE pl.active = 1 AND (?1 IS NULL OR r.round_id = ?1))
GROUP BY p.sector ORDER BY n DESC, p.sector
"""

_COUNT_IN_SCOPE = """
SELECT COUNT(*) FROM recommendations r JOIN commitments c ON c.id = r.commitment_id JOIN plans pl ON pl.id = c.plan_id
WHERE pl.active = 1 AND (?1 IS NULL OR r.commitment_id = ?1)
  AND (?2 IS NULL OR r.round_id = ?2) AND (?3 IS NULL OR r.created_at >= ?3) AND (?4 IS NULL OR r.created_at < ?4)
"""
_ANSWER_COUNTS = compose("""
SELECT COUNT(*) AS total, COALESCE(SUM({ANSWERED}), 0) AS answered, COALESCE(SUM({MISSING_REASON}), 0) AS missing
FROM recommendations r WHERE r.commitment_id = ?1 AND r.hidden = 0 AND (?2 IS NULL OR r.round_id = ?2)
""")

# Every file the scope's recommendations and progress updates hold (updates follow the commitment and the dates).
_FILES_IN_SCOPE = """
SELECT 'recommendation' AS owner, r.id AS owner_id, f.id AS id, f.sha256, f.format, f.name, f.role, f.size
FROM files f JOIN recommendations r ON r.id = f.recommendation_id
JOIN commitments c ON c.id = r.commitment_id JOIN plans pl ON pl.id = c.plan_id
WHERE f.deleted_at IS NULL AND pl.active = 1 AND (?1 IS NULL OR r.commitment_id = ?1)
  AND (?2 IS NULL OR r.round_id = ?2) AND (?3 IS NULL OR r.created_at >= ?3) AND (?4 IS NULL OR r.created_at < ?4)
UNION ALL
SELECT 'update' AS owner, s.id AS owner_id, f.id, f.sha256, f.format, f.name, f.role, f.size
FROM files f JOIN status_updates s ON s.id = f.status_update_id
JOIN commitments c ON c.id = s.commitment_id JOIN plans pl ON pl.id = c.plan_id
WHERE f.deleted_at IS NULL AND pl.active = 1 AND (?1 IS NULL OR s.commitment_id = ?1)
  AND (?3 IS NULL OR s.created_at >= ?3) AND (?4 IS NULL OR s.created_at < ?4)
ORDER BY owner, owner_id, id
"""

_SELECT_ROUND = "SELECT id, code, name, held_on, place FROM rounds WHERE id = ?"
_SELECT_ROUNDS = "SELECT id, code, name, held_on, place FROM rounds ORDER BY created_at DESC, id DESC LIMIT ?"


# Rows fetched per hop to aiosqlite's thread while streaming: big enough to amortise the hop, small enough to stay flat.
_CHUNK = 1000


def _instant(raw: str | None) -> datetime | None:
    return datetime.fromisoformat(raw) if raw else None


def _day(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None


async def commitments_in_scope(conn: aiosqlite.Connection, scope: ExportScope) -> list[Commitment]:
    """Return the active plan's commitments the scope covers, in order."""
    commitments = await list_commitments(conn)
    if scope.commitment_id is None:
        return commitments
    return [c for c in commitments if c.id == scope.commitment_id]


async def commitment_tracks(conn: aiosqlite.Connection, scope: ExportScope) -> list[ExportedCommitment]:
    """Return the scope's commitments with their OGP fields, newest self-reported status and IRM assessment."""
    plan = await active_plan(conn)
    return [
        ExportedCommitment(
            c, plan.number if plan else 0, await latest_status(conn, c.id), await get_assessment(conn, c.id)
        )
        for c in await commitments_in_scope(conn, scope)
    ]


async def iter_recommendations(
    conn: aiosqlite.Connection, commitment_id: int, scope: ExportScope
) -> AsyncIterator[ExportedRecommendation]:
    """Yield one commitment's recommendations in the scope, oldest first, without loading them all."""
    async with conn.execute(_SELECT_RECOMMENDATIONS, (commitment_id, *scope.params())) as cursor:
        cursor.iter_chunk_size = _CHUNK
        async for row in cursor:
            sector = row["author_sector"]
            yield ExportedRecommendation(
                id=row["id"],
                commitment_number=row["commitment_number"],
                ogp_id=row["ogp_id"],
                theme=row["theme"],
                round_code=row["round_code"],
                round_name=row["round_name"],
                round_name_en=row["round_name_en"],
                question=row["question"],
                question_en=row["question_en"],
                text=row["text"],
                state=RecommendationState(row["state"]),
                response=row["response"],
                responder=row["responder"],
                created_at=datetime.fromisoformat(row["created_at"]),
                responded_at=_instant(row["responded_at"]),
                endorsements=row["endorsements"],
                hidden=bool(row["hidden"]),
                channel=row["channel"],
                author=Author(
                    row["author_name"],
                    row["author_organisation"],
                    Sector(sector) if sector else None,
                    row["author_governorate"],
                ),
                answered=bool(row["answered"]),
                told_at=_instant(row["told_at"]),
                theme_en=row["theme_en"],
                question_key=row["question_key"],
                voice_seconds=row["voice_seconds"],
                transcript=row["transcript"],
                files=_file_refs(row["files"]),
                raised_by=row["raised_by"],
                merged_into=row["merged_into"],
            )


async def iter_status_updates(
    conn: aiosqlite.Connection, commitment_id: int, scope: ExportScope
) -> AsyncIterator[ExportedStatusUpdate]:
    """Yield one commitment's status updates in the scope's time range, oldest first."""
    _, since, until = scope.params()
    async with conn.execute(_SELECT_STATUS_UPDATES, (commitment_id, since, until)) as cursor:
        cursor.iter_chunk_size = _CHUNK
        async for row in cursor:
            yield ExportedStatusUpdate(
                id=row["id"],
                commitment_number=row["commitment_number"],
                ogp_id=row["ogp_id"],
                completion=Completion(row["completion"]),
                progress=row["progress"],
                note=row["note"],
                evidence_url=row["evidence_url"],
                milestone=row["milestone"],
                author=row["author"],
                created_at=datetime.fromisoformat(row["created_at"]),
                milestone_en=row["milestone_en"],
                files=_file_refs(row["files"]),
            )


async def iter_milestones(conn: aiosqlite.Connection, commitment_id: int) -> AsyncIterator[ExportedMilestone]:
    """Yield one commitment's milestones, soonest end first."""
    async with conn.execute(_SELECT_MILESTONES, (commitment_id,)) as cursor:
        async for row in cursor:
            yield ExportedMilestone(
                id=row["id"],
                commitment_number=row["commitment_number"],
                ogp_id=row["ogp_id"],
                title=row["title"],
                start_date=_day(row["start_date"]),
                end_date=_day(row["end_date"]),
                state=Completion(row["state"]),
                updated_at=datetime.fromisoformat(row["updated_at"]),
                title_en=row["title_en"],
            )


async def count_by_state(conn: aiosqlite.Connection, commitment: Commitment, scope: ExportScope) -> list[StateCount]:
    """Return how many recommendations of a commitment are in each theme and state."""
    return [
        StateCount(commitment.number, row["theme"], RecommendationState(row["state"]), row["n"], row["theme_en"])
        for row in await fetch_all(conn, _COUNT_BY_STATE, (commitment.id, *scope.params()))
    ]


async def iter_report_items(
    conn: aiosqlite.Connection, commitment_id: int, round_id: int | None
) -> AsyncGenerator[ReportItem, None]:
    """Yield a commitment's visible recommendations by theme, the most endorsed first."""
    async with conn.execute(_SELECT_REPORT_ITEMS, (commitment_id, round_id)) as cursor:
        cursor.iter_chunk_size = _CHUNK
        async for row in cursor:
            yield ReportItem(
                row["theme"],
                row["text"],
                row["endorsements"],
                row["theme_en"],
                row["voice_seconds"],
                row["transcript"],
                row["raised_by"],
            )


async def answer_counts(conn: aiosqlite.Connection, commitment_id: int, round_id: int | None) -> AnswerCounts:
    """Return how many of a commitment's visible recommendations (in the round, when given) were answered."""
    row = await fetch_one(conn, _ANSWER_COUNTS, (commitment_id, round_id))
    return AnswerCounts(int(row["total"]), int(row["answered"]), int(row["missing"])) if row else AnswerCounts(0, 0, 0)


async def contributors_by_sector(conn: aiosqlite.Connection, round_id: int | None) -> list[tuple[Sector | None, int]]:
    """Return how many people sent input (to the round, or the active plan), by sector; forgotten ones count too."""
    return [
        (Sector(r["sector"]) if r["sector"] else None, r["n"])
        for r in await fetch_all(conn, _CONTRIBUTORS_BY_SECTOR, (round_id,))
    ]


async def count_in_scope(conn: aiosqlite.Connection, scope: ExportScope) -> int:
    """Return how many recommendations of the active plan the scope covers, hidden ones included."""
    row = await fetch_one(conn, _COUNT_IN_SCOPE, (scope.commitment_id, *scope.params()))
    return int(row[0]) if row else 0


def _round(row: aiosqlite.Row) -> RoundInfo:
    return RoundInfo(row["id"], row["code"], row["name"], _day(row["held_on"]), row["place"])


async def get_round(conn: aiosqlite.Connection, round_id: int) -> RoundInfo | None:
    """Return one round by id."""
    row = await fetch_one(conn, _SELECT_ROUND, (round_id,))
    return _round(row) if row else None


async def recent_rounds(conn: aiosqlite.Connection, limit: int) -> list[RoundInfo]:
    """Return the newest rounds first."""
    return [_round(r) for r in await fetch_all(conn, _SELECT_ROUNDS, (limit,))]


async def files_in_scope(conn: aiosqlite.Connection, scope: ExportScope) -> list[tuple[str, int, FileRef]]:
    """Return (recommendation or update, its id, the file) for every file the scope's input holds."""
    rows = await fetch_all(conn, _FILES_IN_SCOPE, (scope.commitment_id, *scope.params()))
    return [
        (r["owner"], r["owner_id"], FileRef(r["id"], r["sha256"], r["format"], r["name"], r["role"], r["size"]))
        for r in rows
    ]
