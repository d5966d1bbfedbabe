"""The bot tells its operators, in chat, when something needs them, and again when it has cleared.

Each check looks at the conditions, then compares each with what the operators were last told (the newest alert row
of that condition in the outbox): a condition that starts is announced, one that ends is announced as cleared. Keys
name the condition and the hour (alert:<condition>:<raised|cleared>:<hour>:<recipient>), so a condition is announced
at most once an hour however often it flaps, and a check run twice queues nothing twice.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiosqlite

from bot import metrics
from bot.backups import last_verified
from handlers.kit.contract import Reply
from messages import load_messages
from storage import outbox
from storage.database import Database
from storage.reminders import Contact, configured_contacts, coordinator_contacts

log = logging.getLogger(__name__)

Arg = str | int
MB = 1024 * 1024
WEBHOOK_SECRETS = "OGP_WHATSAPP_APP_SECRET, OGP_TELEGRAM_WEBHOOK_SECRET"
BACKUP_SETTING = "OGP_BACKUP_DIR"
# What each condition's news says when it starts and when it clears (catalogue keys).
NEWS = {
    "outbox": ("alert-outbox-raised", "alert-outbox-cleared"),
    "flood": ("alert-flood-raised", "alert-flood-cleared"),
    "token": ("alert-token-raised", "alert-token-cleared"),
    "webhook": ("alert-webhook-raised", "alert-webhook-cleared"),
    "disk": ("alert-disk-raised", "alert-disk-cleared"),
    "backup": ("alert-backup-raised", "alert-backup-cleared"),
}


@dataclass(frozen=True)
class Thresholds:
    """What counts as trouble."""

    outbox_minutes: int = 15
    flood_count: int = 5  # 429 answers between two checks
    webhook_count: int = 5  # refused webhook deliveries between two checks
    disk_min_free_mb: int = 1024
    backup_max_age_hours: int = 26


@dataclass(frozen=True)
class Condition:
    """One condition as a check found it: on or off, and what the message about it says."""

    name: str
    on: bool
    args: dict[str, Arg] = field(default_factory=dict)
    raised: str | None = None  # the message's key when it is on, if not the usual one

    def key(self) -> str:
        """Return the catalogue key of the news: raised, or cleared."""
        raised, cleared = NEWS[self.name]
        return (self.raised or raised) if self.on else cleared


class Counted:
    """A counter's growth between two checks (the first check counts from when the bot started)."""

    def __init__(self, read: Callable[[], float]) -> None:
        self.read = read
        self.last = read()

    def growth(self) -> int:
        """Return how much the counter grew since the last call."""
        now = self.read()
        grown, self.last = now - self.last, now
        return int(grown)


class OperatorAlerts:
    """Checks the conditions and queues what the operators must hear."""

    def __init__(
        self,
        db: Database,
        *,
        operators: Sequence[str],
        coordinators: Sequence[str],
        thresholds: Thresholds,
        data_folder: Path,
        backup_dir: Path | None,
        on_queued: Callable[[], None] = lambda: None,
    ) -> None:
        self.db = db
        self.operators = tuple(operators)
        self.coordinators = tuple(coordinators)
        self.thresholds = thresholds
        self.data_folder = data_folder
        self.backup_dir = backup_dir
        self.on_queued = on_queued
        self.floods = Counted(lambda: metrics.total(metrics.SENDS, outcome="429"))
        self.tokens = Counted(lambda: metrics.total(metrics.TOKEN_REJECTED))
        self.webhooks = Counted(lambda: metrics.total(metrics.WEBHOOK_REJECTIONS))

    async def run(self, now: datetime) -> int:
        """Check every condition; queue the news for each operator; return the rows queued."""
        conditions = await self.observe(now)
        queued = 0
        async with self.db.transaction() as conn:
            contacts = await self._contacts(conn)
            for condition in conditions:
                queued += await self._tell(conn, condition, contacts, now)
        if queued:
            log.info("alerts: queued %d messages to the operators", queued)
            self.on_queued()
        return queued

    async def observe(self, now: datetime) -> list[Condition]:
        """Return every condition, on or off."""
        t = self.thresholds
        async with self.db.reader() as conn:
            backlog = await outbox.backlog(conn, now)
        waited = int((now - backlog.oldest_due).total_seconds() // 60) if backlog.oldest_due else 0
        floods, tokens, webhooks = self.floods.growth(), self.tokens.growth(), self.webhooks.growth()
        free_mb = await asyncio.to_thread(lambda: shutil.disk_usage(self.data_folder).free // MB)
        return [
            Condition("outbox", waited >= t.outbox_minutes, {"minutes": waited, "count": backlog.depth}),
            Condition("flood", floods >= t.flood_count, {"count": floods}),
            Condition("token", tokens > 0, {"setting": "OGP_WHATSAPP_TOKEN"}),
            Condition("webhook", webhooks >= t.webhook_count, {"count": webhooks, "settings": WEBHOOK_SECRETS}),
            Condition("disk", free_mb < t.disk_min_free_mb, {"free": int(free_mb), "setting": "OGP_DISK_MIN_FREE_MB"}),
            *await self._backup(now),
        ]

    async def _backup(self, now: datetime) -> list[Condition]:
        if self.backup_dir is None:
            return []
        newest = await asyncio.to_thread(last_verified, self.backup_dir)
        if newest is None:
            return [Condition("backup", True, {"setting": BACKUP_SETTING}, raised="alert-backup-never")]
        hours = int((now - newest.verified_at) // timedelta(hours=1))
        on = hours >= self.thresholds.backup_max_age_hours
        return [Condition("backup", on, {"hours": hours, "setting": BACKUP_SETTING})]

    async def _contacts(self, conn: aiosqlite.Connection) -> list[Contact]:
        if self.operators:
            return await configured_contacts(conn, self.operators)
        return await coordinator_contacts(conn, self.coordinators)

    async def _tell(self, conn: aiosqlite.Connection, condition: Condition, to: list[Contact], now: datetime) -> int:
        """Announce a condition that started, or one that cleared; nothing when the operators already know."""
        told = await outbox.last_alert(conn, condition.name)
        if condition.on == (told == "raised"):
            return 0
        state = "raised" if condition.on else "cleared"
        hour = now.astimezone(UTC).strftime("%Y-%m-%dT%H")
        queued = 0
        for contact in to:
            messages = load_messages(contact.language)
            args = condition.args if condition.on else {}  # "cleared" says only that
            reply = Reply(text=messages.t(condition.key(), **args), language=messages.language)
            row = await outbox.enqueue(
                conn,
                channel=contact.channel,
                recipient=contact.external_id,
                payload=reply.to_payload(),
                now=now,
                participant_id=contact.participant_id,
                kind="alert",
                dedupe_key=f"alert:{condition.name}:{state}:{hour}:{contact.address}",
            )
            queued += row is not None
        return queued
