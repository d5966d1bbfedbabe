"""Keeping the open data's snapshots on time: one every OGP_SNAPSHOT_MONTHS months, checked daily by the scheduler."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from messages_ar import Messages
from reports.snapshot import take_snapshot
from storage import snapshots
from storage.database import Database
from storage.snapshots import Snapshot
from storage.timeline import months_before

log = logging.getLogger(__name__)


class SnapshotKeeper:
    """Takes a snapshot when the newest is older than the configured months (or there is none)."""

    def __init__(self, db: Database, messages: Messages, *, root: Path, months: int, zone: ZoneInfo) -> None:
        self.db = db
        self.messages = messages
        self.root = root
        self.months = months
        self.zone = zone

    async def run_due(self, now: datetime) -> Snapshot | None:
        """Take a snapshot if one is due; return it (None when none was due, or the rule is off)."""
        if self.months <= 0:
            return None
        # Built inside the transaction, like today's exports: a long snapshot holds conversations back meanwhile.
        async with self.db.transaction() as conn:
            newest = await snapshots.newest_snapshot(conn)
            local = now.astimezone(self.zone).date()
            if newest is not None and newest.taken_at.astimezone(self.zone).date() > months_before(local, self.months):
                return None
            taken = await take_snapshot(conn, self.root, now=now, messages=self.messages, tz=self.zone)
        log.info("open-data snapshot taken in %s (%d recommendations)", taken.folder, taken.recommendations)
        return taken
