"""Documents built off the write lock: chats go on meanwhile, a job cut short runs again once, failures apologise."""

from __future__ import annotations

import asyncio
import io
import logging
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from openpyxl import load_workbook

from benchmarks.sample_data import populate
from bot.cli import build_parser
from bot.core import Core
from bot.documents import MAX_ATTEMPTS, NOTE_FROM
from bot.reports_cli import run_report_command
from handlers.kit.contract import Incoming
from storage.database import read_snapshot
from tests.reports.sample import seed
from tests.support import START, ChatDriver, RecordingTransport, make_core, settings_for

FILES_QUEUED = "SELECT COUNT(*) FROM outbox WHERE json_extract(payload, '$.document.filename') IS NOT NULL"
COORDINATOR = "9001"
# Someone registering, every step a write: name, organisation, sector, governorate, consent.
REGISTRATION: tuple[dict[str, Any], ...] = (
    {"command": "start"},
    {"text": "سلمى الخطيب"},
    {"text": "جمعية الشفافية"},
    {"choice": "reg:sector:cso"},
    {"choice": "reg:gov:amman"},
    {"choice": "reg:consent:yes"},
)


def _coordinator(core: Core, transport: RecordingTransport) -> ChatDriver:
    return ChatDriver(core, transport, user=COORDINATOR, name="منسقة")


async def _rows(core: Core, sql: str) -> list[tuple[object, ...]]:
    async with core.db.transaction() as conn:
        return [tuple(r) for r in await conn.execute_fetchall(sql)]


async def _ask(core: Core, transport: RecordingTransport, command: str, *presses: str) -> None:
    """Go through a command's steps; send the last one without waiting for the document it asks for."""
    if not presses:
        await core.dispatcher.handle(Incoming("telegram", COORDINATOR, f"ask-{command}", command=command))
        return
    coordinator = _coordinator(core, transport)
    await coordinator.command(command)
    for data in presses[:-1]:
        await coordinator.press(data)
    await core.dispatcher.handle(Incoming("telegram", COORDINATOR, f"last-{command}", choice=presses[-1]))


async def _ask_for_export(core: Core, transport: RecordingTransport) -> None:
    await _ask(core, transport, "export", "exp:f:xlsx", "exp:s:all")


async def _child_started(core: Core) -> None:
    """Wait until the worker's build process is running (waiting for a process to start, not timing anything)."""
    async with asyncio.timeout(30):
        while core.documents._child is None:  # noqa: ASYNC110 - a process starting, nothing to await on
            await asyncio.sleep(0.01)


def _documents(transport: RecordingTransport, user: str = COORDINATOR) -> list[bytes]:
    return [r.document.data for r in transport.to(user) if r.document is not None]


async def test_people_chat_while_a_large_export_is_built(core: Core, transport: RecordingTransport) -> None:
    async with core.db.transaction() as conn:
        await populate(conn, participants=1_000, recommendations=20_000, now=START)
    await _ask_for_export(core, transport)
    building = asyncio.create_task(core.documents.flush())
    await _child_started(core)
    for n, fields in enumerate(REGISTRATION):  # each step is a write transaction
        await core.dispatcher.handle(Incoming("telegram", "1001", f"reg-{n}", name="سلمى", **fields))
    await core.sender.flush()
    assert not building.done(), "the export was over before the registration: nothing was shown"
    assert transport.to("1001")[-1].text.startswith(core.messages.t("registered", name="سلمى الخطيب")[:20])
    stored = await _rows(core, "SELECT organisation, sector FROM participants WHERE name = 'سلمى الخطيب'")
    assert stored == [("جمعية الشفافية", "cso")]
    assert _documents(transport) == []
    await building
    await core.sender.flush()
    note, document = transport.to(COORDINATOR)[-2:]
    assert note.text == core.messages.t("doc-preparing") and document.document is not None
    sheet = load_workbook(io.BytesIO(document.document.data), read_only=True)["الالتزام 1"]
    assert sum(1 for _ in sheet.iter_rows(values_only=True)) > 1_000
    assert await _rows(core, "SELECT COUNT(*) FROM document_jobs") == [(0,)]
    assert await _rows(core, "SELECT action, target FROM audit_log WHERE action = 'export'") == [("export", "xlsx")]


