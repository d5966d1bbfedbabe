"""Editing a draft or open round: its name, date, place, working groups and discussion questions."""

from __future__ import annotations

from datetime import date

import aiosqlite

from storage.database import fetch_value
from storage.rounds import Question, Round, get_round, list_questions, round_commitments

_SET_NAME = "UPDATE rounds SET name = ? WHERE id = ?"
_SET_DATE = "UPDATE rounds SET held_on = ? WHERE id = ?"
_SET_PLACE = "UPDATE rounds SET place = ?, online = ? WHERE id = ?"
_SET_NAME_EN = "UPDATE rounds SET name_en = ? WHERE id = ?"
_SET_PLACE_EN = "UPDATE rounds SET place_en = ? WHERE id = ?"
_SET_QUESTION_EN = "UPDATE round_questions SET text_en = ? WHERE id = ?"
_ADD_GROUP = "INSERT OR IGNORE INTO round_commitments (round_id, commitment_id) VALUES (?, ?)"
_DROP_GROUP = "DELETE FROM round_commitments WHERE round_id = ? AND commitment_id = ?"
_GROUP_IN_USE = """
SELECT EXISTS (SELECT 1 FROM round_members WHERE round_id = ?1 AND commitment_id = ?2)
    OR EXISTS (SELECT 1 FROM recommendations WHERE round_id = ?1 AND commitment_id = ?2)
"""
_QUESTION_IN_USE = "SELECT EXISTS (SELECT 1 FROM recommendations WHERE question_id = ?)"
# A reworded question loses its English version, which said the old thing.
_SET_QUESTION = "UPDATE round_questions SET text_ar = ?, key = NULL, text_en = NULL WHERE id = ? AND text_ar != ?"
_ADD_QUESTION = (
    "INSERT INTO round_questions (round_id, commitment_id, position, key, text_ar) VALUES (?, NULL, ?, NULL, ?)"
)
_DROP_QUESTION = "DELETE FROM round_questions WHERE id = ?"


async def _round(conn: aiosqlite.Connection, round_id: int) -> Round:
    found = await get_round(conn, round_id)
    if found is None:
        raise LookupError(f"round {round_id} does not exist")
    return found


async def rename(conn: aiosqlite.Connection, round_id: int, name: str) -> Round:
    """Rename a round; return it as it is now."""
    await conn.execute(_SET_NAME, (name, round_id))
    return await _round(conn, round_id)


async def set_name_en(conn: aiosqlite.Connection, round_id: int, name: str | None) -> Round:
    """Give a round's name in English (None: none, the Arabic shows); return it as it is now."""
    await conn.execute(_SET_NAME_EN, (name, round_id))
    return await _round(conn, round_id)


async def set_place_en(conn: aiosqlite.Connection, round_id: int, place: str | None) -> Round:
    """Give a round's place in English (None: none, the Arabic shows); return it as it is now."""
    await conn.execute(_SET_PLACE_EN, (place, round_id))
    return await _round(conn, round_id)


async def set_questions_en(conn: aiosqlite.Connection, questions: list[Question], texts: list[str | None]) -> None:
    """Give these questions their English versions, in order (None: none, the Arabic or the catalogue's shows)."""
    await conn.executemany(_SET_QUESTION_EN, [(text, q.id) for q, text in zip(questions, texts, strict=True)])


async def set_date(conn: aiosqlite.Connection, round_id: int, held_on: date) -> Round:
    """Change the day a round is held; return it as it is now."""
    await conn.execute(_SET_DATE, (held_on.isoformat(), round_id))
    return await _round(conn, round_id)


async def set_place(conn: aiosqlite.Connection, round_id: int, place: str | None, *, online: bool) -> Round:
    """Change where a round is held (a place, or online); return it as it is now."""
    await conn.execute(_SET_PLACE, (place, int(online), round_id))
    return await _round(conn, round_id)


async def groups_in_use(conn: aiosqlite.Connection, round_id: int, commitment_ids: list[int]) -> list[int]:
    """Return which of these working groups have members or input (they cannot leave the round)."""
    return [c for c in commitment_ids if await fetch_value(conn, _GROUP_IN_USE, (round_id, c))]


async def set_groups(conn: aiosqlite.Connection, round_id: int, commitment_ids: list[int]) -> None:
    """Make a round's working groups exactly these commitments (check groups_in_use first)."""
    current = {c.id for c in await round_commitments(conn, round_id)}
    wanted = set(commitment_ids)
    await conn.executemany(_ADD_GROUP, [(round_id, c) for c in sorted(wanted - current)])
    await conn.executemany(_DROP_GROUP, [(round_id, c) for c in sorted(current - wanted)])


async def questions_in_use(conn: aiosqlite.Connection, questions: list[Question]) -> list[Question]:
    """Return which of these questions recommendations answer (they cannot be removed)."""
    return [q for q in questions if await fetch_value(conn, _QUESTION_IN_USE, (q.id,))]


async def set_questions(conn: aiosqlite.Connection, round_id: int, texts: list[str]) -> list[Question]:
    """Make a round's shared questions these texts, in order: reworded in place, added, or removed (check
    questions_in_use for the ones beyond the new list first); return them as they are now."""
    current = [q for q in await list_questions(conn, round_id) if q.commitment_id is None]
    for question, text in zip(current, texts, strict=False):
        await conn.execute(_SET_QUESTION, (text, question.id, text))
    last = max((q.position for q in current), default=0)
    for offset, text in enumerate(texts[len(current) :], start=1):
        await conn.execute(_ADD_QUESTION, (round_id, last + offset, text))
    for question in current[len(texts) :]:
        await conn.execute(_DROP_QUESTION, (question.id,))
    return await list_questions(conn, round_id)
