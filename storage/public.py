"""What the public tracker and the open-data files read: only published input, authors by sector unless named."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import aiosqlite

from storage.answers import ANSWERED_SQL
from storage.catalogue import list_plans
from storage.database import fetch_all, fetch_value
from storage.merges import ENDORSERS_SQL, RAISED_SQL
from storage.models import Commitment, Completion, Plan, RecommendationState, Sector, StatusUpdate
from storage.publishing import NAMED_SQL, PUBLISHED_SQL, PublishMode, immediate
from storage.rounds import Round


@dataclass(frozen=True, slots=True)
class CommitmentSummary:
    """A commitment as the front page shows it: newest status, milestones and input counts."""

    commitment: Commitment
    latest: StatusUpdate | None
    milestones_done: int
    milestones_total: int
    received: int  # visible recommendations
    answered: int
    published: int
    overdue: int = 0  # milestones past their end date and not complete (on the day the summary was read)
    states: tuple[tuple[RecommendationState, int], ...] = ()  # published recommendations by answer state
    history: tuple[tuple[datetime, int], ...] = ()  # self-reported progress over time, oldest first


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """A plan with its commitments."""

    plan: Plan
    commitments: tuple[CommitmentSummary, ...]


# What the site and the open-data files say about who wrote a recommendation: the consent notice and /privacy
# (handlers/joining/disclosure.py) promise exactly these, and a test holds the published files to them.
AUTHOR_ALWAYS = ("sector", "governorate")
AUTHOR_IF_NAMED = ("name", "organisation")  # only when the author agreed (participants.show_name)
AUTHOR_GROUP = ("group",)  # a working group's finding: the group's number, which says nothing of a person


@dataclass(frozen=True, slots=True)
class PublicAuthor:
    """Who wrote a recommendation, as far as the site may say: sector and governorate, a name only when agreed."""

    sector: Sector | None
    governorate: str | None
    name: str | None
    organisation: str | None
    group: int | None = None  # a working group's finding: the group's number (its commitment's), not a person
    at_table: int | None = None  # how many sat at the group's table


# A person who declined to be named is described only by what at least this many unnamed published authors share.
CROWD = 5


@dataclass(frozen=True, slots=True)
class AuthorCrowds:
    """How many unnamed published authors share each sector and governorate: what an unnamed author may be shown as."""

    pairs: dict[tuple[str, str | None], int]
    sectors: dict[str, int]

    def author(self, sector: str | None, governorate: str | None, name: str | None, org: str | None) -> PublicAuthor:
        """Return the public author: named if agreed, else sector and governorate, sector only, or nothing, by crowd."""
        if name is not None:
            return PublicAuthor(Sector(sector) if sector else None, governorate, name, org)
        if sector is None:
            return PublicAuthor(None, None, None, None)
        if governorate is not None and self.pairs.get((sector, governorate), 0) >= CROWD:
            return PublicAuthor(Sector(sector), governorate, None, None)
        if self.sectors.get(sector, 0) >= CROWD:
            return PublicAuthor(Sector(sector), None, None, None)
        return PublicAuthor(None, None, None, None)


def crowds_of(authors: list[tuple[str, str | None]]) -> AuthorCrowds:
    """Count the crowds of unnamed published authors, one (sector, governorate) per distinct person."""
    pairs: dict[tuple[str, str | None], int] = {}
    sectors: dict[str, int] = {}
    for sector, governorate in authors:
        pairs[(sector, governorate)] = pairs.get((sector, governorate), 0) + 1
        sectors[sector] = sectors.get(sector, 0) + 1
    return AuthorCrowds(pairs, sectors)


@dataclass(frozen=True, slots=True)
class PublicRecommendation:
    """A published recommendation with the ministry's answer."""

    id: int
    plan_id: str
    commitment_id: int
    commitment_number: int
    ogp_id: str
    theme_key: str | None
    theme_ar: str | None
    theme_en: str | None
    round_id: int | None
    text: str
    state: RecommendationState
    response: str | None
    responded_at: datetime | None
    created_at: datetime
    endorsements: int
    author: PublicAuthor
    voice_seconds: int | None = None  # a voice recommendation: the recording itself is never published
    transcript: str | None = None
    raised_by: int = 1  # people or working groups who raised it, counting those merged into it
    merged_into: int | None = None


