"""SIGKILL the real bot while it builds an export: after a restart the coordinator gets exactly one document."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from benchmarks.sample_data import populate
from bot.core import load_plan
from bot.documents import NOTE_FROM
from bot.settings import DEFAULT_PLAN
from messages_ar import load_messages
from storage.database import open_database
from tests.e2e.bot_process import BotProcess
from tests.standins.telegram import BotApiStandIn, ChatMessage, SimulatedUser
from tests.support import START

TOKEN = "123456:TEST-token-for-the-document-crash-test-only"
WAIT = 60.0  # one reply, across a restart, on a shared 2-core CI machine
FILES_QUEUED = "SELECT COUNT(*) FROM outbox WHERE json_extract(payload, '$.document.filename') IS NOT NULL"
COORDINATOR = 9001
RECOMMENDATIONS = NOTE_FROM + 3_000  # large enough to be announced: the note marks the start of the build


async def _database(path: Path) -> None:
    db = await open_database(path)
    try:
        await load_plan(db, DEFAULT_PLAN)
        async with db.transaction() as conn:
            await populate(conn, participants=500, recommendations=RECOMMENDATIONS, now=START)
    finally:
        await db.close()


def query(database: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as conn:
        return conn.execute(sql).fetchall()


async def arrived(api: BotApiStandIn, user: SimulatedUser, want: Callable[[ChatMessage], bool]) -> ChatMessage:
    """Wait for the bot message the test is after (a coordinator also gets reminders at start-up)."""
    await api.wait_for(lambda: any(want(m) for m in user.events), WAIT)
    return next(m for m in user.events if want(m))


def is_note(message: ChatMessage) -> bool:
    return message.text == "⏳ جارٍ إعداد الملف، وسيصلك هنا حين يجهز."


async def test_sigkill_while_an_export_is_built_sends_one_document_after_restart(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    await _database(database)
    settings = {"OGP_COORDINATORS": f"telegram:{COORDINATOR}"}
    async with BotApiStandIn(token=TOKEN, bot_username="ogp_documents_bot") as api:
        coordinator = api.user(COORDINATOR, first_name="منسقة")
        async with BotProcess(api, database, tmp_path / "first.log", **settings) as first:
            await coordinator.command("export")
            await arrived(api, coordinator, lambda m: "📗 Excel (XLSX)" in m.labels)
            await coordinator.press("exp:f:xlsx")
            await arrived(api, coordinator, lambda m: "🗂️ كل المدخلات" in m.labels)
            await coordinator.press("exp:s:all")
            await arrived(api, coordinator, is_note)
            await first.kill()  # the file is being built: a power cut now
        assert query(database, "SELECT attempts FROM document_jobs") == [(1,)]
        assert not any(m.document for m in coordinator.events)

        async with BotProcess(api, database, tmp_path / "second.log", **settings) as second:
            sent = await arrived(api, coordinator, lambda m: m.document is not None)  # nobody asked again
            assert await second.terminate() == 0, second.log()
    assert sent.document is not None and sent.document[0].endswith(".xlsx")
    assert sent.caption == load_messages().t("exp-caption", count=RECOMMENDATIONS)
    book = load_workbook(io.BytesIO(sent.document[1]), read_only=True)
    sheets = [name for name in book.sheetnames if name.startswith("الالتزام ")]  # one sheet per commitment
    rows = sum(sum(1 for _ in book[name].iter_rows(min_row=2)) for name in sheets)
    assert rows == RECOMMENDATIONS
    assert sum(1 for m in coordinator.events if m.document is not None) == 1
    # The note is stored once; the kill may land between Telegram taking it and the bot marking it sent, and then it
    # goes out again (the limit README's "Nothing lost, nothing twice" names: the Bot API has no idempotency key).
    notes = "SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'document:%:note'"
    assert query(database, notes) == [(1,)] and 1 <= sum(1 for m in coordinator.events if is_note(m)) <= 2
    assert query(database, FILES_QUEUED) == [(1,)]  # the sender drops a file's bytes once it is sent
    assert query(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'export'") == [(1,)]
    assert query(database, "SELECT COUNT(*) FROM document_jobs") == [(0,)]
