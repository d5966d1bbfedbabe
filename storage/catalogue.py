"""Plans, commitments, themes, milestones and status updates."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import aiosqlite
from pydantic import BaseModel, ConfigDict, Field, model_validator

from storage import search
from storage.database import fetch_all, fetch_one
from storage.models import Commitment, CommitmentStatus, Completion, Milestone, Plan, StatusUpdate, Theme
from storage.timefmt import to_db


class ThemeSpec(BaseModel):
    """A theme as written in a plan file: an Arabic name, and an English one when known (else the Arabic shows)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(pattern=r"^[a-z0-9_]{1,32}$")
    title_ar: str = Field(min_length=2)
    title_en: str | None = Field(default=None, min_length=2)


class OgpValuesSpec(BaseModel):
    """Whether a commitment is relevant to each of OGP's four values; null where nobody has verified it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    access_to_information: bool | None = None
    civic_participation: bool | None = None
    public_accountability: bool | None = None
    technology_innovation: bool | None = None


Institution = Annotated[str, Field(min_length=3, max_length=200)]


class CommitmentSpec(BaseModel):
    """A commitment as written in a plan file, with OGP's commitment fields (null or empty where not verified)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int = Field(ge=1, le=99)
    ogp_id: str = Field(pattern=r"^[A-Z]{2}\d{4}$")
    title_ar: str = Field(min_length=5)
    title_en: str | None = Field(default=None, min_length=5)  # English names are optional: the Arabic shows instead
    short_title_ar: str | None = Field(default=None, min_length=3, max_length=80)
    short_title_en: str | None = Field(default=None, min_length=3, max_length=80)
    ogp_theme: str | None = Field(default=None, min_length=3, max_length=100)  # OGP's policy area
    lead_agency_ar: str = Field(min_length=3)
    lead_agency_en: str | None = Field(default=None, min_length=3)
    supporting_institutions_ar: tuple[Institution, ...] = ()
    supporting_institutions_en: tuple[Institution, ...] = ()
    ogp_values: OgpValuesSpec = OgpValuesSpec()
    start_date: date
    end_date: date
    themes: tuple[ThemeSpec, ...] = ()

    @model_validator(mode="after")
    def _dates_in_order(self) -> CommitmentSpec:
        if self.end_date < self.start_date:
            raise ValueError(f"{self.ogp_id}: end_date before start_date")
        if len({t.key for t in self.themes}) != len(self.themes):
            raise ValueError(f"{self.ogp_id}: theme keys must be unique")
        return self

    @model_validator(mode="after")
    def _institutions_consistent(self) -> CommitmentSpec:
        arabic, english = self.supporting_institutions_ar, self.supporting_institutions_en
        if len(set(arabic)) != len(arabic) or len(set(english)) != len(english):
            raise ValueError(f"{self.ogp_id}: a supporting institution is listed twice")
        if english and len(english) != len(arabic):
            raise ValueError(f"{self.ogp_id}: supporting_institutions_en must name the same institutions as _ar")
        if self.lead_agency_ar in arabic:
            raise ValueError(f"{self.ogp_id}: the lead agency is not also a supporting institution")
        return self


