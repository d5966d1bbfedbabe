"""What the answer sheet needs beyond the export's rows: each recommendation's answer version.

The version is the id of a recommendation's newest entry in `recommendation_answers` (0 before any answer); the
sheet carries it from the download, so an answer given since then is recognised when the sheet comes back.
"""

from __future__ import annotations

from collections.abc import Iterable

import aiosqlite

from storage.database import fetch_all

_VERSIONS = """
SELECT r.id, COALESCE((SELECT MAX(a.id) FROM recommendation_answers a WHERE a.recommendation_id = r.id), 0) AS v
FROM recommendations r WHERE r.id IN (SELECT value FROM json_each(?))
"""


async def versions(conn: aiosqlite.Connection, recommendation_ids: Iterable[int]) -> dict[int, int]:
    """Return each existing recommendation's answer version (0 when it was never answered)."""
    ids = "[" + ",".join(str(int(i)) for i in sorted(set(recommendation_ids))) + "]"
    return {int(r["id"]): int(r["v"]) for r in await fetch_all(conn, _VERSIONS, (ids,))}
