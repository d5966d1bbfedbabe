"""Consultation rounds: working groups, discussion questions, members, endorsements, attendance and findings."""

from __future__ import annotations

import secrets
import sqlite3
from datetime import date, datetime
from enum import StrEnum

import aiosqlite
from pydantic import BaseModel, ConfigDict

from storage.database import fetch_all, fetch_one
from storage.merges import ENDORSERS_SQL, RAISED_SQL
from storage.models import Commitment, Participant, RecommendationState, Row
from storage.publishing import NAMED_SQL, PUBLISHED_SQL, PublishMode, immediate
from storage.timefmt import to_db

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are read off slides and typed
CODE_LENGTH = 6
LINK_PREFIX = "r_"


class RoundState(StrEnum):
    """Where a round stands: prepared, taking input, or finished."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


STATE_KEYS = {
    RoundState.DRAFT: "round-state-draft",
    RoundState.OPEN: "round-state-open",
    RoundState.CLOSED: "round-state-closed",
}
ENDED_KEY = "round-state-ended"  # open, but its deadline has passed («انتهت»)


class Round(Row):
    """A consultation round: a meeting in a hall or online, with a deadline for input."""

    id: int
    code: str
    name: str
    held_on: date | None
    place: str | None
    online: bool
    deadline: datetime | None
    state: RoundState
    created_by: int | None
    created_at: datetime
    opened_at: datetime | None
    closed_at: datetime | None
    name_en: str | None = None  # None: the English reader sees the Arabic name (Messages.name)
    place_en: str | None = None
    # The timeline (storage.timeline): when it was announced, a short notice confirmed, the announcement sent.
    announced_on: date | None = None
    short_notice_confirmed_at: datetime | None = None
    short_notice_confirmed_by: int | None = None
    announcement_sent_at: datetime | None = None
    announcement_batch: str | None = None
    announcement_recipients: int | None = None
    public_join: bool = False  # a coordinator chose to publish the join link on the public site

    @property
    def link_payload(self) -> str:
        """Return the /start payload that joins this round."""
        return LINK_PREFIX + self.code

    def stage_key(self, now: datetime) -> str:
        """Return the catalogue key of where the round stands now: its state, or ended when open past its deadline."""
        if self.state is RoundState.OPEN and not self.accepts_input(now):
            return ENDED_KEY
        return STATE_KEYS[self.state]

    def accepts_input(self, now: datetime) -> bool:
        """Tell whether the round is open and its deadline has not passed."""
        return self.state is RoundState.OPEN and (self.deadline is None or now <= self.deadline)


# The seed meeting's five discussion topics, in its order: stored by key, worded in the catalogue (in either language).
DEFAULT_QUESTIONS = {
    "progress": "rq-default-progress",
    "challenges": "rq-default-challenges",
    "expectations": "rq-default-expectations",
    "mechanisms": "rq-default-mechanisms",
    "civil_society": "rq-default-civil-society",
}


class Question(Row):
    """A question the working groups discuss: a default one (its key) or one a coordinator typed (text_ar)."""

    id: int
    round_id: int
    commitment_id: int | None
    position: int
    key: str | None
    text_ar: str
    text_en: str | None = None  # a typed question's English version, when given

    @property
    def name_key(self) -> str | None:
        """Return the catalogue key of a default question's wording (Messages.name reads it), None if typed."""
        return DEFAULT_QUESTIONS.get(self.key) if self.key else None


class Membership(Row):
    """A participant in a round's working group."""

    round_id: int
    participant_id: int
    commitment_id: int
    joined_at: datetime
    updated_at: datetime


class RoundInput(Row):
    """A recommendation made in a round, with its discussion question and endorsement count."""

    id: int
    round_id: int | None
    participant_id: int | None
    commitment_id: int
    theme_id: int | None
    question_id: int | None
    text: str
    created_at: datetime
    endorsements: int
    endorsed_by_me: bool = False
    voice_seconds: int | None = None  # a voice recommendation: reports.said names it by its length
    transcript: str | None = None
    group_round_id: int | None = None  # a working group's finding, entered by its rapporteur
    at_table: int | None = None
    raised_by: int = 1  # people or working groups who raised it, with those merged into it
    state: RecommendationState | None = None  # the public report's "what we did": the current answer
    response: str | None = None


class MemberContact(BaseModel):
    """A round member as a reminder job needs them: where to reach them and whether they sent input yet."""

    model_config = ConfigDict(frozen=True)

    participant_id: int
    commitment_id: int
    channel: str
    external_id: str
    contributions: int
    notify_reminders: bool
    language: str = "ar"  # the language the member reads


