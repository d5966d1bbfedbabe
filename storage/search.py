"""The search index (017_search.sql; words since 022, commitment-scoped terms since 025): similar input, /search."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

import aiosqlite

from storage.database import fetch_all, fetch_value
from storage.models import Recommendation
from storage.publishing import PUBLISHED_SQL
from storage.textnorm import indexed, terms

# A pair is similar when half containment plus half Jaccard of their term sets reaches this; tuned on
# tests/data/similar_pairs.tsv (README, "Similar input").
SIMILAR_AT = 0.42
CANDIDATES = 40  # best-ranked index hits scored per lookup
# The similar-input lookup asks the index for the commitment's rows holding two of a text's rarest terms there: at
# least RARE_TERMS_MIN, then more while their recommendations together stay under RARE_BUDGET, at most
# RARE_TERMS_MAX; with fewer than PAIRED_FROM terms, one is enough. Common words find every row and make the ranking
# slow; an alike text shares most terms, so it holds several of the rare ones, which an unrelated row seldom does.
RARE_TERMS_MIN = 4
RARE_TERMS_MAX = 8
RARE_BUDGET = 1000
PAIRED_FROM = 3
MIN_PREFIX = 3  # a searched word finds the words it begins from this length on; shorter ones only themselves

_FORGET_REC = "DELETE FROM recommendation_terms WHERE rowid = ?"
_ADD_REC = "INSERT INTO recommendation_terms (rowid, body, commitment, scoped) VALUES (?, ?, ?, ?)"
_FORGET_UPDATE = "DELETE FROM update_terms WHERE rowid = ?"
_ADD_UPDATE = "INSERT INTO update_terms (rowid, body) VALUES (?, ?)"
_COUNTS = "SELECT term, doc FROM recommendation_vocabulary WHERE term IN (SELECT value FROM json_each(?))"
_CANDIDATES = """
WITH best AS (SELECT rowid, body FROM recommendation_terms WHERE recommendation_terms MATCH ? ORDER BY rank LIMIT ?)
SELECT r.*, best.body AS terms_body FROM best JOIN recommendations r ON r.id = best.rowid
WHERE r.commitment_id = ? AND r.hidden = 0
"""
# One page of recommendations and updates matching the words, newest first. Each kind is read from its index newest
# id first and stops after :upto rows (ids follow arrival), so no query materialises every match; the two short lists
# are then merged by date. `:rec_match` carries the officer's commitments as index terms; `:scope` (NULL for all, else
# a JSON array of commitment ids) filters the few updates; `:published` 1 keeps only what the public site shows
# (storage/publishing.py's rule for recommendations; the active plan's progress reports, which its pages show).
_UPDATE_WHERE = """
WHERE update_terms MATCH :match
  AND (:scope IS NULL OR u.commitment_id IN (SELECT value FROM json_each(:scope)))
  AND (:published = 0 OR u.commitment_id IN (SELECT c.id FROM commitments c JOIN plans p ON p.id = c.plan_id
                                             WHERE p.active = 1))
"""
_FOUND = f"""
WITH recs AS (
  SELECT 'recommendation' AS kind, r.id, r.commitment_id, r.created_at,
         CASE WHEN r.voice_seconds IS NULL THEN r.text ELSE COALESCE(r.transcript, '') END AS body
  FROM recommendation_terms t JOIN recommendations r ON r.id = t.rowid
  WHERE recommendation_terms MATCH :rec_match AND r.hidden = 0 AND (:published = 0 OR {PUBLISHED_SQL})
  ORDER BY t.rowid DESC LIMIT :upto
), updates AS (
  SELECT 'update' AS kind, u.id, u.commitment_id, u.created_at, u.note AS body
  FROM update_terms t JOIN status_updates u ON u.id = t.rowid {_UPDATE_WHERE}
  ORDER BY t.rowid DESC LIMIT :upto
), hits AS (SELECT * FROM recs UNION ALL SELECT * FROM updates)
SELECT h.*, c.number FROM hits h JOIN commitments c ON c.id = h.commitment_id
ORDER BY h.created_at DESC, h.kind, h.id DESC LIMIT :limit OFFSET :offset
"""  # noqa: S608 - built from constant SQL fragments, never from values
# How many match: hidden recommendations have no index row, so without the publication rule the index alone counts.
_COUNT_UPDATES = f"SELECT COUNT(*) FROM update_terms t JOIN status_updates u ON u.id = t.rowid {_UPDATE_WHERE}"  # noqa: S608
_COUNT = f"""
SELECT (SELECT COUNT(*) FROM recommendation_terms WHERE recommendation_terms MATCH :rec_match)
     + ({_COUNT_UPDATES})
"""  # noqa: S608 - built from constant SQL fragments, never from values
_COUNT_PUBLISHED = f"""
SELECT (SELECT COUNT(*) FROM recommendation_terms t JOIN recommendations r ON r.id = t.rowid
        WHERE recommendation_terms MATCH :rec_match AND {PUBLISHED_SQL})
     + ({_COUNT_UPDATES})
