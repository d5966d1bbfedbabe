"""The site as the bot serves it: read-only connections, and a cache that a data change invalidates at once."""

from __future__ import annotations

import asyncio
import secrets
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import aiosqlite

from public.language import Language
from public.site import Page, Result, Site
from storage import public
from storage.database import open_reader

CACHE_BYTES = 64 * 1024 * 1024
ENTRY_BYTES = 32 * 1024 * 1024  # a bigger file (recommendations at six figures) is built for each request


@dataclass(frozen=True)
class Served:
    """A page or redirect with the data version it was built from and its validators."""

    result: Result
    version: int
    etag: str
    last_modified: datetime


class PageCache:
    """Built pages by site path, least recently used first out, within a byte budget."""

    def __init__(self, budget: int = CACHE_BYTES, entry_limit: int = ENTRY_BYTES) -> None:
        self.budget = budget
        self.entry_limit = entry_limit
        self.used = 0
        self._entries: OrderedDict[str, Served] = OrderedDict()

    def get(self, path: str, version: int) -> Served | None:
        """Return the entry built from this data version, if any."""
        entry = self._entries.get(path)
        if entry is None or entry.version != version:
            return None
        self._entries.move_to_end(path)
        return entry

    def put(self, path: str, entry: Served) -> None:
        """Keep an entry, dropping the least recently used ones beyond the budget."""
        size = _size(entry)
        self.discard(path)
        if size > self.entry_limit:
            return
        self._entries[path] = entry
        self.used += size
        while self.used > self.budget and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self.used -= _size(dropped)

    def discard(self, path: str) -> None:
        """Forget a path's entry."""
        old = self._entries.pop(path, None)
        if old is not None:
            self.used -= _size(old)


def _size(entry: Served) -> int:
    return len(entry.result.body) if isinstance(entry.result, Page) else 64


class LiveSite:
    """Serves the site from its own read-only connections: never the bot's write lock, never a stale page.

    Every request first reads the data version (a counter the database bumps in the same transaction as any
    change the site shows, /forget included), on a connection that is never inside a transaction. A cached
    page built from that version is served as it is; otherwise the page is built in one read transaction on a
    second connection, whose snapshot is at least as new as the version the request saw.
    """

    def __init__(
        self, database: str | Path, site: Site, now: Callable[[], datetime], cache: PageCache | None = None
    ) -> None:
        self.database = database
        self.site = site
        self.now = now
        self.cache = cache or PageCache()
        self.nonce = secrets.token_hex(4)  # a restart (or a restored backup) never reuses an ETag
        self._check: aiosqlite.Connection | None = None
        self._build: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()
        self._seen = (-1, now())

    async def start(self) -> None:
        """Open the read-only connections (the database must exist and be migrated)."""
        self._check = await open_reader(self.database)
        self._build = await open_reader(self.database)

    async def close(self) -> None:
        """Close the connections."""
        for conn in (self._check, self._build):
            if conn is not None:
                await conn.close()
        self._check = self._build = None

    async def version(self) -> int:
        """Return the data version now."""
        assert self._check is not None, "LiveSite.start() first"  # noqa: S101 - a wiring mistake, not input
        return self._observe(await public.data_version(self._check))

    async def evidence(self, sha256: str) -> tuple[public.PublicFile, str] | None:
        """Return an evidence file the site may serve (held by a progress report) and its MIME type, or None."""
        assert self._check is not None, "LiveSite.start() first"  # noqa: S101 - a wiring mistake, not input
        return await public.public_file(self._check, sha256)

    def _observe(self, version: int) -> int:
        if version != self._seen[0]:
            self._seen = (version, self.now())
        return version

    async def get(self, path: str) -> Served | None:
        """Return the page or file at a site path, from the cache when the data has not changed since."""
        version = await self.version()
        entry = self.cache.get(path, version)
        if entry is not None:
            return entry
        async with self._lock:
            return await self._build_entry(path, version)

    async def search(self, lang: Language, words: str, page: int) -> Page:
        """Build a search page in one read transaction; never cached, the words are the visitor's own."""
        conn = self._build
        assert conn is not None, "LiveSite.start() first"  # noqa: S101 - a wiring mistake, not input
        async with self._lock:
            await conn.execute("BEGIN")
            try:
                return await self.site.search(conn, lang, words, page)
            finally:
                await conn.execute("COMMIT")

    async def _build_entry(self, path: str, asked: int) -> Served | None:
        entry = self.cache.get(path, asked)  # built while this request waited for the lock
        if entry is not None:
            return entry
        conn = self._build
        assert conn is not None, "LiveSite.start() first"  # noqa: S101 - a wiring mistake, not input
        await conn.execute("BEGIN")
        try:
            version = self._observe(await public.data_version(conn))
            result = await self.site.render(conn, path)
        finally:
            await conn.execute("COMMIT")
        if result is None:
            return None
        entry = Served(result, version, f'"{self.nonce}-{version}"', self._seen_at(version))
        if not isinstance(result, Page) or result.status == 200:
            self.cache.put(path, entry)
        return entry

    def _seen_at(self, version: int) -> datetime:
        seen_version, seen_at = self._seen
        return seen_at if seen_version == version else self.now()