@dataclass(frozen=True, slots=True)
class PublicFile:
    """An officer's evidence file, served at a stable address: files/<sha256>/<name>."""

    sha256: str
    name: str
    format: str
    size: int


@dataclass(frozen=True, slots=True)
class PublicUpdate:
    """One entry of the public record: a progress report, a milestone's new state, or a written response."""

    key: str  # progress-12, milestone-13, response-345-2 (its second answer): stable, never reused
    tag: str  # progress, milestone, response
    commitment_id: int
    commitment_number: int
    ogp_id: str
    date: datetime
    completion: Completion | None
    progress: int | None
    note: str | None
    evidence_url: str | None
    milestone: str | None
    milestone_state: Completion | None
    recommendation_id: int | None
    recommendation: str | None
    state: RecommendationState | None
    response: str | None
    active_plan: bool  # the commitment belongs to the plan the site shows
    milestone_en: str | None = None  # the milestone's English title, if it has one
    files: tuple[PublicFile, ...] = ()  # a progress report's evidence files


@dataclass(frozen=True, slots=True)
class PublicAnswer:
    """One answer in a recommendation's public trail: the n-th it was given."""

    seq: int
    state: RecommendationState
    response: str | None
    date: datetime


@dataclass(frozen=True, slots=True)
class PublicRound:
    """A consultation round on the site (drafts are never shown)."""

    round: Round
    commitments: tuple[str, ...]  # OGP ids of its working groups
    participants: int  # joined through the bot
    published: int
    hall: int | None = None  # counted in the hall by the coordinators (None: not entered)


_VERSION = "SELECT version FROM public_version WHERE id = 1"

_SUMMARIES = f"""
SELECT c.*,
       (SELECT s.id FROM status_updates s WHERE s.commitment_id = c.id
         ORDER BY s.created_at DESC, s.id DESC LIMIT 1) AS latest_id,
       (SELECT COUNT(*) FROM milestones m WHERE m.commitment_id = c.id) AS milestones_total,
       (SELECT COUNT(*) FROM milestones m WHERE m.commitment_id = c.id AND m.state = 'complete') AS milestones_done,
       (SELECT COUNT(*) FROM milestones m WHERE m.commitment_id = c.id AND m.state != 'complete'
          AND m.end_date < :today) AS overdue,
       (SELECT COUNT(*) FROM recommendations r WHERE r.commitment_id = c.id AND r.hidden = 0) AS received,
       (SELECT COUNT(*) FROM recommendations r WHERE r.commitment_id = c.id AND r.hidden = 0
          AND {ANSWERED_SQL}) AS answered,
       (SELECT COUNT(*) FROM recommendations r WHERE r.commitment_id = c.id AND {PUBLISHED_SQL}) AS published
FROM commitments c WHERE c.plan_id = :plan ORDER BY c.number
"""  # noqa: S608 - built from constant SQL fragments, never from values
_STATES = f"""
SELECT r.commitment_id, r.state, COUNT(*) AS n FROM recommendations r JOIN commitments c ON c.id = r.commitment_id
WHERE c.plan_id = :plan AND {PUBLISHED_SQL} GROUP BY r.commitment_id, r.state
"""  # noqa: S608 - built from constant SQL fragments, never from values
_HISTORY = """
SELECT s.commitment_id, s.created_at, s.progress FROM status_updates s JOIN commitments c ON c.id = s.commitment_id
WHERE c.plan_id = :plan ORDER BY s.created_at, s.id
"""
_STATUSES = "SELECT * FROM status_updates WHERE id IN (SELECT value FROM json_each(?))"

