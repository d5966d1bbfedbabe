"""What the public site may show: the publication rule, coordinators' approvals and people's consent to be named."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import aiosqlite

from storage.answers import ANSWERED_SQL, is_answered
from storage.database import execute_count, fetch_value
from storage.models import Recommendation
from storage.timefmt import to_db


class PublishMode(StrEnum):
    """When a recommendation becomes public (OGP_PUBLISH)."""

    APPROVED = "approved"  # once answered or approved by a coordinator
    IMMEDIATE = "immediate"  # on arrival


# A recommendations row aliased `r` is public when it is not hidden and is answered, approved, or the mode is
# immediate. Queries that embed it take the named parameter :immediate (1 or 0).
PUBLISHED_SQL = f"(r.hidden = 0 AND (:immediate OR r.approved_at IS NOT NULL OR {ANSWERED_SQL}))"
# An author is named on the site only when they said yes to it and have not been forgotten since.
NAMED_SQL = "(p.show_name = 1 AND p.forgotten_at IS NULL AND p.consent_at IS NOT NULL)"


def is_published(recommendation: Recommendation, mode: PublishMode) -> bool:
    """Tell whether the public site shows a recommendation."""
    if recommendation.hidden:
        return False
    return mode is PublishMode.IMMEDIATE or recommendation.approved_at is not None or is_answered(recommendation)


def immediate(mode: PublishMode) -> int:
    """Return the :immediate parameter for a publication mode."""
    return int(mode is PublishMode.IMMEDIATE)


# Waiting: visible, neither approved nor answered yet. ?1 approver, ?2 time, ?3 commitment or NULL for all.
_APPROVE_WAITING = f"""
UPDATE recommendations AS r SET approved_at = ?2, approved_by = ?1
WHERE r.hidden = 0 AND r.approved_at IS NULL AND NOT ({ANSWERED_SQL}) AND (?3 IS NULL OR r.commitment_id = ?3)
"""  # noqa: S608 - built from constant SQL fragments, never from values
_COUNT_WAITING = f"""
SELECT COUNT(*) FROM recommendations AS r
WHERE r.hidden = 0 AND r.approved_at IS NULL AND NOT ({ANSWERED_SQL}) AND (?1 IS NULL OR r.commitment_id = ?1)
"""  # noqa: S608 - built from constant SQL fragments, never from values
_SET_SHOW_NAME = "UPDATE participants SET show_name = ? WHERE id = ? AND forgotten_at IS NULL"
_GET_SHOW_NAME = "SELECT show_name FROM participants WHERE id = ?"


async def count_waiting(conn: aiosqlite.Connection, commitment_id: int | None = None) -> int:
    """Return how many visible recommendations wait for approval (on one commitment, or on all)."""
    return int(await fetch_value(conn, _COUNT_WAITING, (commitment_id,)) or 0)


async def approve_waiting(
    conn: aiosqlite.Connection, approver_id: int, now: datetime, commitment_id: int | None = None
) -> int:
    """Approve every waiting recommendation (on one commitment, or on all) for publication; return how many."""
    return await execute_count(conn, _APPROVE_WAITING, (approver_id, to_db(now), commitment_id))


async def set_show_name(conn: aiosqlite.Connection, participant_id: int, show: bool) -> None:
    """Record a person's answer to «show my name with my published recommendations?»."""
    await conn.execute(_SET_SHOW_NAME, (int(show), participant_id))


async def get_show_name(conn: aiosqlite.Connection, participant_id: int) -> bool | None:
    """Return a person's answer: True, False, or None when they have not been asked yet."""
    value = await fetch_value(conn, _GET_SHOW_NAME, (participant_id,))
    return None if value is None else bool(value)
