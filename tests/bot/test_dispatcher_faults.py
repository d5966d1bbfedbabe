"""A locked or full database: the person hears an Arabic apology, the log has an error, nothing half-stored."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.core import Core
from handlers.kit.contract import Incoming
from tests.support import ChatDriver, RecordingTransport

TEXT = "نشر محاضر اجتماعات اللجان التوجيهية خلال أسبوع من انعقادها"


@contextmanager
def write_lock(core: Core) -> Iterator[None]:
    """Another process holds the write lock (a backup tool, a second bot started by mistake)."""
    other = sqlite3.connect(core.db.path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


async def at_text_step(chat: ChatDriver) -> None:
    await chat.register()
    await chat.command("recommend", "3")
    await chat.press("الالتزام بمخرجات الحوار")


def state(core: Core) -> tuple[object, ...]:
    with sqlite3.connect(core.db.path) as conn:
        session = conn.execute("SELECT flow, step, data FROM sessions WHERE external_id = '1001'").fetchone()
        counts = conn.execute(
            "SELECT (SELECT COUNT(*) FROM recommendations), (SELECT COUNT(*) FROM processed_events),"
            " (SELECT COUNT(*) FROM outbox)"
        ).fetchone()
    return (session, counts)


def integrity(core: Core) -> str:
    with sqlite3.connect(core.db.path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


async def test_busy_database_apologises_logs_and_keeps_the_step(
    chat: ChatDriver, core: Core, transport: RecordingTransport, caplog: pytest.LogCaptureFixture
) -> None:
    await at_text_step(chat)
    before = state(core)
    await core.db.conn.execute("PRAGMA busy_timeout = 50")  # the production wait (5 s) adds nothing here
    event = Incoming("telegram", "1001", uuid.uuid4().hex, text=TEXT, name="سلمى")
    with caplog.at_level(logging.ERROR), write_lock(core):
        await core.dispatcher.handle(event)
    assert transport.sent[-1].reply.text == core.messages.t("busy-error")
    assert "أعد المحاولة" in transport.sent[-1].reply.text
    assert any("database unavailable" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
    assert TEXT not in caplog.text  # what people type stays out of the log
    assert state(core) == before
    # The same update delivered again once the lock is gone goes through as if nothing happened.
    await core.dispatcher.handle(event)
    await core.sender.flush()
    assert "راجع توصيتك" in transport.sent[-1].reply.text
    assert integrity(core) == "ok"


async def test_full_disk_apologises_and_stores_nothing_half_way(
    chat: ChatDriver, core: Core, transport: RecordingTransport, caplog: pytest.LogCaptureFixture
) -> None:
    await at_text_step(chat)
    long_text = (
        "نقترح نشر " + "📢" * 1985
    )  # mostly four bytes a character: larger than a page, so the row needs new pages
    await chat.send(long_text)
    await core.db.conn.execute("VACUUM")  # no free pages left to reuse
    async with core.db.conn.execute("PRAGMA page_count") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    await core.db.conn.execute(f"PRAGMA max_page_count = {int(row[0])}")
    before = state(core)
    with caplog.at_level(logging.ERROR):
        await core.dispatcher.handle(Incoming("telegram", "1001", "full-1", choice="rec:ok", name="سلمى"))
    assert transport.sent[-1].reply.text == core.messages.t("busy-error")
    assert any("full" in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)
    assert state(core) == before
    assert integrity(core) == "ok"
    await core.db.conn.execute("PRAGMA max_page_count = 1073741823")
    done = await chat.press_data("rec:ok")
    assert "رقم الإيصال #1" in done[-1].text
    with sqlite3.connect(core.db.path) as conn:
        assert conn.execute("SELECT text FROM recommendations").fetchall() == [(long_text,)]


async def test_a_handler_bug_apologises_through_the_outbox(
    chat: ChatDriver, core: Core, transport: RecordingTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.register()

    async def broken(*_: object) -> list[object]:
        raise RuntimeError("bug")

    monkeypatch.setitem(core.dispatcher.router.commands, "status", broken)
    replies = await chat.command("status")
    assert [r.text for r in replies] == [core.messages.t("internal-error")]
    assert transport.sent[-1].row.id > 0  # a real outbox row: the database was fine