class PlanSpec(BaseModel):
    """A whole plan file (data/plans/*.json): every name in Arabic, and in English where known (`*_en` optional)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]{2,32}$")
    country: str = Field(pattern=r"^[A-Z]{2}$")
    number: int = Field(ge=1)
    title_ar: str = Field(min_length=2)
    title_en: str | None = Field(default=None, min_length=2)
    owner_ar: str = Field(min_length=2)
    owner_en: str | None = Field(default=None, min_length=2)
    start_date: date
    end_date: date
    extended_to: date | None = None
    commitments: tuple[CommitmentSpec, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbers_unique(self) -> PlanSpec:
        numbers = [c.number for c in self.commitments]
        if len(set(numbers)) != len(numbers):
            raise ValueError("commitment numbers must be unique within a plan")
        foreign = [c.ogp_id for c in self.commitments if not c.ogp_id.startswith(self.country)]
        if foreign:
            raise ValueError(f"OGP ids must start with the plan's country {self.country}: {', '.join(foreign)}")
        return self


def read_plan_file(path: Path) -> PlanSpec:
    """Read and validate a plan file."""
    return PlanSpec.model_validate(json.loads(path.read_text(encoding="utf-8")))


_UPSERT_PLAN = """
INSERT INTO plans (id, country, number, title_ar, title_en, owner_ar, start_date, end_date, extended_to, owner_en)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET country = excluded.country, number = excluded.number,
    title_ar = excluded.title_ar, title_en = excluded.title_en, owner_ar = excluded.owner_ar,
    owner_en = excluded.owner_en,
    start_date = excluded.start_date, end_date = excluded.end_date, extended_to = excluded.extended_to
"""
_UPSERT_COMMITMENT = """
INSERT INTO commitments (plan_id, number, ogp_id, title_ar, title_en, lead_agency_ar, lead_agency_en,
                         start_date, end_date, short_title_ar, short_title_en, ogp_theme, supporting_ar,
                         supporting_en, value_access_to_information, value_civic_participation,
                         value_public_accountability, value_technology_innovation)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (ogp_id) DO UPDATE SET plan_id = excluded.plan_id, number = excluded.number,
    title_ar = excluded.title_ar, title_en = excluded.title_en, lead_agency_ar = excluded.lead_agency_ar,
    lead_agency_en = excluded.lead_agency_en, start_date = excluded.start_date, end_date = excluded.end_date,
    short_title_ar = excluded.short_title_ar, short_title_en = excluded.short_title_en,
    ogp_theme = excluded.ogp_theme, supporting_ar = excluded.supporting_ar, supporting_en = excluded.supporting_en,
    value_access_to_information = excluded.value_access_to_information,
    value_civic_participation = excluded.value_civic_participation,
    value_public_accountability = excluded.value_public_accountability,
    value_technology_innovation = excluded.value_technology_innovation
RETURNING id
"""
_UPSERT_THEME = """
INSERT INTO themes (commitment_id, key, title_ar, title_en, position) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (commitment_id, key) DO UPDATE SET title_ar = excluded.title_ar, title_en = excluded.title_en,
    position = excluded.position