class DueRound(BaseModel):
    """An open round whose deadline falls in a window, with its reachable members."""

    model_config = ConfigDict(frozen=True)

    round: Round
    members: tuple[MemberContact, ...]


_INSERT_ROUND = """
INSERT INTO rounds (code, name, held_on, place, online, deadline, created_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *
"""
_INSERT_ROUND_COMMITMENT = "INSERT INTO round_commitments (round_id, commitment_id) VALUES (?, ?)"
_INSERT_QUESTION = """
INSERT INTO round_questions (round_id, commitment_id, position, key, text_ar) VALUES (?, ?, ?, ?, ?)
"""
_SELECT_ROUND = "SELECT * FROM rounds WHERE id = ?"
_SELECT_ROUND_BY_CODE = "SELECT * FROM rounds WHERE code = ?"
_SELECT_ROUNDS = "SELECT * FROM rounds ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"
_COUNT_ROUNDS = "SELECT COUNT(*) FROM rounds"
_OPEN = """
UPDATE rounds SET state = 'open', opened_at = COALESCE(opened_at, ?), closed_at = NULL WHERE id = ? RETURNING *
"""
_CLOSE = "UPDATE rounds SET state = 'closed', closed_at = ? WHERE id = ? RETURNING *"
_SET_DEADLINE = "UPDATE rounds SET deadline = ? WHERE id = ? RETURNING *"
_SET_PUBLIC_JOIN = "UPDATE rounds SET public_join = ? WHERE id = ? RETURNING *"
_SELECT_ROUND_COMMITMENTS = """
SELECT c.* FROM commitments c JOIN round_commitments rc ON rc.commitment_id = c.id
WHERE rc.round_id = ? ORDER BY c.number
"""
_SELECT_QUESTIONS = "SELECT * FROM round_questions WHERE round_id = ? ORDER BY position, id"
_SELECT_GROUP_QUESTIONS = """
SELECT * FROM round_questions WHERE round_id = ? AND (commitment_id IS NULL OR commitment_id = ?)
ORDER BY position, id
"""
_SELECT_QUESTION = "SELECT * FROM round_questions WHERE id = ?"


def new_code() -> str:
    """Return a fresh random round code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


async def create_round(
    conn: aiosqlite.Connection,
    *,
    name: str,
    held_on: date | None,
    place: str | None,
    online: bool,
    deadline: datetime | None,
    commitment_ids: list[int],
    questions: list[tuple[str | None, str]],
    created_by: int | None,
    now: datetime,
) -> Round:
    """Create a draft round with its working groups and (key, text) questions shared by every group."""
    row = None
    for _ in range(10):  # a clash among 32**6 codes is rare; try again rather than fail
        params = (
            new_code(),
            name,
            held_on.isoformat() if held_on else None,
            place,
            int(online),
            to_db(deadline) if deadline else None,
            created_by,
            to_db(now),
        )
        try:
            row = await fetch_one(conn, _INSERT_ROUND, params)
            break
        except sqlite3.IntegrityError:
            continue
    if row is None:
        raise RuntimeError("could not find a free round code")
    created = Round.from_row(row)
    for commitment_id in commitment_ids:
        await conn.execute(_INSERT_ROUND_COMMITMENT, (created.id, commitment_id))
    for position, (key, text) in enumerate(questions, start=1):
        await conn.execute(_INSERT_QUESTION, (created.id, None, position, key, text))
    return created


async def get_round(conn: aiosqlite.Connection, round_id: int) -> Round | None:
    """Return a round by id."""
    row = await fetch_one(conn, _SELECT_ROUND, (round_id,))
    return Round.from_row(row) if row else None


async def get_round_by_code(conn: aiosqlite.Connection, code: str) -> Round | None:
    """Return a round by its join code (without the r_ prefix)."""
    row = await fetch_one(conn, _SELECT_ROUND_BY_CODE, (code.upper(),))
    return Round.from_row(row) if row else None


async def list_rounds(conn: aiosqlite.Connection, *, limit: int, offset: int = 0) -> list[Round]:
    """Return rounds, newest first."""
    return [Round.from_row(r) for r in await fetch_all(conn, _SELECT_ROUNDS, (limit, offset))]


async def count_rounds(conn: aiosqlite.Connection) -> int:
    """Return how many rounds exist."""
    row = await fetch_one(conn, _COUNT_ROUNDS)
    return int(row[0]) if row else 0


async def _changed(conn: aiosqlite.Connection, sql: str, params: tuple[str | int, int]) -> Round:
    row = await fetch_one(conn, sql, params)
    if row is None:
        raise LookupError(f"round {params[1]} does not exist")
    return Round.from_row(row)


async def open_round(conn: aiosqlite.Connection, round_id: int, now: datetime) -> Round:
    """Open (or reopen) a round for joining and input; return it as it is now."""
    return await _changed(conn, _OPEN, (to_db(now), round_id))


async def close_round(conn: aiosqlite.Connection, round_id: int, now: datetime) -> Round:
    """Close a round: no more joining or input; return it as it is now."""
    return await _changed(conn, _CLOSE, (to_db(now), round_id))


async def set_deadline(conn: aiosqlite.Connection, round_id: int, deadline: datetime) -> Round:
    """Move a round's deadline for input; return the round as it is now."""
    return await _changed(conn, _SET_DEADLINE, (to_db(deadline), round_id))