"""  # noqa: S608 - built from constant SQL fragments, never from values


@dataclass(frozen=True)
class Similar:
    """A recommendation like the one being written, and how alike (0 to 1)."""

    recommendation: Recommendation
    score: float


@dataclass(frozen=True)
class Found:
    """One search result: a recommendation or a status update."""

    kind: str  # 'recommendation' or 'update'
    id: int
    commitment_id: int
    commitment_number: int
    text: str
    created_at: datetime


async def index_recommendation(conn: aiosqlite.Connection, rec: Recommendation) -> None:
    """Write a visible recommendation's terms into the index (replacing what was there)."""
    await conn.execute(_FORGET_REC, (rec.id,))
    if not rec.hidden:
        body = indexed(rec.transcript or rec.text)
        scoped = " ".join(_scoped(rec.commitment_id, body.split()))
        await conn.execute(_ADD_REC, (rec.id, body, _commitment_term(rec.commitment_id), scoped))


async def index_update(conn: aiosqlite.Connection, update_id: int, note: str | None) -> None:
    """Write a status update's note into the index."""
    await conn.execute(_FORGET_UPDATE, (update_id,))
    if note:
        await conn.execute(_ADD_UPDATE, (update_id, indexed(note)))


def resemblance(a: set[str], b: set[str]) -> float:
    """Return how alike two term sets are: half containment, half Jaccard."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return 0.5 * shared / min(len(a), len(b)) + 0.5 * shared / len(a | b)


def rarest(counts: dict[str, int], words: list[str]) -> list[str]:
    """Return the terms to ask the index for: the rarest it holds first, as many as the budget allows."""
    chosen: list[str] = []
    held = 0
    for word in sorted({w for w in words if counts.get(w)}, key=lambda w: (counts[w], -len(w), w)):
        held += counts[word]
        if len(chosen) >= RARE_TERMS_MAX or (len(chosen) >= RARE_TERMS_MIN and held > RARE_BUDGET):
            break
        chosen.append(word)
    return chosen


def match_some(scoped: list[str]) -> str | None:
    """Return an FTS5 query for rows with two of the scoped terms (any one when there are few), or None without."""
    if not scoped:
        return None
    if len(scoped) < PAIRED_FROM:
        return "scoped : (" + " OR ".join(f'"{w}"' for w in scoped) + ")"
    return "scoped : (" + " OR ".join(f'("{a}" AND "{b}")' for a, b in combinations(scoped, 2)) + ")"


def match_all(text: str) -> str | None:
    """Return an FTS5 query matching every term of what was typed (as a word's start), or None without terms."""
    usable = list(dict.fromkeys(terms(text)))
    if not usable:
        return None
    return "body : (" + " AND ".join(f'"{w}"*' if len(w) >= MIN_PREFIX else f'"{w}"' for w in usable) + ")"


async def lookup_query(conn: aiosqlite.Connection, commitment_id: int, mine: set[str]) -> str | None:
    """Return the index query the similar-input lookup ranks: the commitment's rows sharing its rarest terms."""
    scoped = _scoped(commitment_id, sorted(mine))
    counts = {r["term"]: int(r["doc"]) for r in await fetch_all(conn, _COUNTS, (json.dumps(scoped),))}
    return match_some(rarest(counts, scoped))


async def similar(conn: aiosqlite.Connection, commitment_id: int, text: str, *, limit: int = 3) -> list[Similar]:
    """Return the visible recommendations on the commitment most like the text, most alike first."""
    mine = set(terms(text))
    query = await lookup_query(conn, commitment_id, mine)
    if query is None:
        return []
    rows = await fetch_all(conn, _CANDIDATES, (query, CANDIDATES, commitment_id))
    scored = [Similar(Recommendation.from_row(r), resemblance(mine, set(r["terms_body"].split()))) for r in rows]
    alike = sorted((s for s in scored if s.score >= SIMILAR_AT), key=lambda s: (-s.score, -s.recommendation.id))
    return alike[:limit]


async def find(
    conn: aiosqlite.Connection,
    text: str,
    *,
    commitments: list[int] | None,
    limit: int,
    offset: int,
    published: bool = False,
    immediate: bool = False,
) -> tuple[int, list[Found]]:
    """Return how many recommendations and updates match every word, and one page of them, newest first."""
    query = match_all(text)
    if query is None or commitments == []:
        return 0, []
    params = {
        "match": query,
        "rec_match": query if commitments is None else f"{query} AND {_in_commitments(commitments)}",
        "scope": None if commitments is None else _json_ids(commitments),
        "published": int(published),
        "immediate": int(immediate),
    }
    total = int(await fetch_value(conn, _COUNT_PUBLISHED if published else _COUNT, params) or 0)
    if not total or offset >= total:
        return total, []
    page = {"upto": offset + limit, "limit": limit, "offset": offset}
    rows = await fetch_all(conn, _FOUND, params | page)
    found = [
        Found(
            r["kind"],
            r["id"],
            r["commitment_id"],
            int(r["number"]),
            r["body"] or "",
            datetime.fromisoformat(r["created_at"]),
        )
        for r in rows
    ]
    return total, found


def _commitment_term(commitment_id: int) -> str:
    return f"c{int(commitment_id)}"


def _scoped(commitment_id: int, words: list[str]) -> list[str]:
    """Return the terms as the index's `scoped` column holds them: prefixed by their commitment."""
    prefix = f"{_commitment_term(commitment_id)}x"
    return [prefix + w for w in words]


def _in_commitments(ids: list[int]) -> str:
    return "commitment : (" + " OR ".join(f'"{_commitment_term(i)}"' for i in ids) + ")"


def _json_ids(ids: list[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"