_RECOMMENDATION_COLUMNS = f"""
SELECT r.id, c.plan_id, r.commitment_id, c.number AS commitment_number, c.ogp_id, t.key AS theme_key,
       t.title_ar AS theme_ar, t.title_en AS theme_en, r.round_id, r.text, r.voice_seconds, r.transcript, r.state,
       r.response, r.responded_at,
       r.created_at, {ENDORSERS_SQL} AS endorsements, {RAISED_SQL} AS raised_by, r.merged_into,
       r.group_round_id, r.at_table,
       CASE WHEN p.forgotten_at IS NULL AND p.consent_at IS NOT NULL THEN p.sector END AS sector,
       CASE WHEN p.forgotten_at IS NULL AND p.consent_at IS NOT NULL THEN p.governorate END AS governorate,
       CASE WHEN {NAMED_SQL} THEN p.name END AS name,
       CASE WHEN {NAMED_SQL} THEN p.organisation END AS organisation
FROM recommendations r
JOIN commitments c ON c.id = r.commitment_id
LEFT JOIN themes t ON t.id = r.theme_id
LEFT JOIN participants p ON p.id = r.participant_id
"""  # noqa: S608 - built from constant SQL fragments, never from values
# Every unnamed person with a published recommendation, once each (the crowds an unnamed author hides in).
_UNNAMED_AUTHORS = f"""
SELECT p.sector, p.governorate, COUNT(*) AS n
FROM (SELECT DISTINCT r.participant_id AS id FROM recommendations r WHERE {PUBLISHED_SQL}) a
JOIN participants p ON p.id = a.id
WHERE p.sector IS NOT NULL AND p.forgotten_at IS NULL AND p.consent_at IS NOT NULL AND NOT COALESCE({NAMED_SQL}, 0)
GROUP BY p.sector, p.governorate
"""  # noqa: S608 - built from constant SQL fragments, never from values
_PUBLISHED_PAGE = (
    _RECOMMENDATION_COLUMNS
    + f"""WHERE r.commitment_id = :commitment AND {PUBLISHED_SQL}
ORDER BY r.created_at DESC, r.id DESC LIMIT :limit OFFSET :offset"""
)
_PUBLISHED_ALL = _RECOMMENDATION_COLUMNS + f"WHERE {PUBLISHED_SQL} ORDER BY r.id"
_PUBLISHED_ONE = _RECOMMENDATION_COLUMNS + f"WHERE r.id = :id AND {PUBLISHED_SQL}"
_PUBLISHED_IDS = f"SELECT r.id FROM recommendations r WHERE {PUBLISHED_SQL} ORDER BY r.id"  # noqa: S608
_TRAIL = (
    "SELECT state, response, created_at FROM recommendation_answers WHERE recommendation_id = ? ORDER BY created_at, id"
)

_UPDATE_COLUMNS = """
SELECT s.id AS id, CASE WHEN s.milestone_id IS NULL THEN 'progress' ELSE 'milestone' END AS tag, s.commitment_id,
       c.number AS commitment_number, c.ogp_id, s.created_at AS date, s.completion, s.progress, s.note,
       s.evidence_url, m.title AS milestone, s.milestone_state, NULL AS recommendation_id, NULL AS recommendation,
       NULL AS state, NULL AS response, pl.active, m.title_en AS milestone_en,
       (SELECT json_group_array(json_object('sha256', f.sha256, 'name', f.name, 'format', f.format, 'size', f.size))
        FROM files f WHERE f.status_update_id = s.id AND f.deleted_at IS NULL) AS files, NULL AS seq
FROM status_updates s JOIN commitments c ON c.id = s.commitment_id JOIN plans pl ON pl.id = c.plan_id
LEFT JOIN milestones m ON m.id = s.milestone_id
"""
# Every answer is its own entry (response-<recommendation>-<n>, the n-th answer it was given), dated when it was
# given: a changed answer is a new entry, and no earlier entry ever changes (the answers table is append-only).
_RESPONSE_COLUMNS = f"""
SELECT a.recommendation_id AS id, 'response' AS tag, r.commitment_id, c.number AS commitment_number, c.ogp_id,
       a.created_at AS date, NULL AS completion, NULL AS progress, NULL AS note, NULL AS evidence_url,
       NULL AS milestone, NULL AS milestone_state, r.id AS recommendation_id,
       CASE WHEN r.voice_seconds IS NULL THEN r.text ELSE COALESCE(r.transcript, '') END AS recommendation,
       a.state, a.response, pl.active, NULL AS milestone_en, '[]' AS files,
       (SELECT COUNT(*) FROM recommendation_answers b WHERE b.recommendation_id = a.recommendation_id
          AND (b.created_at < a.created_at OR (b.created_at = a.created_at AND b.id <= a.id))) AS seq
FROM recommendation_answers a JOIN recommendations r ON r.id = a.recommendation_id
JOIN commitments c ON c.id = r.commitment_id JOIN plans pl ON pl.id = c.plan_id
WHERE {PUBLISHED_SQL}
"""  # noqa: S608 - built from constant SQL fragments, never from values
_ALL_UPDATES = _UPDATE_COLUMNS + "UNION ALL" + _RESPONSE_COLUMNS + "ORDER BY date, tag, id, seq"
_NEWEST_UPDATES = (
    _UPDATE_COLUMNS + "UNION ALL" + _RESPONSE_COLUMNS + "ORDER BY date DESC, tag, id DESC, seq DESC LIMIT :limit"
)
_COMMITMENT_UPDATES = _UPDATE_COLUMNS + "WHERE s.commitment_id = ? ORDER BY s.created_at DESC, s.id DESC"