async def set_public_join(conn: aiosqlite.Connection, round_id: int, public: bool) -> Round:
    """Publish (or stop publishing) the round's join link on the public site; return the round as it is now."""
    return await _changed(conn, _SET_PUBLIC_JOIN, (int(public), round_id))


async def round_commitments(conn: aiosqlite.Connection, round_id: int) -> list[Commitment]:
    """Return the commitments in a round's scope (its working groups), by number."""
    return [Commitment.from_row(r) for r in await fetch_all(conn, _SELECT_ROUND_COMMITMENTS, (round_id,))]


async def list_questions(conn: aiosqlite.Connection, round_id: int, commitment_id: int | None = None) -> list[Question]:
    """Return a round's questions; with a commitment, those its working group discusses."""
    query = _SELECT_QUESTIONS if commitment_id is None else _SELECT_GROUP_QUESTIONS
    params: tuple[int, ...] = (round_id,) if commitment_id is None else (round_id, commitment_id)
    return [Question.from_row(r) for r in await fetch_all(conn, query, params)]


async def get_question(conn: aiosqlite.Connection, question_id: int) -> Question | None:
    """Return one discussion question."""
    row = await fetch_one(conn, _SELECT_QUESTION, (question_id,))
    return Question.from_row(row) if row else None


_UPSERT_MEMBER = """
INSERT INTO round_members (round_id, participant_id, commitment_id, joined_at, updated_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (round_id, participant_id) DO UPDATE SET commitment_id = excluded.commitment_id,
    updated_at = excluded.updated_at
RETURNING *
"""
_SELECT_MEMBER = "SELECT * FROM round_members WHERE round_id = ? AND participant_id = ?"
_SELECT_GROUP_MEMBERS = """
SELECT p.* FROM participants p JOIN round_members m ON m.participant_id = p.id
WHERE m.round_id = ? AND m.commitment_id = ? AND p.forgotten_at IS NULL ORDER BY p.name, p.id
"""
_SELECT_CURRENT_MEMBER = """
SELECT m.* FROM round_members m JOIN rounds r ON r.id = m.round_id
WHERE m.participant_id = ? AND r.state = 'open' ORDER BY m.updated_at DESC, m.round_id DESC LIMIT 1
"""


async def join_group(
    conn: aiosqlite.Connection, round_id: int, participant_id: int, commitment_id: int, now: datetime
) -> Membership:
    """Put a participant in a round's working group (moving them if they were in another)."""
    stamp = to_db(now)
    row = await fetch_one(conn, _UPSERT_MEMBER, (round_id, participant_id, commitment_id, stamp, stamp))
    return Membership.from_row(row)


async def group_members(conn: aiosqlite.Connection, round_id: int, commitment_id: int) -> list[Participant]:
    """Return the people who joined a round's working group through the bot, by name."""
    rows = await fetch_all(conn, _SELECT_GROUP_MEMBERS, (round_id, commitment_id))
    return [Participant.from_row(r) for r in rows]


async def get_membership(conn: aiosqlite.Connection, round_id: int, participant_id: int) -> Membership | None:
    """Return a participant's membership in a round."""
    row = await fetch_one(conn, _SELECT_MEMBER, (round_id, participant_id))
    return Membership.from_row(row) if row else None


async def current_membership(conn: aiosqlite.Connection, participant_id: int) -> tuple[Round, Membership] | None:
    """Return the open round the participant joined (or moved group in) most recently, with the membership."""
    row = await fetch_one(conn, _SELECT_CURRENT_MEMBER, (participant_id,))
    if row is None:
        return None
    membership = Membership.from_row(row)
    found = await get_round(conn, membership.round_id)
    return (found, membership) if found else None


