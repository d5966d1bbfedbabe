"""The open data's dated snapshots: the site's own open-data files, as /open-data/ serves them on that day.

A snapshot holds exactly the published view (the same builders as the live files), so it carries nothing the site
promises never to publish. An erasure rewrites every snapshot: what is no longer published (deleted, hidden) drops
out, and authors appear as the live files show them now (a forgotten person is no longer named).
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import aiosqlite

from public import data
from public.site import Page, Site

# The shared data files a snapshot keeps (the Atom feed is a window on the newest entries, not a record).
FILES = tuple(f.name for f in data.files() if f.kind != "atom")
RECOMMENDATIONS = "recommendations.json"
UPDATES = "updates.json"


async def write_snapshot(conn: aiosqlite.Connection, folder: Path, site: Site) -> int:
    """Write the open-data files into folder; return how many recommendations they publish."""
    bodies = {}
    for name in FILES:
        page = await site.render(conn, f"open-data/{name}")
        if not isinstance(page, Page):
            raise RuntimeError(f"{name} has no page")  # every shared data file always exists
        bodies[name] = page.body
    return await write_files(folder, bodies)


async def write_files(folder: Path, bodies: dict[str, bytes]) -> int:
    """Write a snapshot's files (rendered here or by the document worker's child); return its recommendations."""
    for name, body in bodies.items():
        await asyncio.to_thread(write_atomically, folder / name, body)
    return await asyncio.to_thread(_count, folder)


async def redact_snapshot(conn: aiosqlite.Connection, folder: Path, site: Site) -> int:
    """Rewrite a snapshot's files to what is still published of what it held; return its recommendations."""
    kept = await asyncio.to_thread(_read_ids, folder)
    if kept is None:
        return 0
    ids, keys = kept
    cfg = site.data_config
    files = {
        RECOMMENDATIONS: await data.recommendations_json(conn, cfg, site.links(f"open-data/{RECOMMENDATIONS}"), ids),
        "recommendations.csv": await data.recommendations_csv(conn, cfg, site.links("open-data/x.csv"), ids),
        UPDATES: await data.updates_json(conn, cfg, site.links(f"open-data/{UPDATES}"), keys),
    }
    for name, body in files.items():
        await asyncio.to_thread(write_atomically, folder / name, body)
    return await asyncio.to_thread(_count, folder)


def _read_ids(folder: Path) -> tuple[set[int], set[str]] | None:
    """Return the recommendation ids and update keys a snapshot holds (None: not a snapshot of the site's files)."""
    try:
        recs = json.loads((folder / RECOMMENDATIONS).read_bytes())
        updates = json.loads((folder / UPDATES).read_bytes())
    except (OSError, ValueError):
        return None
    return {int(r["id"]) for r in recs["recommendations"]}, {str(u["id"]) for u in updates["updates"]}


def _count(folder: Path) -> int:
    return len(json.loads((folder / RECOMMENDATIONS).read_bytes())["recommendations"])


def write_atomically(target: Path, body: bytes) -> None:
    """Write a file whole or not at all: a reader sees the old bytes or the new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    with partial.open("wb") as out:
        out.write(body)
        out.flush()
        os.fsync(out.fileno())
    partial.replace(target)