async def _forget(core: Core, transport: RecordingTransport) -> str:
    """Erase the coordinator's data (straight to the dispatcher: a ChatDriver would build pending documents first)."""
    steps: tuple[dict[str, Any], ...] = ({"command": "forget"}, {"choice": "prv:mode:keep"}, {"choice": "prv:yes:keep"})
    for n, fields in enumerate(steps):
        await core.dispatcher.handle(Incoming("telegram", COORDINATOR, f"forget-{n}", **fields))
    await core.sender.flush()
    return transport.to(COORDINATOR)[-1].text


async def test_an_export_asked_for_before_forget_never_reaches_the_erased_chat(
    core: Core, transport: RecordingTransport
) -> None:
    async with core.db.transaction() as conn:
        await seed(conn, START)
    await _coordinator(core, transport).register()
    await _ask_for_export(core, transport)
    assert await _rows(core, "SELECT COUNT(*) FROM document_jobs") == [(1,)]
    assert "محونا بياناتك الشخصية" in await _forget(core, transport)
    assert await _rows(core, "SELECT COUNT(*) FROM document_jobs") == [(0,)]
    await core.documents.flush()
    await core.sender.flush()
    assert _documents(transport) == []
    assert await _rows(core, FILES_QUEUED) == [(0,)]
    assert await _rows(core, "SELECT COUNT(*) FROM audit_log WHERE action = 'export'") == [(0,)]


async def test_an_export_being_built_when_its_chat_is_erased_is_thrown_away(
    core: Core, transport: RecordingTransport
) -> None:
    async with core.db.transaction() as conn:
        await populate(conn, participants=1_000, recommendations=20_000, now=START)
    await _coordinator(core, transport).register()
    await _ask_for_export(core, transport)
    building = asyncio.create_task(core.documents.flush())
    await _child_started(core)
    assert "محونا بياناتك الشخصية" in await _forget(core, transport)
    assert not building.done(), "the export was over before the erasure: nothing was shown"
    await building
    await core.sender.flush()
    assert _documents(transport) == []
    assert await _rows(core, FILES_QUEUED) == [(0,)]
    assert await _rows(core, "SELECT COUNT(*) FROM document_jobs") == [(0,)]
    assert await _rows(core, "SELECT COUNT(*) FROM audit_log WHERE action = 'export'") == [(0,)]


async def test_the_evidence_pack_is_built_off_the_chats_transaction(core: Core, transport: RecordingTransport) -> None:
    async with core.db.transaction() as conn:
        await seed(conn, START)
    await _ask(core, transport, "evidence", "ev:all")
    assert await _rows(core, "SELECT kind FROM document_jobs") == [("evidence",)]
    assert await _rows(core, "SELECT COUNT(*) FROM audit_log WHERE action = 'evidence'") == [(0,)]
    await core.documents.flush()
    await core.sender.flush()
    [document] = [r.document for r in transport.to(COORDINATOR) if r.document is not None]
    assert document.filename.startswith("ogp-evidence-") and document.data.startswith(b"PK")
    assert await _rows(core, "SELECT COUNT(*) FROM document_jobs") == [(0,)]
    assert await _rows(core, "SELECT COUNT(*) FROM audit_log WHERE action = 'evidence'") == [(1,)]


async def test_a_small_document_comes_without_a_note(core: Core, transport: RecordingTransport) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
    assert sample.total < NOTE_FROM
    coordinator = _coordinator(core, transport)
    await coordinator.command("export")
    await coordinator.press("exp:f:json")
    [reply] = await coordinator.press("exp:s:all")
    assert reply.document is not None and reply.text == f"ملف المدخلات: {sample.total} توصية."


