"""Builds the documents people asked for (exports, reports, statistics) away from the write lock, then queues them.

A handler stores a document job in its event's transaction (handlers/kit/documents.py). The worker takes the jobs one at
a time: it tells the person when a large file is on its way, builds the file in a child process
(`python -m bot.document_build`) that reads a read-only snapshot, and then, in one short transaction, queues the
replies as outbox rows, writes the audit line and deletes the job. A crash before that commit leaves the job to run
again at the next start; the rows' dedupe keys (one per job and reply) keep that to one document.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite

from bot import metrics
from bot.background import Background
from bot.clock import Clock
from bot.document_build import PARENT_VARIABLE, SITE_FILES, site_settings
from handlers.kit.contract import Reply
from handlers.kit.documents import AuditLine, StoredRequest
from messages import load_messages
from public.site import SiteConfig
from storage import audit, document_jobs, outbox, roles
from storage.database import Database
from storage.document_jobs import DocumentJob
from storage.exports import count_in_scope

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # builds begun for one job (a crash in the middle counts) before it is given up with an apology
NOTE_FROM = 5_000  # recommendations from which the person is told that the file is on its way
IDLE_WAKE_SECONDS = 30.0
_ROOT = Path(__file__).resolve().parent.parent  # where the bot's packages are, for the child's imports


class BuildFailed(Exception):
    """The child could not build the document; the message says what and where, never with which data."""


class _Stopped(Exception):
    """The bot is stopping: the build was cut short on purpose."""


@dataclass(frozen=True)
class Outcome:
    """What to queue for a job: (payload, file) per reply, and the audit line."""

    replies: list[tuple[str, bytes | None]]
    audit: AuditLine | None = None


InProcess = Callable[[DocumentJob, StoredRequest], Awaitable[Outcome]]


class DocumentWorker(Background):
    """Runs document jobs one at a time, in the background (start, then when woken) or on demand (flush)."""

    name = "document-worker"
    idle_seconds = IDLE_WAKE_SECONDS

    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        timezone: ZoneInfo,
        on_queued: Callable[[], None] = lambda: None,
        coordinators: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.db = db
        self.clock = clock
        self.timezone = timezone
        self.on_queued = on_queued
        self.coordinators = coordinators  # "channel:id" entries of OGP_COORDINATORS: every document is theirs
        self.built = 0
        self.failed = 0
        self._child: asyncio.subprocess.Process | None = None  # the newest build process
        self._children: set[asyncio.subprocess.Process] = set()  # a snapshot's may run beside a document's
        # Jobs run in this process on a read-only snapshot (the open data's snapshots: files written to disk).
        self.in_process: dict[str, InProcess] = {}

    async def work(self) -> None:
        """Run waiting jobs (at start, those a crash cut short too)."""
        await self._drain()

    async def stop(self) -> None:
        """Stop; a build under way is cut short and its job runs again at the next start."""
        self._stopping = True
        for child in list(self._children):
            if child.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    child.kill()
        await super().stop()
        async with self._lock:  # a flush() under way winds down too
            pass

    async def flush(self) -> None:
        """Build every waiting job now; return when none is left (the terminal chat, tests)."""
        await self._drain()

    async def _drain(self) -> None:
        async with self._lock:
            after = 0
            while not self._stopping:
                async with self.db.transaction() as conn:
                    job = await document_jobs.next_job(conn, after)
                if job is None:
                    return
                await self._do(job)
                after = job.id

    async def _do(self, job: DocumentJob) -> None:
        async with self.db.transaction() as conn:
            attempts = await document_jobs.begin_attempt(conn, job.id)
        if attempts == 0:  # dropped meanwhile: its chat was erased
            return
        request = StoredRequest.parse(job.params)
        if attempts > MAX_ATTEMPTS:
            log.error("document job %d (%s) given up after %d attempts", job.id, job.kind, attempts - 1)
            metrics.DOCUMENT_JOBS.labels("given_up").inc()
            await self._finish(job, self._apology(request) if job.channel != document_jobs.SYSTEM else Outcome([]))
            return
        if not await self._may_have(job):
            await self._finish(job, Outcome([]))  # _finish says why to the person
            return
        runner = self.in_process.get(job.kind)
        if runner is None:
            await self._note_if_large(job, request)
        try:
            outcome = await (self._run_here(runner, job, request) if runner else self._build(job, request))
        except _Stopped:
            async with self.db.transaction() as conn:
                await document_jobs.undo_attempt(conn, job.id)
            return
        except BuildFailed as failure:
            self.failed += 1
            metrics.DOCUMENT_JOBS.labels("failed").inc()
            log.error("document job %d (%s) failed: %s", job.id, job.kind, failure)
            outcome = self._apology(request)
        else:
            if runner is None:  # _run_here counts its own
                self.built += 1
                metrics.DOCUMENT_JOBS.labels("built").inc()
        await self._finish(job, outcome)

    async def _run_here(self, runner: InProcess, job: DocumentJob, request: StoredRequest) -> Outcome:
        try:
            outcome = await runner(job, request)
        except _Stopped:
            raise
        except Exception:  # an apology to the person; the next erasure or request tries again
            self.failed += 1
            metrics.DOCUMENT_JOBS.labels("failed").inc()
            log.exception("document job %d (%s) failed", job.id, job.kind)
            return self._apology(request) if job.channel != document_jobs.SYSTEM else Outcome([])
        self.built += 1
        metrics.DOCUMENT_JOBS.labels("built").inc()
        return outcome

    async def _may_have(self, job: DocumentJob) -> bool:
        """Tell whether the job's chat may still have what it asked for (documents are coordinators' alone)."""
        async with self.db.reader() as conn:
            return await self._allowed(conn, job)

    async def _allowed(self, conn: aiosqlite.Connection, job: DocumentJob) -> bool:
        if job.channel == document_jobs.SYSTEM:
            return True
        return await roles.chat_coordinates(conn, job.channel, job.recipient, self.coordinators)

    def _role_changed(self, job: DocumentJob) -> Outcome:
        log.warning("document job %d (%s) dropped: the requester no longer coordinates", job.id, job.kind)
        reader = load_messages(StoredRequest.parse(job.params).reader)
        return Outcome([(Reply(text=reader.t("doc-role-changed"), language=reader.language).to_payload(), None)])

    def _apology(self, request: StoredRequest) -> Outcome:
        text = load_messages(request.reader).t("doc-failed")
        reply = Reply(text=text, choices=request.menu, language=load_messages(request.reader).language)
        return Outcome([(reply.to_payload(), None)])

    async def _note_if_large(self, job: DocumentJob, request: StoredRequest) -> None:
        """Tell the person a large file is on its way (once per job, even when it runs again)."""
        async with self.db.reader() as conn:
            size = await count_in_scope(conn, request.scope)
        if size < NOTE_FROM:
            return
        reader = load_messages(request.reader)
        note = Reply(text=reader.t("doc-preparing"), language=reader.language).to_payload()
        async with self.db.transaction() as conn:
            await outbox.enqueue(
                conn,
                channel=job.channel,
                recipient=job.recipient,
                payload=note,
                now=self.clock.now(),
                participant_id=job.participant_id,
                dedupe_key=document_jobs.outbox_key(job.id, "note"),
            )
        self.on_queued()

    async def _build(self, job: DocumentJob, request: StoredRequest) -> Outcome:
        """Build the document in a child process and read back what it made."""
        spec = {
            "database": self.db.path,
            "timezone": self.timezone.key,
            "kind": job.kind,
            "params": request.params,
            "scope": request.scope.to_json(),
            "menu": [choice.model_dump() for choice in request.menu],
            "language": request.language,
            "reader": request.reader,
            "requested_at": job.requested_at.isoformat(),
        }
        return _decode(await self._spawn(spec))

    async def site_files(self, config: SiteConfig, paths: list[str]) -> list[bytes]:
        """Render the public site's files at paths in a child process on a read-only snapshot (an open-data
        snapshot: seconds of JSON at 50,000 recommendations, which in this process would hold every chat)."""
        spec = {"kind": SITE_FILES, "database": self.db.path, "site": site_settings(config), "paths": paths}
        return _decode_files(await self._spawn(spec))

    async def _spawn(self, spec: dict[str, Any]) -> bytes:
        """Run `python -m bot.document_build` on spec; return what it wrote."""
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.document_build",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=child_environment(),
        )
        self._child = child
        self._children.add(child)
        try:
            out, _ = await child.communicate(json.dumps(spec, ensure_ascii=False).encode())
        finally:
            self._child = None
            self._children.discard(child)
        if self._stopping:
            raise _Stopped
        if child.returncode != 0:
            raise BuildFailed(f"the build process exited with {child.returncode}")
        return out

    async def _finish(self, job: DocumentJob, outcome: Outcome) -> None:
        """Queue the outcome, write the audit line and delete the job, all at once (nothing if the job is gone)."""
        now = self.clock.now()
        async with self.db.transaction() as conn:
            if not await document_jobs.delete(conn, job.id):  # its chat was erased while it was being built
                return
            if not await self._allowed(conn, job):  # the role was taken away before or while it was built
                outcome = self._role_changed(job)
            for index, (payload, document) in enumerate(outcome.replies):
                await outbox.enqueue(
                    conn,
                    channel=job.channel,
                    recipient=job.recipient,
                    payload=payload,
                    document=document,
                    now=now,
                    participant_id=job.participant_id,
                    dedupe_key=document_jobs.outbox_key(job.id, index),
                )
            if outcome.audit is not None:
                line = outcome.audit
                await audit.record(conn, job.participant_id, line.action, line.target, line.detail, now)
        self.on_queued()


def child_environment() -> dict[str, str]:
    """Return the child's environment: the bot's packages importable, none of the bot's settings (tokens), its pid."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("OGP_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(_ROOT), os.environ.get("PYTHONPATH"))))
    env[PARENT_VARIABLE] = str(os.getpid())  # the child dies with the bot (bot/document_build.py)
    return env


