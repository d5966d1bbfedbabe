"""Keeps the files folder in step with the database: erased files leave the disk, bytes nobody records go too.

Erasing happens in an event's transaction (storage marks the rows); the bytes cannot be deleted there, since that
transaction may still roll back. This keeper runs after each event that changed something, at start and every
IDLE_WAKE_SECONDS: it deletes the bytes of erased rows that no other row holds, then the rows, then empties the WAL
(the digests and names leave the database file too). Bytes without any row — a crash between writing a file and
recording it — are deleted once they are older than ORPHAN_GRACE, so a download being recorded is never touched.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta

from bot.background import Background
from storage import files
from storage.database import Database
from storage.files import FileStore

log = logging.getLogger(__name__)

IDLE_WAKE_SECONDS = 60.0
ORPHAN_GRACE = timedelta(hours=1)
UNLINKED_KEPT = timedelta(days=30)  # a draft's voice note, a table read for /update: erased after this long


class FileKeeper(Background):
    """Deletes erased files' bytes and rows, in the background (start, then when woken) or on demand (flush)."""

    name = "file-keeper"
    idle_seconds = IDLE_WAKE_SECONDS

    def __init__(self, db: Database, store: FileStore) -> None:
        super().__init__()
        self.db = db
        self.store = store
        self.removed = 0
        self._swept = False

    async def work(self) -> None:
        """Delete what was erased; the first pass also sweeps bytes no row records."""
        await self.flush()
        if not self._swept:
            await self.sweep()
            self._swept = True

    async def flush(self) -> int:
        """Delete what was erased now; return how many files' rows went."""
        async with self._lock:
            return await self._clean()

    async def sweep(self) -> int:
        """Delete bytes no row records (older than ORPHAN_GRACE) and temporary files a crash left; return how many."""
        async with self._lock:
            async with self.db.transaction() as conn:
                known = await files.known_digests(conn)
            cutoff = time.time() - ORPHAN_GRACE.total_seconds()
            stored = await asyncio.to_thread(lambda: list(self.store.stored()))
            gone = 0
            for name, written in stored:
                if written >= cutoff or name in known:
                    continue
                if name.startswith(".") or len(name) != 64:
                    await asyncio.to_thread(self.store.remove_leftover, name)
                else:
                    await asyncio.to_thread(self.store.remove, name)
                gone += 1
            if gone:
                log.info("files: %d unrecorded files removed", gone)
            return gone

    async def _clean(self) -> int:
        done = 0
        while True:
            async with self.db.transaction() as conn:
                batch = await files.erased(conn)
                for row_id, digest in batch:
                    if not await files.held(conn, digest):
                        await asyncio.to_thread(self.store.remove, digest)
                    await files.delete_row(conn, row_id)
            done += len(batch)
            if not batch:
                break
        if done:
            self.removed += done
            if not await self.db.checkpoint():
                log.warning("files: a reader held the WAL; erased files' rows leave it at the next checkpoint")
            log.info("files: %d erased files removed", done)
        return done
