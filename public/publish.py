"""`ogp-bot publish`: the same pages and files written as a static site, with relative links.

The site is written whole into a sibling folder and then swapped in for the old copy, so that what is no longer
published (a hidden recommendation, a withdrawn name) leaves no page behind, and a reader never sees half of each.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import shutil
import sys
from pathlib import Path

import aiosqlite

from public.site import Page, Site
from storage import public
from storage.database import open_reader
from storage.files import FileStore

AT_FDCWD = -100  # linux/fcntl.h
RENAME_EXCHANGE = 2  # linux/fs.h
# What every static copy holds: a folder with these is one publish may replace.
MARKS = ("index.html", "open-data/index.html")


class PublishRefused(Exception):
    """The output is not a folder publish may write or replace; the message says why."""


def file_for(output: Path, path: str) -> Path:
    """Return where a site path is written: folders get an index.html."""
    return output / (path + "index.html" if path == "" or path.endswith("/") else path)


async def publish(database: str | Path, output: Path, site: Site, store: FileStore | None = None) -> int:
    """Write every page and file from one consistent snapshot of the database (and, from the store, the officers'
    evidence files at files/<sha256>/<name>) into a new tree, then put it in output's place; return how many files."""
    await asyncio.to_thread(check_output, output)
    building = output.parent / f".{output.name}.publishing"
    await asyncio.to_thread(_remove, building)  # left by a run that was cut short
    try:
        written = await _write_tree(database, building, site, store)
        await asyncio.to_thread(_swap, building, output)
    finally:
        await asyncio.to_thread(_remove, building)  # the old tree after a swap; the partial one after a failure
    return written


def check_output(output: Path) -> None:
    """Refuse an output that is a file, or a folder of other things than an earlier static copy."""
    if output.exists() and not output.is_dir():
        raise PublishRefused(f"{output} is a file; name a folder (created if missing)")
    if output.is_dir() and any(output.iterdir()) and not all((output / mark).is_file() for mark in MARKS):
        raise PublishRefused(f"{output} holds other files than a copy of the site; name an empty or new folder")


async def _write_tree(database: str | Path, output: Path, site: Site, store: FileStore | None) -> int:
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


def _swap(new: Path, output: Path) -> None:
    """Put the new tree at output in one step; the old tree is left at new's path, to be removed."""
    if not output.exists():
        new.rename(output)
        return
    if not _exchange(new, output):  # not Linux, or a file system without RENAME_EXCHANGE: two renames
        old = new.with_name(f"{new.name}.old")
        _remove(old)
        output.rename(old)
        new.rename(output)
        old.rename(new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False when the system cannot."""
    if sys.platform != "linux":
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return bool(done == 0)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