_ROUNDS = f"""
SELECT ro.*,
       (SELECT json_group_array(ogp_id) FROM (SELECT c.ogp_id FROM round_commitments rc
          JOIN commitments c ON c.id = rc.commitment_id WHERE rc.round_id = ro.id ORDER BY c.number)) AS groups,
       (SELECT COUNT(*) FROM round_members m JOIN participants p ON p.id = m.participant_id
          WHERE m.round_id = ro.id AND p.forgotten_at IS NULL) AS members,
       (SELECT COUNT(*) FROM recommendations r WHERE r.round_id = ro.id AND {PUBLISHED_SQL}) AS published,
       (SELECT h.total FROM round_hall h WHERE h.round_id = ro.id) AS hall
FROM rounds ro WHERE ro.state != 'draft' ORDER BY ro.held_on IS NULL, ro.held_on DESC, ro.id DESC
"""  # noqa: S608 - built from constant SQL fragments, never from values
_ROUND = "SELECT * FROM rounds WHERE id = ? AND state != 'draft'"
# An evidence file may be served when a progress report holds it; a participant's file never is (see README).
_PUBLIC_FILE = """
SELECT f.sha256, f.name, f.format, f.mime, f.size FROM files f JOIN status_updates s ON s.id = f.status_update_id
WHERE f.sha256 = ? AND f.deleted_at IS NULL ORDER BY f.id LIMIT 1
"""
_PUBLIC_FILES = """
SELECT DISTINCT f.sha256, f.name, f.format, f.size FROM files f JOIN status_updates s ON s.id = f.status_update_id
WHERE f.deleted_at IS NULL ORDER BY f.id
"""


def _instant(raw: str | None) -> datetime | None:
    return datetime.fromisoformat(raw) if raw else None


async def data_version(conn: aiosqlite.Connection) -> int:
    """Return the counter every change to published data bumps (the site's cache key)."""
    return int(await fetch_value(conn, _VERSION) or 0)


async def plans(
    conn: aiosqlite.Connection, mode: PublishMode, today: date | None = None, *, charts: bool = False
) -> list[PlanSummary]:
    """Return every plan, the active one first, each with its commitments' summaries (today: to count overdue
    milestones; charts: with answer states and progress history, for the active plan)."""
    found = sorted(await list_plans(conn), key=lambda p: (not p.active, -p.number))
    return [
        PlanSummary(plan, tuple(await _summaries(conn, plan.id, mode, today, charts and plan.active))) for plan in found
    ]


async def _charts(
    conn: aiosqlite.Connection, plan_id: str, mode: PublishMode
) -> tuple[dict[int, list[tuple[RecommendationState, int]]], dict[int, list[tuple[datetime, int]]]]:
    states: dict[int, list[tuple[RecommendationState, int]]] = {}
    for row in await fetch_all(conn, _STATES, {"plan": plan_id, "immediate": immediate(mode)}):
        states.setdefault(row["commitment_id"], []).append((RecommendationState(row["state"]), row["n"]))
    history: dict[int, list[tuple[datetime, int]]] = {}
    for row in await fetch_all(conn, _HISTORY, {"plan": plan_id}):
        history.setdefault(row["commitment_id"], []).append(
            (datetime.fromisoformat(row["created_at"]), row["progress"])
        )
    return states, history


async def _summaries(
    conn: aiosqlite.Connection, plan_id: str, mode: PublishMode, today: date | None, charts: bool
) -> list[CommitmentSummary]:
    params = {"plan": plan_id, "immediate": immediate(mode), "today": today.isoformat() if today else None}
    rows = await fetch_all(conn, _SUMMARIES, params)
    states, history = await _charts(conn, plan_id, mode) if charts else ({}, {})
    wanted = "[" + ",".join(str(int(r["latest_id"])) for r in rows if r["latest_id"] is not None) + "]"
    latest = {r["id"]: StatusUpdate.from_row(r) for r in await fetch_all(conn, _STATUSES, (wanted,))}
    return [
        CommitmentSummary(
            commitment=Commitment.from_row(row),
            latest=latest.get(row["latest_id"]),
            milestones_done=row["milestones_done"],
            milestones_total=row["milestones_total"],
            received=row["received"],
            answered=row["answered"],
            published=row["published"],
            overdue=row["overdue"],
            states=tuple(sorted(states.get(row["id"], []), key=lambda item: list(RecommendationState).index(item[0]))),
            history=tuple(history.get(row["id"], [])),
        )
        for row in rows
    ]