"""
_ACTIVATE_PLAN = "UPDATE plans SET active = (id = ?)"


def _ogp_fields(c: CommitmentSpec) -> tuple[object, ...]:
    values = c.ogp_values
    return (
        c.short_title_ar,
        c.short_title_en,
        c.ogp_theme,
        json.dumps(list(c.supporting_institutions_ar), ensure_ascii=False),
        json.dumps(list(c.supporting_institutions_en), ensure_ascii=False),
        values.access_to_information,
        values.civic_participation,
        values.public_accountability,
        values.technology_innovation,
    )


def institutions(stored: str | None) -> list[str]:
    """Return the supporting institutions stored as a JSON array (none when empty or not known)."""
    found = json.loads(stored) if stored else []
    return [str(item) for item in found] if isinstance(found, list) else []


async def upsert_plan(conn: aiosqlite.Connection, spec: PlanSpec, *, activate: bool) -> None:
    """Store a plan with its commitments and themes, updating what exists; optionally make it active."""
    await conn.execute(
        _UPSERT_PLAN,
        (
            spec.id,
            spec.country,
            spec.number,
            spec.title_ar,
            spec.title_en or "",  # the columns predate optional English names: empty is "none"
            spec.owner_ar,
            spec.start_date.isoformat(),
            spec.end_date.isoformat(),
            spec.extended_to.isoformat() if spec.extended_to else None,
            spec.owner_en,
        ),
    )
    for c in spec.commitments:
        row = await fetch_one(
            conn,
            _UPSERT_COMMITMENT,
            (
                spec.id,
                c.number,
                c.ogp_id,
                c.title_ar,
                c.title_en or "",
                c.lead_agency_ar,
                c.lead_agency_en or "",
                c.start_date.isoformat(),
                c.end_date.isoformat(),
                *_ogp_fields(c),
            ),
        )
        assert row is not None  # noqa: S101 - RETURNING always yields the row
        for position, theme in enumerate(c.themes, start=1):
            await conn.execute(_UPSERT_THEME, (row[0], theme.key, theme.title_ar, theme.title_en or "", position))
    if activate:
        await conn.execute(_ACTIVATE_PLAN, (spec.id,))


_SELECT_ACTIVE_PLAN = "SELECT * FROM plans WHERE active = 1"
_SELECT_PLANS = "SELECT * FROM plans ORDER BY country, number"


async def active_plan(conn: aiosqlite.Connection) -> Plan | None:
    """Return the plan the bot currently follows."""
    row = await fetch_one(conn, _SELECT_ACTIVE_PLAN)
    return Plan.from_row(row) if row else None


async def list_plans(conn: aiosqlite.Connection) -> list[Plan]:
    """Return every stored plan."""
    return [Plan.from_row(r) for r in await fetch_all(conn, _SELECT_PLANS)]


_SELECT_COMMITMENTS = """
SELECT c.* FROM commitments c JOIN plans p ON p.id = c.plan_id WHERE p.active = 1 ORDER BY c.number
"""
_SELECT_COMMITMENT = "SELECT * FROM commitments WHERE id = ?"


async def list_commitments(conn: aiosqlite.Connection) -> list[Commitment]:
    """Return the active plan's commitments in order."""
    return [Commitment.from_row(r) for r in await fetch_all(conn, _SELECT_COMMITMENTS)]


async def get_commitment(conn: aiosqlite.Connection, commitment_id: int) -> Commitment | None:
    """Return one commitment by id."""
    row = await fetch_one(conn, _SELECT_COMMITMENT, (commitment_id,))
    return Commitment.from_row(row) if row else None


_SELECT_THEMES = "SELECT * FROM themes WHERE commitment_id = ? ORDER BY position"
_SELECT_THEME = "SELECT * FROM themes WHERE id = ?"


async def list_themes(conn: aiosqlite.Connection, commitment_id: int) -> list[Theme]:
    """Return a commitment's themes in order."""
    return [Theme.from_row(r) for r in await fetch_all(conn, _SELECT_THEMES, (commitment_id,))]


async def get_theme(conn: aiosqlite.Connection, theme_id: int) -> Theme | None:
    """Return one theme by id."""
    row = await fetch_one(conn, _SELECT_THEME, (theme_id,))
    return Theme.from_row(row) if row else None


_SELECT_MILESTONES = "SELECT * FROM milestones WHERE commitment_id = ? ORDER BY end_date IS NULL, end_date, id"
_INSERT_MILESTONE = """
INSERT INTO milestones (commitment_id, title, start_date, end_date, state, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *
"""


async def list_milestones(conn: aiosqlite.Connection, commitment_id: int) -> list[Milestone]:
    """Return a commitment's milestones, soonest end first."""
    return [Milestone.from_row(r) for r in await fetch_all(conn, _SELECT_MILESTONES, (commitment_id,))]


async def add_milestone(
    conn: aiosqlite.Connection,
    commitment_id: int,
    title: str,
    start: date | None,
    end: date | None,
    now: datetime,
    state: Completion = Completion.NOT_STARTED,
) -> Milestone:
    """Add a milestone to a commitment."""
    stamp = to_db(now)
    params = (
        commitment_id,
        title,
        start.isoformat() if start else None,
        end.isoformat() if end else None,
        state.value,
        stamp,
        stamp,
    )
    row = await fetch_one(conn, _INSERT_MILESTONE, params)
    return Milestone.from_row(row)


