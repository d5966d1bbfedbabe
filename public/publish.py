"""`ogp-bot publish`: the same pages and files written as a static site, with relative links."""

from __future__ import annotations

import asyncio
from pathlib import Path

from public.site import Page, Site
from storage.database import open_reader


def file_for(output: Path, path: str) -> Path:
    """Return where a site path is written: folders get an index.html."""
    return output / (path + "index.html" if path == "" or path.endswith("/") else path)


async def publish(database: str | Path, output: Path, site: Site) -> int:
    """Write every page and file from one consistent snapshot of the database; return how many files."""
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
        finally:
            await conn.execute("COMMIT")
    finally:
        await conn.close()
    return written


def _write(target: Path, body: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
