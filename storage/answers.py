"""What "answered" means, defined once: a reasoned response, as OGP's fourth standard asks for.

A recommendation is answered when the ministry has decided on it: adopted (stored as `accepted`), partly adopted
(`partly_accepted`), not adopted (`not_accepted`) or implemented — and, when the decision does not take the input up
in full (partly or not adopted), has given the written reason. New, received and under study acknowledge the input
but do not answer it. A partly or not adopted recommendation without a reason (which the bot allowed before
migration 009) is *not* answered: it is flagged as needing a reason, stays in the officer's waiting list and is
reminded about like any other waiting input.

The inbox, /stats, the reminder jobs, the exports, the report and the evidence pack all use `ANSWERED` (SQL over a
recommendations row named `r`; `ANSWERED_SQL` is the same) or `is_answered`; nothing else decides it.
"""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage.database import fetch_all, fetch_one
from storage.models import Recommendation, RecommendationState, Row
from storage.timefmt import to_db

DECISIONS = frozenset(
    {
        RecommendationState.ACCEPTED,
        RecommendationState.PARTLY_ACCEPTED,
        RecommendationState.NOT_ACCEPTED,
        RecommendationState.IMPLEMENTED,
    }
)
REASON_REQUIRED = frozenset({RecommendationState.PARTLY_ACCEPTED, RecommendationState.NOT_ACCEPTED})
# A written reason is at least this many characters: «نعم», «لا», «ok» or «تم» say nothing about why. The chat
# asks for this much (handlers/answers/inbox.py, through is_reason) and the counts (ANSWERED) use the same figure.
REASON_MIN = 10

# The predicate, over a recommendations row aliased `r`; composed into other modules' statements as a constant.
_REASON_LENGTH = "LENGTH(TRIM(COALESCE(r.response, '')))"
ANSWERED = (
    "(r.state IN ('accepted', 'implemented') OR "
    f"(r.state IN ('partly_accepted', 'not_accepted') AND {_REASON_LENGTH} >= {REASON_MIN}))"
)
MISSING_REASON = f"(r.state IN ('partly_accepted', 'not_accepted') AND {_REASON_LENGTH} < {REASON_MIN})"
ANSWERED_SQL = ANSWERED  # the name the public site's queries embed
ANSWERED_STATES = DECISIONS  # the states that answer once their reason is given where one is required


def compose(sql: str) -> str:
    """Return a statement with `{ANSWERED}` and `{MISSING_REASON}` replaced by the predicates (at import time)."""
    return sql.replace("{ANSWERED}", ANSWERED).replace("{MISSING_REASON}", MISSING_REASON)


def is_reason(response: str | None) -> bool:
    """Tell whether a written response gives a reason (the same rule as ANSWERED): long enough to say why."""
    return len((response or "").strip(" ")) >= REASON_MIN


def answered(state: RecommendationState, response: str | None) -> bool:
    """Tell whether a state and response make a reasoned response (the same rule as ANSWERED)."""
    if state not in DECISIONS:
        return False
    return state not in REASON_REQUIRED or is_reason(response)


def is_answered(recommendation: Recommendation) -> bool:
    """Tell whether a recommendation has been answered (the same rule as ANSWERED)."""
    return answered(recommendation.state, recommendation.response)


def answered_state(state: RecommendationState) -> bool:
    """Tell whether a state is a decision: it answers once its reason is given where one is required."""
    return state in DECISIONS


def needs_reason(state: RecommendationState) -> bool:
    """Tell whether a state may only be given with a written reason."""
    return state in REASON_REQUIRED


def missing_reason(state: RecommendationState, response: str | None) -> bool:
    """Tell whether a recommendation was turned down (in part) without a reason: flagged, and not answered."""
    return state in REASON_REQUIRED and not is_reason(response)


class AnswerEntry(Row):
    """One reasoned response in a recommendation's history, and when its author's notice was sent."""

    id: int
    recommendation_id: int
    state: RecommendationState
    response: str | None
    responder_id: int | None
    created_at: datetime
    outbox_id: int | None
    told_at: datetime | None = None


_SELECT = "SELECT * FROM recommendations WHERE id = ?"
_UPDATE = """
UPDATE recommendations SET state = ?, response = ?, responded_by = ?, responded_at = COALESCE(?, responded_at)
WHERE id = ? RETURNING *
"""
_INSERT_ENTRY = """
INSERT INTO recommendation_answers (recommendation_id, state, response, responder_id, created_at)
VALUES (?, ?, ?, ?, ?) RETURNING id
"""
# A notice already sent when it is linked (a replay, an import) gives its time at once; otherwise the trigger of
# migration 011 sets told_at when the sender marks it sent.
_LINK_NOTICE = """
UPDATE recommendation_answers SET outbox_id = ?1, told_at = (SELECT sent_at FROM outbox WHERE id = ?1) WHERE id = ?2
"""
_HISTORY = """
SELECT a.* FROM recommendation_answers a WHERE a.recommendation_id = ? ORDER BY a.created_at, a.id
"""


async def record_answer(
    conn: aiosqlite.Connection,
    recommendation_id: int,
    state: RecommendationState,
    response: str | None,
    responder_id: int,
    now: datetime,
) -> tuple[Recommendation, int] | None:
    """Store a state with its response (or none) and add it to the history; return the row and the entry's id.

    `responded_at` is when the recommendation first became answered; changing an answer later keeps it.
    """
    row = await fetch_one(conn, _SELECT, (recommendation_id,))
    if row is None:
        return None
    before = Recommendation.from_row(row)
    first = answered(state, response) and not is_answered(before)
    params = (state.value, response, responder_id, to_db(now) if first else None, recommendation_id)
    updated = await fetch_one(conn, _UPDATE, params)
    entry = await fetch_one(conn, _INSERT_ENTRY, (recommendation_id, state.value, response, responder_id, to_db(now)))
    if updated is None or entry is None:
        return None
    return Recommendation.from_row(updated), int(entry[0])


async def link_notice(conn: aiosqlite.Connection, entry_id: int, outbox_id: int) -> None:
    """Record which outbox message told the author about an answer."""
    await conn.execute(_LINK_NOTICE, (outbox_id, entry_id))


async def history(conn: aiosqlite.Connection, recommendation_id: int) -> list[AnswerEntry]:
    """Return a recommendation's reasoned responses, oldest first, with when each notice was sent."""
    return [AnswerEntry.from_row(r) for r in await fetch_all(conn, _HISTORY, (recommendation_id,))]
