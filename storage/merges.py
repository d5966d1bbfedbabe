"""Merging duplicates: both rows are kept and linked (merged_into); who raised it and who supports it follow the link.

A person or a working group who raised the same thing twice counts once; an endorser counts once across the family
and never when they raised it themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

import aiosqlite

from storage.database import fetch_all, fetch_one
from storage.models import Recommendation

# Only within one commitment, never into itself or into a merged one; what was merged into it follows it.
_MERGE = """
UPDATE recommendations SET merged_into = ?1
WHERE id = ?2 AND ?1 != ?2 AND merged_into IS NULL
  AND commitment_id = (SELECT commitment_id FROM recommendations WHERE id = ?1 AND merged_into IS NULL)
RETURNING *
"""
_FOLLOW_ON = "UPDATE recommendations SET merged_into = ? WHERE merged_into = ?"
_UNMERGE = "UPDATE recommendations SET merged_into = NULL WHERE id = ? AND merged_into IS NOT NULL RETURNING *"
_MERGED = "SELECT * FROM recommendations WHERE merged_into = ? ORDER BY id"
# One key per author: the person, else the working group (round and commitment), else the row (a forgotten author).
_AUTHOR_KEY = "COALESCE('p' || r.participant_id, 'g' || r.group_round_id || ':' || r.commitment_id, 'r' || r.id)"
# Fragments over a recommendations row aliased `r`, for other modules' statements: who raised it (the family of r
# and what was merged into it) and who endorsed any of it, once each.
_FAMILY = "(m.id = r.id OR m.merged_into = r.id) AND m.hidden = 0"
RAISED_SQL = (  # constant SQL fragments only, never values
    "(SELECT COUNT(DISTINCT COALESCE('p' || m.participant_id, 'g' || m.group_round_id || ':' || m.commitment_id, "  # noqa: S608
    f"'r' || m.id)) FROM recommendations m WHERE {_FAMILY})"
)
ENDORSERS_SQL = (
    "(SELECT COUNT(DISTINCT e.participant_id) FROM endorsements e JOIN recommendations m ON m.id = e.recommendation_id"  # noqa: S608
    f" WHERE {_FAMILY} AND e.participant_id NOT IN (SELECT m.participant_id FROM recommendations m"
    f" WHERE {_FAMILY} AND m.participant_id IS NOT NULL))"
)
_RAISED = f"""
SELECT COALESCE(r.merged_into, r.id) AS kept, COUNT(DISTINCT {_AUTHOR_KEY}) AS raised
FROM recommendations r
WHERE r.hidden = 0 AND (r.id IN (SELECT value FROM json_each(?1)) OR r.merged_into IN (SELECT value FROM json_each(?1)))
GROUP BY kept
"""  # noqa: S608 - built from constant SQL fragments, never from values
_RAISED_TOGETHER = f"""
SELECT COUNT(DISTINCT {_AUTHOR_KEY}) FROM recommendations r
WHERE r.hidden = 0 AND (r.id IN (SELECT value FROM json_each(?1)) OR r.merged_into IN (SELECT value FROM json_each(?1)))
"""  # noqa: S608 - built from constant SQL fragments, never from values
_ENDORSERS = """
SELECT COUNT(DISTINCT e.participant_id) FROM endorsements e JOIN recommendations r ON r.id = e.recommendation_id
WHERE (r.id = ?1 OR r.merged_into = ?1) AND r.hidden = 0
  AND e.participant_id NOT IN (SELECT participant_id FROM recommendations
                               WHERE (id = ?1 OR merged_into = ?1) AND participant_id IS NOT NULL)
"""


def _ids(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in sorted(set(ids))) + "]"


async def merge(conn: aiosqlite.Connection, merged_id: int, kept_id: int) -> Recommendation | None:
    """Link a recommendation to the one kept (the same commitment); None when it may not be merged there."""
    row = await fetch_one(conn, _MERGE, (kept_id, merged_id))
    if row is None:
        return None
    await conn.execute(_FOLLOW_ON, (kept_id, merged_id))
    return Recommendation.from_row(row)


async def unmerge(conn: aiosqlite.Connection, merged_id: int) -> Recommendation | None:
    """Undo a merge; None when the recommendation was not merged."""
    row = await fetch_one(conn, _UNMERGE, (merged_id,))
    return Recommendation.from_row(row) if row else None


async def merged_into(conn: aiosqlite.Connection, kept_id: int) -> list[Recommendation]:
    """Return the recommendations merged into one, oldest first."""
    return [Recommendation.from_row(r) for r in await fetch_all(conn, _MERGED, (kept_id,))]


async def raised_by(conn: aiosqlite.Connection, kept_ids: Iterable[int]) -> dict[int, int]:
    """Return, per kept recommendation, how many people or working groups raised it (counted once each)."""
    return {int(r["kept"]): int(r["raised"]) for r in await fetch_all(conn, _RAISED, (_ids(kept_ids),))}


async def raised_together(conn: aiosqlite.Connection, ids: Iterable[int]) -> int:
    """Return how many people or working groups raised these recommendations and those merged into them, together."""
    row = await fetch_one(conn, _RAISED_TOGETHER, (_ids(ids),))
    return int(row[0]) if row else 0


async def endorsers(conn: aiosqlite.Connection, kept_id: int) -> int:
    """Return how many people endorsed a recommendation or one merged into it, once each, authors aside."""
    row = await fetch_one(conn, _ENDORSERS, (kept_id,))
    return int(row[0]) if row else 0
