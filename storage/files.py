"""Files people sent: the content-addressed folder that holds their bytes, and the rows that say what each one is.

A file is written to the folder (named by its sha256, written whole or not at all) before its row exists; a row
that is erased is marked first (deleted_at) and its bytes go after the transaction that erased it, when no other
row holds the same bytes (bot/files.py). A crash in between leaves bytes without a row, which the sweep removes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import aiosqlite

from storage.database import execute_count, fetch_all, fetch_one
from storage.filetypes import Recognised
from storage.models import StoredFile
from storage.timefmt import to_db

_SHA = re.compile(r"^[0-9a-f]{64}$")
_TEMP_PREFIX = ".incoming-"


class FileStore:
    """The folder of files, each named by the sha256 of its bytes (in sub-folders by its first two digits)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        """Return where the bytes with that digest live."""
        if not _SHA.match(sha256):
            raise ValueError("not a sha256 digest")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Write bytes (whole, or not at all) and return their sha256; bytes already there are not written again."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        finally:
            Path(temporary).unlink(missing_ok=True)
        return digest

    def read(self, sha256: str) -> bytes | None:
        """Return the bytes with that digest, or None when they are not (or no longer) there."""
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError:
            return None

    def has(self, sha256: str) -> bool:
        """Tell whether the bytes with that digest are there."""
        return self.path(sha256).exists()

    def remove(self, sha256: str) -> bool:
        """Delete the bytes with that digest; return whether there were any."""
        try:
            self.path(sha256).unlink()
        except FileNotFoundError:
            return False
        return True

    def stored(self) -> Iterator[tuple[str, float]]:
        """Yield every digest in the folder with the time it was written (leftover temporary files too)."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                if _SHA.match(entry.name) or entry.name.startswith(_TEMP_PREFIX):
                    yield entry.name, entry.stat().st_mtime

    def remove_leftover(self, name: str) -> None:
        """Delete a temporary file a crash left behind."""
        if name.startswith(_TEMP_PREFIX) and "/" not in name:
            for match in self.root.glob(f"*/{name}"):
                match.unlink(missing_ok=True)


_INSERT = """
INSERT INTO files (sha256, format, mime, size, duration, name, channel, origin_ref, sent_as, event_id, chat,
                   created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (channel, event_id) DO NOTHING
RETURNING *
"""
_BY_EVENT = "SELECT * FROM files WHERE channel = ? AND event_id = ? AND deleted_at IS NULL"
_ANY_BY_EVENT = "SELECT * FROM files WHERE channel = ? AND event_id = ?"
_GET = "SELECT * FROM files WHERE id = ? AND deleted_at IS NULL"
_LINK_RECOMMENDATION = """
UPDATE files SET recommendation_id = ?, role = ?, participant_id = ?, chat = NULL, linked_at = ?
WHERE id = ? AND deleted_at IS NULL
"""
_LINK_UPDATE = """
UPDATE files SET status_update_id = ?, role = 'evidence', participant_id = ?, chat = NULL, linked_at = ?
WHERE id = ? AND deleted_at IS NULL
"""
_OF_RECOMMENDATION = """
SELECT * FROM files WHERE recommendation_id = ? AND deleted_at IS NULL ORDER BY role = 'attachment', id
"""
_OF_UPDATE = "SELECT * FROM files WHERE status_update_id = ? AND deleted_at IS NULL ORDER BY id"
_DROP = "UPDATE files SET deleted_at = ?, chat = NULL WHERE id = ? AND deleted_at IS NULL"
_DROP_PENDING_OF_CHAT = """
UPDATE files SET deleted_at = ?, chat = NULL WHERE channel = ? AND chat = ? AND deleted_at IS NULL
"""
# A person forgotten: their deleted recommendations' files go; what they sent that nothing holds goes too; files of
# what stays (kept recommendations, progress updates) no longer say who sent them.
_DROP_OF_DELETED_RECOMMENDATIONS = """
UPDATE files SET deleted_at = ?1, chat = NULL
WHERE deleted_at IS NULL AND recommendation_id IN (SELECT id FROM recommendations WHERE participant_id = ?2)
"""
_DROP_UNLINKED_OF = """
UPDATE files SET deleted_at = ?1, chat = NULL
WHERE deleted_at IS NULL AND participant_id = ?2 AND recommendation_id IS NULL AND status_update_id IS NULL
"""
_UNNAME = "UPDATE files SET participant_id = NULL WHERE participant_id = ?"
_DROPPED_AT = "SELECT DISTINCT sha256 FROM files WHERE deleted_at = ?"
_DROP_UNLINKED = """
UPDATE files SET deleted_at = ?1, chat = NULL
WHERE id IN (SELECT value FROM json_each(?2))
  AND deleted_at IS NULL AND recommendation_id IS NULL AND status_update_id IS NULL
"""
_SWEEP_PENDING = """
UPDATE files SET deleted_at = ?1, chat = NULL
WHERE deleted_at IS NULL AND recommendation_id IS NULL AND status_update_id IS NULL AND created_at < ?2
"""
_ERASED = "SELECT id, sha256 FROM files WHERE deleted_at IS NOT NULL ORDER BY id LIMIT ?"
_HELD = "SELECT EXISTS (SELECT 1 FROM files WHERE sha256 = ? AND deleted_at IS NULL)"
_DELETE_ROW = "DELETE FROM files WHERE id = ?"
_KEPT_FROM = """
SELECT COALESCE(SUM(size), 0) FROM files
WHERE deleted_at IS NULL AND created_at >= ?3
  AND ((channel = ?1 AND chat = ?2)
       OR participant_id = (SELECT participant_id FROM identities WHERE channel = ?1 AND external_id = ?2))
"""
_KNOWN = "SELECT DISTINCT sha256 FROM files"
_LIVE = "SELECT DISTINCT sha256 FROM files WHERE deleted_at IS NULL"


async def record_file(
    conn: aiosqlite.Connection,
    *,
    sha256: str,
    recognised: Recognised,
    size: int,
    name: str | None,
    channel: str,
    origin_ref: str,
    sent_as: str,
    event_id: str,
    chat: str,
    now: datetime,
) -> StoredFile:
    """Record a file whose bytes are in the store; a message delivered again gets the row of its first delivery."""
    params = (
        sha256,
        recognised.format.value,
        recognised.mime,
        size,
        recognised.duration,
        name,
        channel,
        origin_ref,
        sent_as,
        event_id,
        chat,
        to_db(now),
    )
    row = await fetch_one(conn, _INSERT, params)
    if row is None:
        row = await fetch_one(conn, _ANY_BY_EVENT, (channel, event_id))
    assert row is not None  # noqa: S101 - inserted, or there already
    return StoredFile.from_row(row)


async def by_event(conn: aiosqlite.Connection, channel: str, event_id: str) -> StoredFile | None:
    """Return the file a message carried, when it was already received."""
    row = await fetch_one(conn, _BY_EVENT, (channel, event_id))
    return StoredFile.from_row(row) if row else None


async def get_file(conn: aiosqlite.Connection, file_id: int) -> StoredFile | None:
    """Return a file that has not been erased."""
    row = await fetch_one(conn, _GET, (file_id,))
    return StoredFile.from_row(row) if row else None


async def link_to_recommendation(
    conn: aiosqlite.Connection, file_id: int, recommendation_id: int, role: str, participant_id: int, now: datetime
) -> bool:
    """Make a file part of a recommendation (its voice, or its attachment); False when it was erased meanwhile."""
    params = (recommendation_id, role, participant_id, to_db(now), file_id)
    return await execute_count(conn, _LINK_RECOMMENDATION, params) == 1


async def link_to_update(
    conn: aiosqlite.Connection, file_id: int, update_id: int, participant_id: int, now: datetime
) -> bool:
    """Make a file evidence of a progress update; False when it was erased meanwhile."""
    return await execute_count(conn, _LINK_UPDATE, (update_id, participant_id, to_db(now), file_id)) == 1


async def of_recommendation(conn: aiosqlite.Connection, recommendation_id: int) -> list[StoredFile]:
    """Return a recommendation's files: its voice first, then its attachment."""
    return [StoredFile.from_row(r) for r in await fetch_all(conn, _OF_RECOMMENDATION, (recommendation_id,))]


async def of_update(conn: aiosqlite.Connection, update_id: int) -> list[StoredFile]:
    """Return a progress update's evidence files, in the order they were sent."""
    return [StoredFile.from_row(r) for r in await fetch_all(conn, _OF_UPDATE, (update_id,))]


async def drop(conn: aiosqlite.Connection, file_id: int, now: datetime) -> None:
    """Erase one file (a table read for /update, whose bytes are not kept)."""
    await conn.execute(_DROP, (to_db(now), file_id))


async def drop_unlinked(conn: aiosqlite.Connection, file_ids: Iterable[int], now: datetime) -> int:
    """Erase those of these files that belong to nothing (a draft's recording let go of); return how many."""
    return await execute_count(conn, _DROP_UNLINKED, (to_db(now), json.dumps(sorted(file_ids))))


async def drop_pending_of_chat(conn: aiosqlite.Connection, channel: str, chat: str, now: datetime) -> list[str]:
    """Erase what a chat sent that belongs to nothing yet (a draft's voice note); return the digests that go."""
    stamp = to_db(now)
    await conn.execute(_DROP_PENDING_OF_CHAT, (stamp, channel, chat))
    return [str(r[0]) for r in await fetch_all(conn, _DROPPED_AT, (stamp,))]


async def forget_sender(
    conn: aiosqlite.Connection, participant_id: int, *, delete_recommendations: bool, now: datetime
) -> list[str]:
    """Erase a forgotten person's files, as they chose (call before their recommendations are deleted); return the
    digests of what goes, so that messages that carried those files can go too."""
    stamp = to_db(now)
    if delete_recommendations:
        await conn.execute(_DROP_OF_DELETED_RECOMMENDATIONS, (stamp, participant_id))
    await conn.execute(_DROP_UNLINKED_OF, (stamp, participant_id))
    await conn.execute(_UNNAME, (participant_id,))
    return [str(r[0]) for r in await fetch_all(conn, _DROPPED_AT, (stamp,))]


async def sweep_pending(conn: aiosqlite.Connection, now: datetime, before: datetime) -> int:
    """Erase files that still belong to nothing (a draft left, a table read) since before; return how many."""
    return await execute_count(conn, _SWEEP_PENDING, (to_db(now), to_db(before)))


async def erased(conn: aiosqlite.Connection, limit: int = 500) -> list[tuple[int, str]]:
    """Return (row id, sha256) of erased files whose rows are still there."""
    return [(int(r[0]), str(r[1])) for r in await fetch_all(conn, _ERASED, (limit,))]


async def held(conn: aiosqlite.Connection, sha256: str) -> bool:
    """Tell whether a file that is not erased holds these bytes."""
    return bool((await fetch_one(conn, _HELD, (sha256,)) or (0,))[0])


async def delete_row(conn: aiosqlite.Connection, file_id: int) -> None:
    """Delete an erased file's row, once its bytes are gone."""
    await conn.execute(_DELETE_ROW, (file_id,))


async def kept_from(conn: aiosqlite.Connection, channel: str, chat: str, since: datetime | None = None) -> int:
    """Return the bytes of the files kept that a chat (or the person behind it) sent, since a time or in all."""
    row = await fetch_one(conn, _KEPT_FROM, (channel, chat, to_db(since) if since else ""))
    return int(row[0]) if row else 0


async def known_digests(conn: aiosqlite.Connection) -> set[str]:
    """Return the digest of every file with a row (erased or not)."""
    return {str(r[0]) for r in await fetch_all(conn, _KNOWN)}


async def live_digests(conn: aiosqlite.Connection) -> set[str]:
    """Return the digest of every file that is not erased (what a backup must carry)."""
    return {str(r[0]) for r in await fetch_all(conn, _LIVE)}


_STORED_BYTES = "SELECT COALESCE(SUM(size), 0) FROM (SELECT sha256, MAX(size) AS size FROM files GROUP BY sha256)"


async def stored_bytes(conn: aiosqlite.Connection) -> int:
    """Return the bytes the files folder holds (each content once, erased ones until their bytes are deleted)."""
    row = await fetch_one(conn, _STORED_BYTES)
    return int(row[0]) if row else 0