async def test_a_job_cut_short_runs_again_at_start_and_sends_one_document(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    first, transport = await make_core(settings)
    async with first.db.transaction() as conn:
        await populate(conn, participants=1_000, recommendations=NOTE_FROM + 2_000, now=START)
    await _ask_for_export(first, transport)
    await first.close()  # a crash before the worker ran: the job is stored, nothing was built

    second, transport = await make_core(settings)
    building = asyncio.create_task(second.documents.flush())
    await _child_started(second)
    await second.close()  # stopped in the middle of the build: the child is killed, the job stays
    await building
    assert await _rows_of(settings.database, "SELECT attempts FROM document_jobs") == [(0,)]

    third, transport = await make_core(settings)
    try:
        await third.documents.start()  # jobs left by a crash run at start-up, without anyone asking again
        await third.documents.flush()
        await third.sender.flush()
        assert len(_documents(transport)) == 1
        again, _ = await make_core(settings)  # and a further start has nothing left to do
        await again.documents.flush()
        await again.close()
    finally:
        await third.close()
    database = settings.database
    assert await _rows_of(database, FILES_QUEUED) == [(1,)]  # the sender drops a file's bytes once it is sent
    notes = "SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'document:%:note'"
    assert await _rows_of(database, notes) == [(1,)]  # the note went out once, although the job began twice
    assert await _rows_of(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'export'") == [(1,)]
    assert await _rows_of(database, "SELECT COUNT(*) FROM document_jobs") == [(0,)]


async def _rows_of(database: Path, sql: str) -> list[tuple[object, ...]]:
    async with read_snapshot(database) as conn:
        return [tuple(r) for r in await conn.execute_fetchall(sql)]


async def test_a_failed_build_apologises_and_logs_nothing_personal(
    core: Core, transport: RecordingTransport, caplog: pytest.LogCaptureFixture
) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
        # A text no document can hold (only a direct write could store it: the bot cleans what people type).
        await conn.execute("UPDATE recommendations SET text = 'سري\x0bجداً' WHERE id = ?", (sample.top,))
    coordinator = _coordinator(core, transport)
    with caplog.at_level(logging.ERROR):
        replies = await coordinator.command("report")
        assert replies[-1].choices  # the choice of scope
        [apology] = await coordinator.press("rep:all")
    assert apology.text == core.messages.t("doc-failed") and apology.document is None
    assert "m:help" in [c.id for c in apology.choices]  # the menu, as under the document it replaces
    [record] = [r for r in caplog.records if r.name == "bot.documents"]
    message = record.getMessage()
    assert "report" in message and "ValueError" in message and "report_docx.py" in message
    assert "سري" not in message and "سلمى" not in message
    assert await _rows(core, "SELECT COUNT(*) FROM document_jobs") == [(0,)]
    assert await _rows(core, "SELECT COUNT(*) FROM audit_log WHERE action = 'report'") == [(0,)]


async def test_a_job_that_keeps_failing_is_given_up(core: Core, transport: RecordingTransport) -> None:
    await _ask(core, transport, "stats")
    async with core.db.transaction() as conn:
        await conn.execute("UPDATE document_jobs SET attempts = ?", (MAX_ATTEMPTS,))
    await core.documents.flush()
    await core.sender.flush()
    assert transport.to(COORDINATOR)[-1].text == core.messages.t("doc-failed")
    assert _documents(transport) == []
    assert await _rows(core, "SELECT COUNT(*) FROM document_jobs") == [(0,)]


async def test_the_command_line_exports_while_the_bot_writes(core: Core, tmp_path: Path) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
    out = tmp_path / "while-writing.xlsx"
    args = build_parser().parse_args(["export", "--output", str(out)])
    async with core.db.transaction() as conn:  # the bot's write lock is held for the whole export
        await conn.execute("UPDATE participants SET organisation = 'جهة جديدة' WHERE id = 1")
        assert await asyncio.wait_for(run_report_command(core.settings, args), 30) == 0
    book = load_workbook(out)
    assert book["الالتزام 1"].max_row == 1 + 4 and sample.total > 4


async def _people(conn: aiosqlite.Connection) -> int:
    return int(next(iter(await conn.execute_fetchall("SELECT COUNT(*) FROM participants")))[0])


async def test_a_reader_sees_one_snapshot_and_cannot_write(core: Core) -> None:
    async with core.db.reader() as reader:
        before = await _people(reader)
        async with core.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO participants (name, created_at, last_seen_at) VALUES ('ليلى', '2026-11-29', '2026-11-29')"
            )
        assert await _people(reader) == before
        with pytest.raises(aiosqlite.OperationalError, match="readonly"):
            await reader.execute("DELETE FROM participants")
    async with core.db.reader() as reader:
        assert await _people(reader) == before + 1
    with pytest.raises(FileNotFoundError):
        async with read_snapshot(Path(core.db.path).with_name("missing.sqlite3")):
            pass