_SELECT_STATUS = "SELECT * FROM status_updates WHERE id = ?"
_SELECT_LATEST_STATUS = """
SELECT * FROM status_updates WHERE commitment_id = ? ORDER BY created_at DESC, id DESC LIMIT 1
"""
_INSERT_STATUS = """
INSERT INTO status_updates (commitment_id, completion, progress, note, evidence_url, milestone_id,
                            milestone_state, author_id, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *
"""


async def latest_status(conn: aiosqlite.Connection, commitment_id: int) -> StatusUpdate | None:
    """Return a commitment's newest status update."""
    row = await fetch_one(conn, _SELECT_LATEST_STATUS, (commitment_id,))
    return StatusUpdate.from_row(row) if row else None


async def get_status_update(conn: aiosqlite.Connection, update_id: int) -> StatusUpdate | None:
    """Return one status update."""
    row = await fetch_one(conn, _SELECT_STATUS, (update_id,))
    return StatusUpdate.from_row(row) if row else None


async def add_status_update(
    conn: aiosqlite.Connection,
    commitment_id: int,
    completion: Completion,
    progress: int,
    now: datetime,
    *,
    note: str | None = None,
    evidence_url: str | None = None,
    milestone_id: int | None = None,
    milestone_state: str | None = None,
    author_id: int | None = None,
) -> StatusUpdate:
    """Record a dated progress report on a commitment."""
    params = (
        commitment_id,
        completion.value,
        progress,
        note,
        evidence_url,
        milestone_id,
        milestone_state,
        author_id,
        to_db(now),
    )
    row = await fetch_one(conn, _INSERT_STATUS, params)
    update = StatusUpdate.from_row(row)
    await search.index_update(conn, update.id, update.note)
    return update


_SELECT_STATUS_BOARD = """
SELECT c.id AS commitment_id,
       (SELECT s.id FROM status_updates s WHERE s.commitment_id = c.id
         ORDER BY s.created_at DESC, s.id DESC LIMIT 1) AS latest_id,
       (SELECT COUNT(*) FROM recommendations r WHERE r.commitment_id = c.id AND r.hidden = 0) AS recs
FROM commitments c JOIN plans p ON p.id = c.plan_id WHERE p.active = 1 ORDER BY c.number
"""
_SELECT_STATUSES_BY_ID = "SELECT * FROM status_updates WHERE id IN (SELECT value FROM json_each(?))"


async def status_board(conn: aiosqlite.Connection) -> list[CommitmentStatus]:
    """Return every active commitment with its newest status and visible recommendation count."""
    commitments = {c.id: c for c in await list_commitments(conn)}
    board: list[CommitmentStatus] = []
    rows = await fetch_all(conn, _SELECT_STATUS_BOARD)
    wanted = json.dumps([row["latest_id"] for row in rows if row["latest_id"] is not None])
    latest_by_id = {r["id"]: StatusUpdate.from_row(r) for r in await fetch_all(conn, _SELECT_STATUSES_BY_ID, (wanted,))}
    for row in rows:
        latest = latest_by_id.get(row["latest_id"])
        board.append(
            CommitmentStatus(commitment=commitments[row["commitment_id"]], latest=latest, recommendations=row["recs"])
        )
    return board


async def commitment_status(conn: aiosqlite.Connection, commitment_id: int) -> CommitmentStatus | None:
    """Return one commitment with its newest status and visible recommendation count."""
    commitment = await get_commitment(conn, commitment_id)
    if commitment is None:
        return None
    row = await fetch_one(conn, _COUNT_VISIBLE, (commitment_id,))
    count = int(row[0]) if row else 0
    return CommitmentStatus(
        commitment=commitment, latest=await latest_status(conn, commitment_id), recommendations=count
    )


_COUNT_VISIBLE = "SELECT COUNT(*) FROM recommendations WHERE commitment_id = ? AND hidden = 0"
