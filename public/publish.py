"""`ogp-bot publish`: the same pages and files written as a static site, with relative links."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiosqlite

from public.site import Page, Site
from storage import public
from storage.database import open_reader
from storage.files import FileStore


def file_for(output: Path, path: str) -> Path:
    """Return where a site path is written: folders get an index.html."""
    return output / (path + "index.html" if path == "" or path.endswith("/") else path)


async def publish(database: str | Path, output: Path, site: Site, store: FileStore | None = None) -> int:
    """Write every page and file from one consistent snapshot of the database (and, from the store, the officers'
    evidence files at files/<sha256>/<name>); return how many files."""
    conn = await open_reader(database)
    written = 0
    try:
        await conn.execute("BEGIN")
        try:
            for path in await site.paths(conn):
                result = await site.render(conn, path)
                if not isinstance(result, Page) or result.status != 200:
                    raise RuntimeError(f"{path!r} has no page")  # paths() lists only what exists
                await asyncio.to_thread(_write, file_for(output, path), result.body)
                written += 1
            if store is not None:
                written += await _evidence(conn, output, store)
        finally:
            await conn.execute("COMMIT")
    finally:
        await conn.close()
    return written


async def _evidence(conn: aiosqlite.Connection, output: Path, store: FileStore) -> int:
    """Copy the officers' evidence files the pages link to; return how many."""
    written = 0
    for evidence in await public.public_files(conn):
        data = await asyncio.to_thread(store.read, evidence.sha256)
        name = evidence.name.replace("/", "_").replace("\\", "_")
        if data is not None and name not in ("", ".", ".."):
            await asyncio.to_thread(_write, output / "files" / evidence.sha256 / name, data)
            written += 1
    return written


def _write(target: Path, body: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