# Each query takes the viewing participant first (for endorsed_by_me; 0 when nobody is viewing).
_SELECT_GROUP_INPUTS = """
SELECT r.id, r.round_id, r.participant_id, r.commitment_id, r.theme_id, r.question_id, r.text, r.created_at,
       r.voice_seconds, r.transcript, r.group_round_id, r.at_table,
       (SELECT COUNT(*) FROM endorsements e WHERE e.recommendation_id = r.id) AS endorsements,
       EXISTS (SELECT 1 FROM endorsements e WHERE e.recommendation_id = r.id AND e.participant_id = ?)
         AS endorsed_by_me
FROM recommendations r
WHERE r.round_id = ? AND r.commitment_id = ? AND r.hidden = 0
ORDER BY endorsements DESC, r.id LIMIT ? OFFSET ?
"""
_COUNT_GROUP_INPUTS = """
SELECT COUNT(*) FROM recommendations WHERE round_id = ? AND commitment_id = ? AND hidden = 0
"""
# A round's findings list each kept recommendation once, counting what was merged into it.
_SELECT_ROUND_INPUTS = f"""
SELECT r.id, r.round_id, r.participant_id, r.commitment_id, r.theme_id, r.question_id, r.text, r.created_at,
       r.voice_seconds, r.transcript, r.group_round_id, r.at_table,
       {ENDORSERS_SQL} AS endorsements, {RAISED_SQL} AS raised_by,
       EXISTS (SELECT 1 FROM endorsements e WHERE e.recommendation_id = r.id AND e.participant_id = ?)
         AS endorsed_by_me
FROM recommendations r WHERE r.round_id = ? AND r.hidden = 0 AND r.merged_into IS NULL
ORDER BY r.commitment_id, endorsements DESC, r.id
"""  # noqa: S608 - built from constant SQL fragments, never from values
_SELECT_PUBLIC_ROUND_INPUTS = f"""
SELECT r.id, r.round_id, r.participant_id, r.commitment_id, r.theme_id, r.question_id, r.text, r.created_at,
       r.voice_seconds, r.transcript, r.group_round_id, r.at_table, r.state, r.response,
       (SELECT COUNT(*) FROM endorsements e WHERE e.recommendation_id = r.id) AS endorsements, 0 AS endorsed_by_me
FROM recommendations r WHERE r.round_id = :round AND {PUBLISHED_SQL}
ORDER BY r.commitment_id, endorsements DESC, r.id
"""  # noqa: S608 - built from constant SQL fragments, never from values
_SELECT_INPUT = """
SELECT r.id, r.round_id, r.participant_id, r.commitment_id, r.theme_id, r.question_id, r.text, r.created_at,
       r.voice_seconds, r.transcript, r.group_round_id, r.at_table,
       (SELECT COUNT(*) FROM endorsements e WHERE e.recommendation_id = r.id) AS endorsements,
       EXISTS (SELECT 1 FROM endorsements e WHERE e.recommendation_id = r.id AND e.participant_id = ?)
         AS endorsed_by_me
FROM recommendations r WHERE r.id = ? AND r.hidden = 0
"""
_TAG_QUESTION = "UPDATE recommendations SET question_id = ? WHERE id = ?"


async def group_inputs(
    conn: aiosqlite.Connection,
    round_id: int,
    commitment_id: int,
    *,
    viewer_id: int,
    limit: int,
    offset: int = 0,
) -> list[RoundInput]:
    """Return a working group's visible recommendations in a round, most endorsed first."""
    params = (viewer_id, round_id, commitment_id, limit, offset)
    return [RoundInput.from_row(r) for r in await fetch_all(conn, _SELECT_GROUP_INPUTS, params)]


async def count_group_inputs(conn: aiosqlite.Connection, round_id: int, commitment_id: int) -> int:
    """Return how many visible recommendations a working group made in a round."""
    row = await fetch_one(conn, _COUNT_GROUP_INPUTS, (round_id, commitment_id))
    return int(row[0]) if row else 0


async def get_input(conn: aiosqlite.Connection, recommendation_id: int, viewer_id: int) -> RoundInput | None:
    """Return one visible recommendation with its endorsement count (None when hidden or gone)."""
    row = await fetch_one(conn, _SELECT_INPUT, (viewer_id, recommendation_id))
    return RoundInput.from_row(row) if row else None


async def tag_question(conn: aiosqlite.Connection, recommendation_id: int, question_id: int) -> None:
    """Record which discussion question a recommendation answers."""
    await conn.execute(_TAG_QUESTION, (question_id, recommendation_id))


