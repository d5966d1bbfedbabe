"""The file receiver (download, check, store, record, once) and the keeper (erased files leave the disk)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import sqlite3
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.clock import FakeClock
from bot.core import Core
from bot.downloads import FetchFailed
from bot.files import ORPHAN_GRACE, UNLINKED_KEPT
from bot.retention import apply_retention
from handlers.kit.contract import Attachment, Incoming
from storage import files
from tests import media
from tests.loop_support import rows


def voice_event(event_id: str = "e1", size: int | None = None) -> Incoming:
    return Incoming("telegram", "1001", event_id, attachment=Attachment("voice", "ref-" + event_id, size=size))


async def test_a_redelivered_event_is_not_downloaded_again(core: Core) -> None:
    calls: list[str] = []

    async def fetch(ref: str, limit: int) -> bytes:
        calls.append(ref)
        return media.ogg_opus(12)

    first = await core.receiver.receive(voice_event(), fetch)
    again = await core.receiver.receive(voice_event(), fetch)
    assert first.attachment and again.attachment and first.attachment.stored == again.attachment.stored
    assert calls == ["ref-e1"] and len(await rows(core, "SELECT id FROM files")) == 1


async def test_a_declared_size_over_the_limit_is_refused_without_fetching(core: Core) -> None:
    async def fetch(ref: str, limit: int) -> bytes:
        raise AssertionError("not fetched")

    refused = await core.receiver.receive(voice_event(size=21 * 1024 * 1024), fetch)
    assert refused.attachment and refused.attachment.refused == "file-too-big"


async def test_a_download_that_hangs_times_out_each_try_then_is_refused(core: Core) -> None:
    core.receiver.timeout, core.receiver.backoff = 0.05, (0.0,)
    tries = 0

    async def fetch(ref: str, limit: int) -> bytes:
        nonlocal tries
        tries += 1
        await asyncio.Event().wait()  # the platform never answers
        return b""

    refused = await core.receiver.receive(voice_event(), fetch)
    assert refused.attachment and refused.attachment.refused == "file-download-failed" and tries == 3


async def test_tries_wait_the_backoff_between_them(core: Core) -> None:
    core.receiver.backoff = (0.0, 0.0)
    outcomes: list[bytes | Exception] = [FetchFailed("503"), FetchFailed("reset"), media.ogg_opus(5)]

    async def fetch(ref: str, limit: int) -> bytes:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    taken = await core.receiver.receive(voice_event(), fetch)
    assert taken.attachment and taken.attachment.stored is not None and outcomes == []


async def test_erased_files_leave_the_folder_unless_another_row_holds_the_same_bytes(core: Core) -> None:
    same = media.ogg_opus(7)

    async def fetch(ref: str, limit: int) -> bytes:
        return same

    one = await core.receiver.receive(voice_event("a"), fetch)
    two = await core.receiver.receive(voice_event("b"), fetch)
    assert one.attachment and two.attachment and one.attachment.stored and two.attachment.stored
    [(digest, _)] = list(core.receiver.store.stored())  # the same bytes are stored once
    async with core.db.transaction() as conn:
        await files.drop(conn, one.attachment.stored, core.clock.now())
    assert await core.files.flush() == 1
    assert core.receiver.store.has(digest)  # the other row still holds them
    async with core.db.transaction() as conn:
        await files.drop(conn, two.attachment.stored, core.clock.now())
    assert await core.files.flush() == 1
    assert not core.receiver.store.has(digest) and await rows(core, "SELECT id FROM files") == []


async def test_bytes_whose_record_is_refused_go_at_once_unless_a_row_already_holds_them(core: Core) -> None:
    held, fresh = media.ogg_opus(7), media.ogg_opus(9)
    first = await core.receiver.receive(voice_event("a"), lambda ref, limit: asyncio.sleep(0, held))
    assert first.attachment and first.attachment.stored
    core.receiver.quota = None  # no read between the download and the record: the lock lands in that window
    await core.db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(core.db.path, isolation_level=None, timeout=0)

    def locking(data: bytes) -> Callable[[str, int], Awaitable[bytes]]:
        async def fetch(ref: str, limit: int) -> bytes:
            other.execute("BEGIN IMMEDIATE")  # the record's transaction cannot begin: as a full disk refuses it
            return data

        return fetch

    try:
        for event_id, data in (("b", held), ("c", fresh)):
            with pytest.raises(sqlite3.OperationalError):
                await core.receiver.receive(voice_event(event_id), locking(data))
            other.execute("ROLLBACK")
    finally:
        other.close()
        await core.db.conn.execute("PRAGMA busy_timeout = 5000")
    assert [name for name, _ in core.receiver.store.stored()] == [hashlib.sha256(held).hexdigest()]
    assert await rows(core, "SELECT event_id FROM files") == [{"event_id": "a"}]
    assert core.receiver.store.read(hashlib.sha256(held).hexdigest()) == held


async def test_the_sweep_removes_unrecorded_bytes_only_after_the_grace(core: Core) -> None:
    store = core.receiver.store
    fresh = store.put(media.png())
    old = store.put(media.jpeg())
    stale = time.time() - ORPHAN_GRACE.total_seconds() - 60
    os.utime(store.path(old), (stale, stale))
    assert await core.files.sweep() == 1
    assert store.has(fresh) and not store.has(old)


async def test_retention_erases_files_that_belong_to_nothing_after_30_days(core: Core, clock: FakeClock) -> None:
    async def fetch(ref: str, limit: int) -> bytes:
        return media.pdf(uuid.uuid4().hex)

    await core.receiver.receive(voice_event("left"), fetch)
    await apply_retention(core.db, now=clock.now() + UNLINKED_KEPT - timedelta(hours=1), days=730)
    assert await core.files.flush() == 0
    await apply_retention(core.db, now=clock.now() + UNLINKED_KEPT + timedelta(hours=1), days=730)
    assert await core.files.flush() == 1
    assert list(core.receiver.store.stored()) == []
