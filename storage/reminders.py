"""Reminders in SQL: the rules coordinators stored, who gets reminded, what is due, and what was said already."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime

import aiosqlite
from pydantic import BaseModel, ConfigDict

from storage.answers import compose
from storage.database import fetch_all, fetch_one
from storage.models import Row
from storage.participants import chat_language
from storage.timefmt import to_db

_SELECT_RULES = "SELECT key, value FROM reminder_rules"
_UPSERT_RULE = """
INSERT INTO reminder_rules (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,
                                updated_at = excluded.updated_at
"""
_DELETE_RULE = "DELETE FROM reminder_rules WHERE key = ?"


async def stored_rules(conn: aiosqlite.Connection) -> dict[str, str]:
    """Return the rule values coordinators stored, by rule key (validated by handlers.kit.reminder_rules)."""
    return {r["key"]: r["value"] for r in await fetch_all(conn, _SELECT_RULES)}


async def save_rule(conn: aiosqlite.Connection, key: str, value: str, by: int | None, now: datetime) -> None:
    """Store one rule's value (already validated with parse_rule)."""
    await conn.execute(_UPSERT_RULE, (key, value, by, to_db(now)))


async def reset_rule(conn: aiosqlite.Connection, key: str) -> None:
    """Go back to the default of one rule."""
    await conn.execute(_DELETE_RULE, (key,))


# ---------------------------------------------------------------------------------------------------------------
# Who is reminded


class Contact(BaseModel):
    """Where one person is reached: one identity per participant (Telegram first)."""

    model_config = ConfigDict(frozen=True)

    participant_id: int | None
    channel: str
    external_id: str
    notify_reminders: bool = True
    language: str = "ar"  # the language the person reads

    @property
    def address(self) -> str:
        """Return channel:external id, the key of a recipient."""
        return f"{self.channel}:{self.external_id}"


class LiaisonContact(Contact):
    """A liaison officer for one commitment."""

    commitment_id: int


# Each query joins the one identity a push uses: Telegram before the others.
_SELECT_LIAISONS = """
SELECT r.participant_id, r.commitment_id, p.notify_reminders, p.language, ident.channel, ident.external_id
FROM roles r JOIN participants p ON p.id = r.participant_id
JOIN identities ident ON ident.rowid = (SELECT i.rowid FROM identities i WHERE i.participant_id = p.id
                                        ORDER BY i.channel = 'telegram' DESC, i.channel LIMIT 1)
WHERE r.role = 'liaison' AND r.commitment_id IS NOT NULL
  AND p.unreachable_at IS NULL AND p.forgotten_at IS NULL
ORDER BY r.commitment_id, r.participant_id
"""
_SELECT_ROLE_COORDINATORS = """
SELECT p.id AS participant_id, p.notify_reminders, p.language, ident.channel, ident.external_id
FROM roles r JOIN participants p ON p.id = r.participant_id
JOIN identities ident ON ident.rowid = (SELECT i.rowid FROM identities i WHERE i.participant_id = p.id
                                        ORDER BY i.channel = 'telegram' DESC, i.channel LIMIT 1)
WHERE r.role = 'coordinator' AND p.unreachable_at IS NULL AND p.forgotten_at IS NULL
"""
_SELECT_IDENTITY_OWNER = """
SELECT p.id, p.notify_reminders, p.unreachable_at, p.forgotten_at
FROM identities i JOIN participants p ON p.id = i.participant_id WHERE i.channel = ? AND i.external_id = ?
"""


async def liaison_contacts(conn: aiosqlite.Connection) -> list[LiaisonContact]:
    """Return every reachable liaison officer with the commitment they answer for."""
    return [LiaisonContact.model_validate(dict(r)) for r in await fetch_all(conn, _SELECT_LIAISONS)]


async def coordinator_contacts(conn: aiosqlite.Connection, configured: Iterable[str]) -> list[Contact]:
    """Return the coordinators: those granted the role and those named in OGP_COORDINATORS, once each."""
    found = {
        c.address: c
        for c in (Contact.model_validate(dict(r)) for r in await fetch_all(conn, _SELECT_ROLE_COORDINATORS))
    }
    for contact in await configured_contacts(conn, [entry for entry in configured if entry not in found]):
        found[contact.address] = contact
    return list(found.values())


async def configured_contacts(conn: aiosqlite.Connection, configured: Iterable[str]) -> list[Contact]:
    """Return the reachable people named in a setting (channel:id), each with the language they read."""
    found: list[Contact] = []
    for entry in dict.fromkeys(configured):
        channel, _, external_id = entry.partition(":")
        owner = await fetch_one(conn, _SELECT_IDENTITY_OWNER, (channel, external_id))
        if owner is not None and (owner["unreachable_at"] or owner["forgotten_at"]):
            continue
        found.append(
            Contact(
                participant_id=owner["id"] if owner else None,
                channel=channel,
                external_id=external_id,
                notify_reminders=bool(owner["notify_reminders"]) if owner else True,
                language=await chat_language(conn, channel, external_id),
            )
        )
    return found


# ---------------------------------------------------------------------------------------------------------------
# What is due


class OverdueRecommendation(Row):
    """A recommendation nobody has answered yet."""

    id: int
    commitment_id: int
    commitment_number: int
    created_at: datetime


class DueMilestone(Row):
    """An unfinished milestone with an end date."""

    id: int
    commitment_id: int
    title: str
    end_date: date
    title_en: str | None = None


_SELECT_LAST_UPDATES = "SELECT commitment_id, MAX(created_at) AS at FROM status_updates GROUP BY commitment_id"
# Waiting: not answered in storage.answers' one sense (a reason-less refusal waits too).
_SELECT_UNANSWERED = compose("""
SELECT r.id, r.commitment_id, c.number AS commitment_number, r.created_at
FROM recommendations r JOIN commitments c ON c.id = r.commitment_id
JOIN plans pl ON pl.id = c.plan_id AND pl.active = 1
WHERE NOT {ANSWERED} AND r.hidden = 0 AND r.created_at <= ?
  AND (? IS NULL OR r.commitment_id IN (SELECT value FROM json_each(?)))
ORDER BY c.number, r.id
""")
_SELECT_OPEN_MILESTONES = """
SELECT m.id, m.commitment_id, m.title, m.title_en, m.end_date FROM milestones m
JOIN commitments c ON c.id = m.commitment_id JOIN plans pl ON pl.id = c.plan_id AND pl.active = 1
WHERE m.end_date IS NOT NULL AND m.state != 'complete' AND m.end_date BETWEEN ? AND ?
ORDER BY m.end_date, m.id
"""


async def last_updates(conn: aiosqlite.Connection) -> dict[int, datetime]:
    """Return when each commitment last had a progress update."""
    return {r["commitment_id"]: datetime.fromisoformat(r["at"]) for r in await fetch_all(conn, _SELECT_LAST_UPDATES)}


async def unanswered(
    conn: aiosqlite.Connection, received_before: datetime, commitments: Iterable[int] | None = None
) -> list[OverdueRecommendation]:
    """Return unanswered recommendations of the active plan received before a moment (on these commitments only)."""
    wanted = None if commitments is None else json.dumps(sorted(commitments))
    return [
        OverdueRecommendation.from_row(r)
        for r in await fetch_all(conn, _SELECT_UNANSWERED, (to_db(received_before), wanted, wanted))
    ]


async def open_milestones(conn: aiosqlite.Connection, ending_from: date, ending_to: date) -> list[DueMilestone]:
    """Return unfinished milestones of the active plan ending between two dates (inclusive)."""
    return [
        DueMilestone.from_row(r)
        for r in await fetch_all(conn, _SELECT_OPEN_MILESTONES, (ending_from.isoformat(), ending_to.isoformat()))
    ]


# ---------------------------------------------------------------------------------------------------------------
# What reminders already covered

_LOG = """
INSERT INTO reminder_log (rule, subject, participant_id, recipient, created_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
"""
_SELECT_LOGGED = "SELECT subject FROM reminder_log WHERE rule = ? AND recipient = ?"


async def logged_subjects(conn: aiosqlite.Connection, rule: str, contact: Contact) -> set[str]:
    """Return the subjects a rule already reminded a person about."""
    return {r["subject"] for r in await fetch_all(conn, _SELECT_LOGGED, (rule, contact.address))}


async def log_subjects(
    conn: aiosqlite.Connection, rule: str, subjects: Iterable[str], contact: Contact, now: datetime
) -> None:
    """Record that a reminder about these subjects was queued for a person."""
    stamp = to_db(now)
    params = [(rule, s, contact.participant_id, contact.address, stamp) for s in subjects]
    await conn.executemany(_LOG, params)