def _decode_files(out: bytes) -> list[bytes]:
    """Read the child's header line and the site's files after it."""
    line, _, data = out.partition(b"\n")
    try:
        header: dict[str, Any] = json.loads(line)
    except ValueError as error:
        raise BuildFailed("the build process wrote no outcome") from error
    if not header.get("ok"):
        raise BuildFailed(str(header.get("error", "unknown error")))
    bodies, offset = [], 0
    for size in header["files"]:
        bodies.append(data[offset : offset + size])
        offset += size
    if offset != len(data):
        raise BuildFailed("the build process wrote files of the wrong length")
    return bodies


def _decode(out: bytes) -> Outcome:
    """Read the child's header line and the files after it (see bot/document_build.py)."""
    line, _, files = out.partition(b"\n")
    try:
        header: dict[str, Any] = json.loads(line)
    except ValueError as error:
        raise BuildFailed("the build process wrote no outcome") from error
    if not header.get("ok"):
        raise BuildFailed(str(header.get("error", "unknown error")))
    replies: list[tuple[str, bytes | None]] = []
    offset = 0
    for reply in header["replies"]:
        size = reply["document"]
        replies.append((reply["payload"], None if size is None else files[offset : offset + size]))
        offset += size or 0
    if offset != len(files):
        raise BuildFailed("the build process wrote files of the wrong length")
    audit_line = header.get("audit")
    return Outcome(replies, AuditLine(**audit_line) if audit_line else None)
