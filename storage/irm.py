"""The IRM's assessments of commitments, as coordinators enter what the Independent Reporting Mechanism published.

Kept apart from the officers' self-reported status updates: the two tracks are shown side by side, never merged.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import aiosqlite

from storage.database import fetch_all, fetch_one
from storage.models import IrmCompletion, OpenGovernment, PotentialImpact, Row
from storage.timefmt import to_db


class IrmField(StrEnum):
    """What the IRM publishes about a commitment."""

    COMPLETION_MIDTERM = "completion_midterm"
    COMPLETION_END = "completion_end"
    OPEN_GOVERNMENT = "open_government"
    POTENTIAL_IMPACT = "potential_impact"
    STARRED = "starred"
    SOURCE_URL = "source_url"


class Starred(StrEnum):
    """Whether the IRM starred a commitment."""

    YES = "yes"
    NO = "no"


# The scale each field is rated on (the source link is free text).
SCALES: dict[IrmField, type[StrEnum]] = {
    IrmField.COMPLETION_MIDTERM: IrmCompletion,
    IrmField.COMPLETION_END: IrmCompletion,
    IrmField.OPEN_GOVERNMENT: OpenGovernment,
    IrmField.POTENTIAL_IMPACT: PotentialImpact,
    IrmField.STARRED: Starred,
}


class IrmAssessment(Row):
    """What the IRM published about one commitment (None: not assessed, or not entered yet)."""

    commitment_id: int
    completion_midterm: IrmCompletion | None = None
    completion_end: IrmCompletion | None = None
    open_government: OpenGovernment | None = None
    potential_impact: PotentialImpact | None = None
    starred: bool | None = None
    source_url: str | None = None
    updated_by: int | None = None
    updated_at: datetime | None = None

    def value(self, field: IrmField) -> str | None:
        """Return a field's stored code (starred as yes/no), or None."""
        if field is IrmField.STARRED:
            return None if self.starred is None else (Starred.YES if self.starred else Starred.NO).value
        found = getattr(self, field.value)
        return None if found is None else str(found.value if isinstance(found, StrEnum) else found)

    @property
    def empty(self) -> bool:
        """Tell whether nothing has been entered."""
        return all(self.value(field) is None for field in IrmField)


_SELECT = "SELECT * FROM irm_assessments WHERE commitment_id = ?"
_SELECT_ACTIVE = """
SELECT a.* FROM irm_assessments a JOIN commitments c ON c.id = a.commitment_id
JOIN plans p ON p.id = c.plan_id WHERE p.active = 1
"""
_SET = """
INSERT INTO irm_assessments (commitment_id, {column}, updated_by, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (commitment_id) DO UPDATE SET {column} = excluded.{column}, updated_by = excluded.updated_by,
    updated_at = excluded.updated_at
RETURNING *
"""
# One statement per field, composed from the fixed column names once (no value ever enters the SQL text).
_SET_FIELD = {field: _SET.replace("{column}", field.value) for field in IrmField}


def parse_value(field: IrmField, raw: str | None) -> str | bool | None:
    """Return a field's value to store from its code (None clears it); raise ValueError for a code off the scale."""
    if raw is None:
        return None
    if field is IrmField.SOURCE_URL:
        return raw
    scale = SCALES[field]
    if raw not in scale._value2member_map_:
        raise ValueError(f"{raw!r} is not on the scale of {field.value}")
    return raw == Starred.YES.value if field is IrmField.STARRED else raw


async def get_assessment(conn: aiosqlite.Connection, commitment_id: int) -> IrmAssessment:
    """Return a commitment's assessment (empty when nothing was entered)."""
    row = await fetch_one(conn, _SELECT, (commitment_id,))
    return IrmAssessment.from_row(row) if row else IrmAssessment(commitment_id=commitment_id)


async def active_assessments(conn: aiosqlite.Connection) -> dict[int, IrmAssessment]:
    """Return the assessments entered for the active plan's commitments, by commitment id."""
    return {r["commitment_id"]: IrmAssessment.from_row(r) for r in await fetch_all(conn, _SELECT_ACTIVE)}


async def set_field(
    conn: aiosqlite.Connection,
    commitment_id: int,
    field: IrmField,
    raw: str | None,
    *,
    by: int | None,
    now: datetime,
) -> IrmAssessment:
    """Store one field of a commitment's assessment (None clears it) and return the assessment."""
    value = parse_value(field, raw)
    row = await fetch_one(conn, _SET_FIELD[field], (commitment_id, value, by, to_db(now)))
    assert row is not None  # noqa: S101 - RETURNING always yields the row
    return IrmAssessment.from_row(row)
