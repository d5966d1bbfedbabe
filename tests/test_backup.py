"""`ogp-bot backup` while the bot writes, and `ogp-bot restore` into a fresh place."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.backup import run_backup_command
from bot.cli import build_parser
from bot.core import Core
from bot.settings import Settings
from tests.loop_support import recommend, registered, rows
from tests.support import RecordingTransport

REC = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع"


async def cli(settings: Settings, *argv: str) -> int:
    """Run a backup command in a thread, as the command line does outside the bot's event loop."""
    return await asyncio.to_thread(run_backup_command, settings, build_parser().parse_args(list(argv)))


def count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(sql).fetchone()[0])


async def test_backup_while_writing_then_restore(
    core: Core,
    transport: RecordingTransport,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await recommend(chat, 1, REC)
    copy = tmp_path / "backups" / "ogp.sqlite3"
    stop = asyncio.Event()

    async def keep_writing() -> int:
        written = 0
        while not stop.is_set():
            async with core.db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO audit_log (action, created_at) VALUES ('test.write', '2026-01-01T00:00:00')"
                )
            written += 1
            await asyncio.sleep(0)
        return written

    writer = asyncio.create_task(keep_writing())
    await asyncio.sleep(0.05)
    code = await cli(core.settings, "backup", "--output", str(copy))
    stop.set()
    written = await writer
    assert code == 0 and "integrity ok" in capsys.readouterr().out
    copied = count(copy, "SELECT COUNT(*) FROM audit_log WHERE action = 'test.write'")
    assert 0 < copied <= written  # a snapshot taken while the writes went on
    assert count(copy, "SELECT COUNT(*) FROM recommendations") == 1

    target = tmp_path / "restored.sqlite3"
    elsewhere = core.settings.model_copy(update={"database": target})
    assert await cli(elsewhere, "restore", "--input", str(copy)) == 0
    assert count(target, "SELECT COUNT(*) FROM audit_log WHERE action = 'test.write'") == copied
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT text FROM recommendations").fetchall() == [(REC,)]
    assert await cli(elsewhere, "restore", "--input", str(copy)) == 1  # an existing database needs --force
    assert "--force" in capsys.readouterr().out
    assert await cli(elsewhere, "restore", "--input", str(copy), "--force") == 0
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendations") == [{"n": 1}]


async def test_restore_refuses_a_broken_file(core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    elsewhere = core.settings.model_copy(update={"database": tmp_path / "db.sqlite3"})
    assert await cli(elsewhere, "restore", "--input", str(junk)) == 1
    assert "not a usable SQLite database" in capsys.readouterr().out
    assert not (tmp_path / "db.sqlite3").exists()


async def test_restore_of_a_missing_file_says_so_in_one_line(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = core.settings.model_copy(update={"database": tmp_path / "db.sqlite3"})
    assert await cli(elsewhere, "restore", "--input", str(tmp_path / "nope.sqlite3"), "--force") == 1
    out = capsys.readouterr().out
    assert out == f"error: no backup file at {tmp_path / 'nope.sqlite3'}\n"
    assert not (tmp_path / "db.sqlite3").exists()
