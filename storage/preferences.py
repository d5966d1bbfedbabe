"""A participant's notification preferences."""

from __future__ import annotations

from enum import StrEnum

import aiosqlite

from storage.database import fetch_one
from storage.models import Participant


class Notice(StrEnum):
    """The kinds of message a participant can turn off."""

    ANSWERS = "answers"
    STATUS = "status"
    REMINDERS = "reminders"


_SET = {
    Notice.ANSWERS: "UPDATE participants SET notify_answers = ? WHERE id = ? RETURNING *",
    Notice.STATUS: "UPDATE participants SET notify_status = ? WHERE id = ? RETURNING *",
    Notice.REMINDERS: "UPDATE participants SET notify_reminders = ? WHERE id = ? RETURNING *",
}


async def set_preference(conn: aiosqlite.Connection, participant_id: int, notice: Notice, on: bool) -> Participant:
    """Turn one kind of message on or off; return the updated participant."""
    row = await fetch_one(conn, _SET[notice], (int(on), participant_id))
    return Participant.from_row(row)


def is_on(participant: Participant, notice: Notice) -> bool:
    """Tell whether a participant receives one kind of message."""
    return {
        Notice.ANSWERS: participant.notify_answers,
        Notice.STATUS: participant.notify_status,
        Notice.REMINDERS: participant.notify_reminders,
    }[notice]
