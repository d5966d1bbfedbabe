"""Builds one document job in its own process: `python -m bot.document_build` (run by bot/documents.py).

Building a large spreadsheet is seconds of CPU in Python; in the bot's process it would stall the event loop (and
with it every chat) even off the write lock. Here it reads a read-only snapshot and may use the other core.

Input on stdin: one JSON object {"database", "timezone", "kind", "params", "scope", "menu", "language" (the file's),
"reader" (the asker's), "requested_at"}.
Or {"kind": "site-files", "database", "site" (the public site's settings), "paths"}: the site's files at those paths
(an open-data snapshot), answered {"ok": true, "files": [length, ...]} and the files' bytes.
Output on stdout: one JSON line {"ok": true, "replies": [{"payload", "document"}], "audit"} where "document" is the
length of the reply's file, then the files' bytes one after another; or {"ok": false, "error": "..."} saying what
failed and where, never with what (an error message could quote a recommendation).
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import os
import signal
import sys
import traceback
from collections.abc import Mapping
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from handlers.coordination import evidence, exports, report, stats
from handlers.kit.contract import Choice
from handlers.kit.documents import Builder, Built, DocumentKind, Job
from messages import load_messages
from public.language import languages
from public.site import Page, Site, SiteConfig
from storage.database import read_snapshot
from storage.exports import ExportScope
from storage.publishing import PublishMode

NICENESS = 10
SITE_FILES = "site-files"
PARENT_VARIABLE = "DOCUMENT_BUILD_PARENT"  # the bot's pid, set by bot/documents.py
PR_SET_PDEATHSIG = 1  # linux/prctl.h
BUILDERS: dict[DocumentKind, Builder] = {
    DocumentKind.EXPORT: exports.build,
    DocumentKind.REPORT: report.build,
    DocumentKind.STATS: stats.build,
    DocumentKind.EVIDENCE: evidence.build,
}


async def build(spec: Mapping[str, Any]) -> Built:
    """Run the job's builder on a read-only snapshot of the database."""
    builder = BUILDERS[DocumentKind(spec["kind"])]
    reader = load_messages(spec.get("reader", spec["language"]))
    async with read_snapshot(spec["database"]) as conn:
        job = Job(
            conn=conn,
            params=spec["params"],
            scope=ExportScope.from_json(spec["scope"]),
            messages=load_messages(spec["language"]),
            timezone=ZoneInfo(spec["timezone"]),
            requested_at=datetime.fromisoformat(spec["requested_at"]),
            menu=tuple(Choice.model_validate(choice) for choice in spec["menu"]),
            reader=reader,
        )
        built = await builder(job)
    replies = [reply.model_copy(update={"language": reader.language}) for reply in built.replies]  # to the asker
    return replace(built, replies=replies)


def site_settings(config: SiteConfig) -> dict[str, Any]:
    """Return the site's settings as JSON values, for the child's spec."""
    snapshots = str(config.snapshots) if config.snapshots else None
    return {**asdict(config), "publish": config.publish.value, "tz": config.tz.key, "snapshots": snapshots}


async def render_files(spec: Mapping[str, Any]) -> bytes:
    """Render the public site's files at the spec's paths from a read-only snapshot; return the outcome to write."""
    raw = dict(spec["site"])
    snapshots = Path(raw["snapshots"]) if raw.get("snapshots") else None
    config = SiteConfig(
        **{**raw, "publish": PublishMode(raw["publish"]), "tz": ZoneInfo(raw["tz"]), "snapshots": snapshots}
    )
    site = Site(config, languages())
    bodies = []
    async with read_snapshot(spec["database"]) as conn:
        for path in spec["paths"]:
            page = await site.render(conn, path)
            if not isinstance(page, Page) or page.status != 200:
                raise LookupError("a site path has no file")
            bodies.append(page.body)
    header = {"ok": True, "files": [len(body) for body in bodies]}
    return json.dumps(header).encode() + b"\n" + b"".join(bodies)


def where(error: BaseException) -> str:
    """Return the error's type and the line that raised it: enough to find the bug, nothing of the data."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    last = frames[-1]
    return f"{type(error).__name__} at {Path(last.filename).name}:{last.lineno} in {last.name}"


def encode(built: Built) -> bytes:
    """Return the outcome as the header line and the files that follow it."""
    files = [reply.document.data for reply in built.replies if reply.document is not None]
    header = {
        "ok": True,
        "replies": [
            {"payload": reply.to_payload(), "document": len(reply.document.data) if reply.document else None}
            for reply in built.replies
        ],
        "audit": asdict(built.audit) if built.audit else None,
    }
    return json.dumps(header, ensure_ascii=False).encode() + b"\n" + b"".join(files)


def die_with_parent() -> bool:
    """Have Linux kill this process when the bot's dies (a SIGKILLed bot leaves no build running); False: it is gone."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    expected = os.environ.get(PARENT_VARIABLE)
    return expected is None or os.getppid() == int(expected)  # the bot may have died before prctl


def main() -> int:
    """Read the job from stdin, build it, write the outcome to stdout."""
    if not die_with_parent():
        return 1
    if hasattr(os, "nice"):
        os.nice(NICENESS)  # background work: on a busy machine the chats' process goes first
    spec = json.loads(sys.stdin.buffer.read())
    try:
        output = asyncio.run(render_files(spec)) if spec["kind"] == SITE_FILES else encode(asyncio.run(build(spec)))
    except Exception as error:  # reported to the bot, which apologises to the person
        output = json.dumps({"ok": False, "error": where(error)}).encode() + b"\n"
    try:
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the bot is gone (killed): nobody to tell, and nothing to say on stderr either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