_SELECT_MEMBER_PROFILES = """
SELECT m.commitment_id, p.sector, p.organisation,
       EXISTS (SELECT 1 FROM roles o WHERE o.participant_id = p.id AND o.role = 'liaison') AS liaison
FROM round_members m JOIN participants p ON p.id = m.participant_id
WHERE m.round_id = ? AND p.forgotten_at IS NULL
"""
# The public site's version: an organisation is named only by people who agreed to be named.
_SELECT_PUBLIC_MEMBER_PROFILES = f"""
SELECT m.commitment_id, p.sector, CASE WHEN {NAMED_SQL} THEN p.organisation END AS organisation,
       EXISTS (SELECT 1 FROM roles o WHERE o.participant_id = p.id AND o.role = 'liaison') AS liaison
FROM round_members m JOIN participants p ON p.id = m.participant_id
WHERE m.round_id = ? AND p.forgotten_at IS NULL
"""  # noqa: S608 - built from constant SQL fragments, never from values


class MemberProfile(Row):
    """Who one member of a round is, as attendance counts them."""

    commitment_id: int
    sector: str | None
    organisation: str | None
    liaison: bool


async def member_profiles(
    conn: aiosqlite.Connection, round_id: int, *, named_only: bool = False
) -> list[MemberProfile]:
    """Return a round's members (named_only: an organisation only for those who agreed to be named)."""
    query = _SELECT_PUBLIC_MEMBER_PROFILES if named_only else _SELECT_MEMBER_PROFILES
    return [MemberProfile.from_row(r) for r in await fetch_all(conn, query, (round_id,))]


_SELECT_THEME_TITLES = """
SELECT t.id, t.title_ar, NULLIF(t.title_en, '')
FROM themes t JOIN round_commitments rc ON rc.commitment_id = t.commitment_id
WHERE rc.round_id = ?
"""


async def theme_titles(conn: aiosqlite.Connection, round_id: int) -> dict[int, tuple[str, str | None]]:
    """Return the Arabic and English titles of the themes of a round's commitments, by theme id."""
    return {r[0]: (r[1], r[2]) for r in await fetch_all(conn, _SELECT_THEME_TITLES, (round_id,))}


async def round_inputs(
    conn: aiosqlite.Connection, round_id: int, *, publish: PublishMode | None = None
) -> list[RoundInput]:
    """Return a round's visible recommendations (publish: only the published), by group, most endorsed first."""
    if publish is None:
        rows = await fetch_all(conn, _SELECT_ROUND_INPUTS, (0, round_id))
    else:
        rows = await fetch_all(conn, _SELECT_PUBLIC_ROUND_INPUTS, {"round": round_id, "immediate": immediate(publish)})
    return [RoundInput.from_row(r) for r in rows]


_SELECT_DUE_ROUNDS = """
SELECT * FROM rounds WHERE state = 'open' AND deadline IS NOT NULL AND deadline > ? AND deadline <= ?
ORDER BY deadline, id
"""
# One identity per member (Telegram first), as the reminder jobs address people.
_SELECT_MEMBER_CONTACTS = """
SELECT m.participant_id, m.commitment_id, ident.channel, ident.external_id, p.notify_reminders, p.language,
       (SELECT COUNT(*) FROM recommendations r WHERE r.round_id = m.round_id AND r.participant_id = m.participant_id)
         AS contributions
FROM round_members m
JOIN participants p ON p.id = m.participant_id
JOIN identities ident ON ident.rowid = (SELECT i.rowid FROM identities i WHERE i.participant_id = p.id
                                        ORDER BY i.channel = 'telegram' DESC, i.channel LIMIT 1)
WHERE m.round_id = ? AND p.forgotten_at IS NULL AND p.unreachable_at IS NULL
ORDER BY m.participant_id
"""


async def member_contacts(conn: aiosqlite.Connection, round_id: int) -> list[MemberContact]:
    """Return a round's reachable members, one identity each (for notices about the round)."""
    return [MemberContact.model_validate(dict(r)) for r in await fetch_all(conn, _SELECT_MEMBER_CONTACTS, (round_id,))]


async def rounds_due(conn: aiosqlite.Connection, after: datetime, until: datetime) -> list[DueRound]:
    """Return open rounds whose deadline falls in (after, until], each with its reachable members."""
    due = [Round.from_row(r) for r in await fetch_all(conn, _SELECT_DUE_ROUNDS, (to_db(after), to_db(until)))]
    result = []
    for found in due:
        members = tuple(
            MemberContact.model_validate(dict(r)) for r in await fetch_all(conn, _SELECT_MEMBER_CONTACTS, (found.id,))
        )
        result.append(DueRound(round=found, members=members))
    return result
