"""Reminder rules, who gets reminded, what is due, and when a push may go (quiet hours, working days)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import aiosqlite
from apscheduler.triggers.cron import CronTrigger
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from storage.answers import compose
from storage.database import fetch_all, fetch_one
from storage.models import Row
from storage.participants import chat_language
from storage.timefmt import to_db

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday() order
OFF = "off"


class ReminderRules(BaseModel):
    """The rules every reminder job follows; a day count of 0 (or a schedule of 'off') turns a rule off."""

    model_config = ConfigDict(frozen=True)

    update_cron: str = "0 10 1-7 * sun"  # officers' progress reminder: first Sunday of the month, 10:00
    answer_officer_days: int = Field(default=14, ge=0, le=365)
    answer_coordinator_days: int = Field(default=30, ge=0, le=365)
    milestone_days_before: int = Field(default=7, ge=0, le=365)
    round_days_before: int = Field(default=2, ge=0, le=60)
    quiet_start: time = time(21, 0)
    quiet_end: time = time(9, 0)
    working_days: str = "sun,mon,tue,wed,thu"

    @field_validator("update_cron")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        value = " ".join(value.split())
        if value.lower() == OFF:
            return OFF
        fields = value.split(" ")
        if len(fields) == 5 and any(ch.isdigit() for ch in fields[4]):
            # crontab counts 0 (and 7) as Sunday, APScheduler 0 as Monday: a number would name the wrong day.
            raise ValueError(
                "write the day of the week by name (sun, mon, tue, wed, thu, fri, sat), not as a number: "
                "crontab counts 0 as Sunday, the scheduler as Monday"
            )
        try:
            CronTrigger.from_crontab(value, timezone=UTC)
        except ValueError as error:
            raise ValueError(f"not a crontab schedule: {error}") from error
        return value

    @field_validator("working_days")
    @classmethod
    def _valid_days(cls, value: str) -> str:
        days = [d.strip().lower()[:3] for d in value.split(",") if d.strip()]
        if not days or any(d not in DAY_NAMES for d in days):
            raise ValueError("working days are names such as sun,mon,tue")
        return ",".join(sorted(set(days), key=lambda d: (DAY_NAMES.index(d) + 1) % 7))

    def working_weekdays(self) -> frozenset[int]:
        """Return the working days as datetime.weekday() numbers."""
        return frozenset(DAY_NAMES.index(d) for d in self.working_days.split(","))

    def update_trigger(self, zone: ZoneInfo) -> CronTrigger | None:
        """Return the APScheduler trigger of the officers' progress reminder, or None when it is off."""
        if self.update_cron == OFF:
            return None
        return CronTrigger.from_crontab(self.update_cron, timezone=zone)


RULE_KEYS: tuple[str, ...] = tuple(ReminderRules.model_fields)


class RuleError(ValueError):
    """A value a coordinator typed does not fit the rule."""


def parse_rule(base: ReminderRules, key: str, value: str) -> ReminderRules:
    """Return base with one rule changed, or raise RuleError."""
    if key not in RULE_KEYS:
        raise RuleError(f"unknown rule {key}")
    try:
        return ReminderRules.model_validate({**base.model_dump(), key: value.strip()})
    except ValidationError as error:
        raise RuleError(error.errors()[0]["msg"]) from error


def rule_text(rules: ReminderRules, key: str) -> str:
    """Return a rule's value as it is stored and typed."""
    value = getattr(rules, key)
    return value.strftime("%H:%M") if isinstance(value, time) else str(value)


_SELECT_RULES = "SELECT key, value FROM reminder_rules"
_UPSERT_RULE = """
INSERT INTO reminder_rules (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,
                                updated_at = excluded.updated_at
"""
_DELETE_RULE = "DELETE FROM reminder_rules WHERE key = ?"


async def load_rules(conn: aiosqlite.Connection, defaults: ReminderRules) -> ReminderRules:
    """Return the defaults overridden by the rules stored in the database (a bad stored value is ignored)."""
    rules = defaults
    stored = {r["key"]: r["value"] for r in await fetch_all(conn, _SELECT_RULES)}
    for key, value in stored.items():
        try:
            rules = parse_rule(rules, key, value)
        except RuleError:
            continue
    return rules


async def save_rule(conn: aiosqlite.Connection, key: str, value: str, by: int | None, now: datetime) -> None:
    """Store one rule's value (already validated with parse_rule)."""
    await conn.execute(_UPSERT_RULE, (key, value, by, to_db(now)))


async def reset_rule(conn: aiosqlite.Connection, key: str) -> None:
    """Go back to the default of one rule."""
    await conn.execute(_DELETE_RULE, (key,))


# ---------------------------------------------------------------------------------------------------------------
# When a push may go


def _in_quiet(moment: time, start: time, end: time) -> bool:
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def next_allowed(moment: datetime, rules: ReminderRules, zone: ZoneInfo, *, official: bool) -> datetime:
    """Return the first instant at or after moment outside quiet hours (and, for officials, on a working day)."""
    local = moment.astimezone(zone)
    working = rules.working_weekdays()
    for _ in range(16):  # at most a week of days off and a quiet night in between
        if _in_quiet(local.timetz().replace(tzinfo=None), rules.quiet_start, rules.quiet_end):
            wake = _at(local.date(), rules.quiet_end, zone)
            local = wake if wake > local else _at(local.date() + timedelta(days=1), rules.quiet_end, zone)
            continue
        if official and local.weekday() not in working:
            start = rules.quiet_end if rules.quiet_start != rules.quiet_end else time(0, 0)
            local = _at(local.date() + timedelta(days=1), start, zone)
            continue
        return local.astimezone(UTC)
    return moment


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
    for entry in configured:
        channel, _, external_id = entry.partition(":")
        if entry in found:
            continue
        owner = await fetch_one(conn, _SELECT_IDENTITY_OWNER, (channel, external_id))
        if owner is not None and (owner["unreachable_at"] or owner["forgotten_at"]):
            continue
        found[entry] = Contact(
            participant_id=owner["id"] if owner else None,
            channel=channel,
            external_id=external_id,
            notify_reminders=bool(owner["notify_reminders"]) if owner else True,
            language=await chat_language(conn, channel, external_id),
        )
    return list(found.values())


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
