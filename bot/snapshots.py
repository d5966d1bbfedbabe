"""The open data's dated snapshots: one every OGP_SNAPSHOT_MONTHS months, taken at a coordinator's request, and
rewritten after an erasure. All are the document worker's jobs, built on a read-only snapshot of the database.

A snapshot holds the site's own open-data files (public/snapshot.py), so it publishes exactly what /open-data/ does.
OGP's second standard asks for a public repository "updated at least twice a year"; the evidence pack copies them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.documents import Outcome
from handlers.kit.contract import Reply
from handlers.kit.documents import AuditLine, StoredRequest
from messages import load_messages
from public.site import Site, SiteConfig
from public.snapshot import FILES, redact_snapshot, write_files, write_snapshot
from storage import snapshots
from storage.database import Database
from storage.document_jobs import DocumentJob
from storage.snapshots import REDACT_JOB, Snapshot
from storage.timeline import months_before

log = logging.getLogger(__name__)

Render = Callable[[SiteConfig, list[str]], Awaitable[list[bytes]]]  # the site's files at these paths


class SnapshotKeeper:
    """Takes, checks and rewrites the snapshots; each build reads a read-only snapshot, off the write lock."""

    def __init__(
        self, db: Database, site: Site, *, root: Path, months: int, zone: ZoneInfo, render: Render | None = None
    ) -> None:
        self.db = db
        self.render = render  # the document worker's child process; None: rendered here (tests of the schedule)
        self.site = site
        self.root = root
        self.months = months
        self.zone = zone

    async def run_due(self, now: datetime) -> Snapshot | None:
        """Take a snapshot if one is due (the 03:30 job, also at start-up); None when none was due or it is off."""
        if self.months <= 0:
            return None
        async with self.db.reader() as conn:
            newest = await snapshots.newest_snapshot(conn)
        local = now.astimezone(self.zone).date()
        if newest is not None and newest.taken_at.astimezone(self.zone).date() > months_before(local, self.months):
            return None
        return await self.take(now)

    async def take(self, now: datetime) -> Snapshot:
        """Write the open-data files into root/<date-time>/ from one read-only snapshot, then record them."""
        name = f"{now.astimezone(self.zone):%Y-%m-%d-%H%M}"
        if self.render is not None:
            bodies = await self.render(self.site.config, [f"open-data/{file}" for file in FILES])
            count = await write_files(self.root / name, dict(zip(FILES, bodies, strict=True)))
        else:
            async with self.db.reader() as conn:
                count = await write_snapshot(conn, self.root / name, self.site)
        async with self.db.transaction() as conn:
            files = [path.name for path in sorted((self.root / name).iterdir()) if not path.name.startswith(".")]
            taken = await snapshots.record_snapshot(conn, taken_at=now, folder=name, files=files, recommendations=count)
        log.info("open-data snapshot taken in %s (%d recommendations)", taken.folder, taken.recommendations)
        return taken

    async def redact(self) -> int:
        """Rewrite every snapshot from what is still published of what it held; return how many."""
        async with self.db.reader() as conn:
            taken = await snapshots.list_snapshots(conn)
            counts = [
                (s.id, await redact_snapshot(conn, self.root / s.folder, self.site))
                for s in taken
                if await asyncio.to_thread((self.root / s.folder).is_dir)
            ]
        async with self.db.transaction() as conn:
            for snapshot_id, count in counts:
                await snapshots.set_count(conn, snapshot_id, count)
        return len(counts)

    async def run(self, job: DocumentJob, request: StoredRequest) -> Outcome:
        """Do a snapshot job of the document worker: take one (scheduled or asked for), or rewrite them all."""
        if job.kind == REDACT_JOB:
            log.info("open-data snapshots rewritten after an erasure: %d", await self.redact())
            return Outcome([])
        taken = await self.take(job.requested_at)
        reader = load_messages(request.reader)
        text = reader.t("evidence-snapshot-taken", folder=taken.folder)
        reply = Reply(text=text, choices=request.menu, language=reader.language)
        line = AuditLine("snapshot", taken.folder, f"recommendations={taken.recommendations}")
        return Outcome([(reply.to_payload(), None)], line)
