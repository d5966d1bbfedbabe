"""A sent file, downloaded through its channel before the event is handled: checked, stored, recorded.

Handlers see only the result: the row of a stored file (Attachment.stored) or why it was refused
(Attachment.refused). A file larger than OGP_MAX_FILE_MB is refused before a byte is fetched when the channel
declares its size, and while fetching when it does not; a download that fails or times out is tried again
(ATTEMPTS in all, waiting BACKOFF between tries) within one DEADLINE for the whole file, then refused. Nothing of a
refused file is kept; a file is written whole, then recorded, or not at all: bytes whose record the database
refuses (a full disk, a locked database) are deleted at once, as the person is told.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from bot.clock import Clock
from handlers.kit.contract import Attachment, Incoming
from storage import files
from storage.database import Database
from storage.files import FileStore
from storage.filetypes import AUDIO, recognise

log = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF: tuple[float, ...] = (1.0, 4.0)  # seconds before the second and the third try
TIMEOUT_SECONDS = 20.0  # one try, from asking for the file to its last byte
DEADLINE_SECONDS = 30.0  # every try and pause of one file: a stalled URL holds that chat (only) this long at most


MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Quota:
    """What one person's kept files may add up to, in bytes: in the last 24 hours, and in all."""

    day: int
    total: int


class TooBig(Exception):
    """The file is larger than the bot takes (said by the channel, or found while downloading)."""


class FetchFailed(Exception):
    """The channel could not hand the file over this time (network, 5xx, a refusal); the reason, never the URL."""


# Fetch a file by the channel's id for it, stopping past `limit` bytes (TooBig) and raising FetchFailed otherwise.
Fetch = Callable[[str, int], Awaitable[bytes]]


class FileReceiver:
    """Downloads and records the file an incoming event carries, once."""

    def __init__(
        self,
        db: Database,
        store: FileStore,
        clock: Clock,
        *,
        max_bytes: int,
        attempts: int = ATTEMPTS,
        backoff: Sequence[float] = BACKOFF,
        timeout: float = TIMEOUT_SECONDS,
        deadline: float = DEADLINE_SECONDS,
        quota: Quota | None = None,
    ) -> None:
        self.db = db
        self.store = store
        self.clock = clock
        self.max_bytes = max_bytes
        self.attempts = attempts
        self.backoff = tuple(backoff)
        self.timeout = timeout
        self.deadline = deadline
        self.quota = quota

    async def receive(self, incoming: Incoming, fetch: Fetch) -> Incoming:
        """Return the event with its file stored and recorded, or marked refused; events without a file as they are."""
        sent = incoming.attachment
        if sent is None or sent.stored is not None or sent.refused is not None:
            return incoming
        async with self.db.transaction() as conn:
            known = await files.by_event(conn, incoming.channel, incoming.event_id)
        if known is not None:  # delivered again (a crash before it was handled): the first download counts
            data = await asyncio.to_thread(self.store.read, known.sha256)
            if data is not None:
                return _with(incoming, replace(sent, stored=known.id, data=data))
        result = await self._take(incoming, sent, fetch)
        return _with(incoming, result)

    async def _take(self, incoming: Incoming, sent: Attachment, fetch: Fetch) -> Attachment:
        if sent.size is not None and sent.size > self.max_bytes:
            return replace(sent, refused="file-too-big")
        try:
            data = await self._download(incoming.channel, sent.file_ref, fetch)
        except TooBig:
            return replace(sent, refused="file-too-big")
        except FetchFailed:
            return replace(sent, refused="file-download-failed")
        if not data:
            return replace(sent, refused="file-empty")
        recognised = await asyncio.to_thread(recognise, data)
        if recognised is None:
            log.info("%s: a file of a kind not on the allow-list was refused", incoming.channel)
            return replace(sent, refused="file-type-refused")
        seconds = recognised.duration or sent.duration
        if recognised.format in AUDIO and not seconds:  # audio whose length nothing can tell is not playable
            return replace(sent, refused="file-type-refused")
        if (over := await self._over_quota(incoming, len(data))) is not None:
            return replace(sent, refused=over)
        digest = await asyncio.to_thread(self.store.put, data)
        try:
            async with self.db.transaction() as conn:
                if not await asyncio.to_thread(self.store.has, digest):  # the same bytes, erased by someone meanwhile
                    await asyncio.to_thread(self.store.put, data)
                row = await files.record_file(
                    conn,
                    sha256=digest,
                    recognised=replace(recognised, duration=seconds),
                    size=len(data),
                    name=_name(sent.name),
                    channel=incoming.channel,
                    origin_ref=sent.file_ref,
                    sent_as=sent.kind,
                    event_id=incoming.event_id,
                    chat=incoming.user,
                    now=self.clock.now(),
                )
        except Exception:
            await self._let_go(digest)
            raise
        return replace(sent, stored=row.id, data=data, duration=seconds)

    async def _let_go(self, digest: str) -> None:
        """Delete bytes just written whose record the database refused, unless a file row holds them."""
        try:
            async with self.db.read() as conn:  # no transaction of this bot runs meanwhile: none can record them
                if not await files.held(conn, digest):
                    await asyncio.to_thread(self.store.remove, digest)
        except Exception as error:  # the keeper's sweep deletes them later (bytes no row records, after an hour)
            log.warning("a refused file's bytes could not be deleted now (%s); the keeper's sweep will", error)

    async def _over_quota(self, incoming: Incoming, size: int) -> str | None:
        """Return the refusal when this file would take the sender past a quota, else None."""
        if self.quota is None:
            return None
        day_ago = self.clock.now() - timedelta(days=1)
        async with self.db.transaction() as conn:
            day = await files.kept_from(conn, incoming.channel, incoming.user, since=day_ago)
            total = await files.kept_from(conn, incoming.channel, incoming.user)
        if day + size > self.quota.day:
            return "file-quota-day"
        if total + size > self.quota.total:
            return "file-quota-total"
        return None

    async def _download(self, channel: str, ref: str, fetch: Fetch) -> bytes:
        """Fetch within the deadline, trying again after a failure; FetchFailed once it passes."""
        try:
            async with asyncio.timeout(self.deadline):
                return await self._tries(channel, ref, fetch)
        except TimeoutError as error:
            log.warning("%s: download given up after %.0fs", channel, self.deadline)
            raise FetchFailed("deadline") from error

    async def _tries(self, channel: str, ref: str, fetch: Fetch) -> bytes:
        """Fetch with a timeout per try, trying again after a failure; TooBig is final."""
        for attempt in range(1, self.attempts + 1):
            try:
                async with asyncio.timeout(self.timeout):
                    return await fetch(ref, self.max_bytes)
            except TooBig:
                raise
            except (FetchFailed, TimeoutError) as error:
                reason = str(error) or type(error).__name__
                log.warning("%s: download failed (%s), try %d of %d", channel, reason, attempt, self.attempts)
                if attempt == self.attempts:
                    raise FetchFailed(reason) from error
                await asyncio.sleep(self.backoff[min(attempt - 1, len(self.backoff) - 1)] if self.backoff else 0)
        raise FetchFailed("no attempt")  # attempts < 1


def _with(incoming: Incoming, attachment: Attachment) -> Incoming:
    return replace(incoming, attachment=attachment)


def _name(name: str | None) -> str | None:
    """Return a sent file's name as it may be shown: no folders, no control characters, at most 120 characters."""
    if not name:
        return None
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip()[:120]
    return None if cleaned in ("", ".", "..") else cleaned