async def author_crowds(conn: aiosqlite.Connection, mode: PublishMode) -> AuthorCrowds:
    """Return the crowds of unnamed published authors (the one rule every public author is built by)."""
    rows = await fetch_all(conn, _UNNAMED_AUTHORS, {"immediate": immediate(mode)})
    return crowds_of([(str(r["sector"]), r["governorate"]) for r in rows for _ in range(int(r["n"]))])


def _author(row: aiosqlite.Row, crowds: AuthorCrowds) -> PublicAuthor:
    """Say who raised it: the working group (with its table) for a finding, else the person as far as allowed."""
    if row["group_round_id"] is not None:
        return PublicAuthor(None, None, None, None, group=row["commitment_number"], at_table=row["at_table"])
    return crowds.author(row["sector"], row["governorate"], row["name"], row["organisation"])


def _recommendation(row: aiosqlite.Row, crowds: AuthorCrowds) -> PublicRecommendation:
    return PublicRecommendation(
        id=row["id"],
        plan_id=row["plan_id"],
        commitment_id=row["commitment_id"],
        commitment_number=row["commitment_number"],
        ogp_id=row["ogp_id"],
        theme_key=row["theme_key"],
        theme_ar=row["theme_ar"],
        theme_en=row["theme_en"],
        round_id=row["round_id"],
        text=row["text"],
        state=RecommendationState(row["state"]),
        response=row["response"],
        responded_at=_instant(row["responded_at"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        endorsements=row["endorsements"],
        author=_author(row, crowds),
        voice_seconds=row["voice_seconds"],
        transcript=row["transcript"],
        raised_by=row["raised_by"],
        merged_into=row["merged_into"],
    )


async def published_page(
    conn: aiosqlite.Connection,
    commitment_id: int,
    mode: PublishMode,
    *,
    limit: int,
    offset: int,
    crowds: AuthorCrowds | None = None,
) -> list[PublicRecommendation]:
    """Return one page of a commitment's published recommendations, newest first (crowds: counted already)."""
    params = {"commitment": commitment_id, "immediate": immediate(mode), "limit": limit, "offset": offset}
    crowds = crowds or await author_crowds(conn, mode)
    return [_recommendation(r, crowds) for r in await fetch_all(conn, _PUBLISHED_PAGE, params)]


async def published_one(
    conn: aiosqlite.Connection, recommendation_id: int, mode: PublishMode, crowds: AuthorCrowds | None = None
) -> PublicRecommendation | None:
    """Return a recommendation when the site publishes it, else None (crowds: counted already)."""
    rows = await fetch_all(conn, _PUBLISHED_ONE, {"id": recommendation_id, "immediate": immediate(mode)})
    return _recommendation(rows[0], crowds or await author_crowds(conn, mode)) if rows else None


async def published_ids(conn: aiosqlite.Connection, mode: PublishMode) -> list[int]:
    """Return the ids of every published recommendation, oldest first."""
    return [int(r["id"]) for r in await fetch_all(conn, _PUBLISHED_IDS, {"immediate": immediate(mode)})]


async def answer_trail(conn: aiosqlite.Connection, recommendation_id: int) -> list[PublicAnswer]:
    """Return every answer a recommendation was given, oldest first (what the site shows of its history)."""
    rows = await fetch_all(conn, _TRAIL, (recommendation_id,))
    return [
        PublicAnswer(n, RecommendationState(r["state"]), r["response"], datetime.fromisoformat(r["created_at"]))
        for n, r in enumerate(rows, start=1)
    ]


# Rows fetched per hop to aiosqlite's thread while streaming the open-data files.
_CHUNK = 1000


async def iter_published(conn: aiosqlite.Connection, mode: PublishMode) -> AsyncIterator[PublicRecommendation]:
    """Yield every published recommendation, oldest first, without loading them all."""
    crowds = await author_crowds(conn, mode)
    async with conn.execute(_PUBLISHED_ALL, {"immediate": immediate(mode)}) as cursor:
        cursor.iter_chunk_size = _CHUNK
        async for row in cursor:
            yield _recommendation(row, crowds)


def _update(row: aiosqlite.Row) -> PublicUpdate:
    completion, milestone_state, state = row["completion"], row["milestone_state"], row["state"]
    return PublicUpdate(
        key=f"{row['tag']}-{row['id']}" + (f"-{row['seq']}" if row["seq"] is not None else ""),
        tag=row["tag"],
        commitment_id=row["commitment_id"],
        commitment_number=row["commitment_number"],
        ogp_id=row["ogp_id"],
        date=datetime.fromisoformat(row["date"]),
        completion=Completion(completion) if completion else None,
        progress=row["progress"],
        note=row["note"],
        evidence_url=row["evidence_url"],
        milestone=row["milestone"],
        milestone_state=Completion(milestone_state) if milestone_state in set(Completion) else None,
        recommendation_id=row["recommendation_id"],
        recommendation=row["recommendation"],
        state=RecommendationState(state) if state else None,
        response=row["response"],
        active_plan=bool(row["active"]),
        milestone_en=row["milestone_en"],
        files=tuple(_public_files(row["files"])),
    )


def _public_files(raw: str | None) -> list[PublicFile]:
    """Read an update's evidence files (a file sent without a name is named by its id and format)."""
    return [
        PublicFile(str(item["sha256"]), _file_name(item), str(item["format"]), int(item["size"]))
        for item in json.loads(raw or "[]")
    ]


async def iter_updates(conn: aiosqlite.Connection, mode: PublishMode) -> AsyncIterator[PublicUpdate]:
    """Yield the whole public record (progress, milestones, written responses), oldest first."""
    async with conn.execute(_ALL_UPDATES, {"immediate": immediate(mode)}) as cursor:
        cursor.iter_chunk_size = _CHUNK
        async for row in cursor:
            yield _update(row)


async def newest_updates(conn: aiosqlite.Connection, mode: PublishMode, limit: int) -> list[PublicUpdate]:
    """Return the newest entries of the public record, newest first (the Atom feed)."""
    return [_update(r) for r in await fetch_all(conn, _NEWEST_UPDATES, {"immediate": immediate(mode), "limit": limit})]


async def commitment_updates(conn: aiosqlite.Connection, commitment_id: int) -> list[PublicUpdate]:
    """Return a commitment's progress reports, newest first."""
    return [_update(r) for r in await fetch_all(conn, _COMMITMENT_UPDATES, (commitment_id,))]


async def public_rounds(conn: aiosqlite.Connection, mode: PublishMode) -> list[PublicRound]:
    """Return the rounds that were opened (drafts never), the most recent meeting first."""
    rows = await fetch_all(conn, _ROUNDS, {"immediate": immediate(mode)})
    return [
        PublicRound(
            round=Round.from_row(row),
            commitments=tuple(_json_strings(row["groups"])),
            participants=row["members"],
            published=row["published"],
            hall=row["hall"],
        )
        for row in rows
    ]


def _json_strings(raw: str | None) -> list[str]:
    return [str(item) for item in json.loads(raw or "[]")]


async def public_round(conn: aiosqlite.Connection, round_id: int) -> Round | None:
    """Return a round the site may show (not a draft)."""
    rows = await fetch_all(conn, _ROUND, (round_id,))
    return Round.from_row(rows[0]) if rows else None


async def public_file(conn: aiosqlite.Connection, sha256: str) -> tuple[PublicFile, str] | None:
    """Return an evidence file the site may serve, with its MIME type; None for any other digest."""
    rows = await fetch_all(conn, _PUBLIC_FILE, (sha256,))
    if not rows:
        return None
    row = rows[0]
    return PublicFile(row["sha256"], _file_name(row), row["format"], row["size"]), str(row["mime"])


def _file_name(row: Any) -> str:
    return str(row["name"] or f"evidence-{str(row['sha256'])[:8]}.{row['format']}")


async def public_files(conn: aiosqlite.Connection) -> list[PublicFile]:
    """Return every evidence file the site serves (for the static copy)."""
    return [
        PublicFile(r["sha256"], _file_name(r), r["format"], r["size"]) for r in await fetch_all(conn, _PUBLIC_FILES)
    ]
