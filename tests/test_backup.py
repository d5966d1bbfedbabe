"""`ogp-bot backup` while the bot writes, and `ogp-bot restore` into a fresh place."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import bot.backup as backup_module
from bot.backup import run_backup_command
from bot.cli import build_parser
from bot.core import Core
from bot.lock import hold_database
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
    stop, first_written = asyncio.Event(), asyncio.Event()

    async def keep_writing() -> int:
        written = 0
        while not stop.is_set():
            async with core.db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO audit_log (action, created_at) VALUES ('test.write', '2026-01-01T00:00:00')"
                )
            written += 1
            first_written.set()
            await asyncio.sleep(0)
        return written

    writer = asyncio.create_task(keep_writing())
    await first_written.wait()  # the backup starts with writes stored and more under way
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


def old_database(path: Path) -> sqlite3.Connection:
    """A database in WAL mode whose last writes are still in its WAL (the connection stays open)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE IF NOT EXISTS marker (text TEXT)")
    conn.execute("INSERT INTO marker VALUES ('the old data')")
    return conn


def files(path: Path) -> tuple[bytes, bytes]:
    return path.read_bytes(), Path(f"{path}-wal").read_bytes()


async def test_restore_refuses_while_a_bot_holds_the_database(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert await cli(core.settings, "backup", "--output", str(copy)) == 0
    target = tmp_path / "live.sqlite3"
    old = old_database(target)
    before = files(target)
    try:
        with hold_database(target):  # what `ogp-bot run` holds while it runs
            elsewhere = core.settings.model_copy(update={"database": target})
            capsys.readouterr()
            assert await cli(elsewhere, "restore", "--input", str(copy), "--force") == 1
        [line] = capsys.readouterr().out.splitlines()
        assert line.startswith("error: another ogp-bot is running on") and "stop it first" in line
        assert files(target) == before
    finally:
        old.close()


def foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('someone else''s data')")
    conn.close()


def newer(path: Path, source: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
        dst.execute("PRAGMA user_version = 42")
    src.close()
    dst.close()


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p, _: p.write_bytes(b""), "is empty"),
        (lambda p, _: foreign(p), "not an ogp-bot database"),
        (newer, "schema version 42"),
        (lambda p, _: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200), "not a usable SQLite database"),
    ],
)
async def test_restore_refuses_an_empty_foreign_or_newer_file_and_leaves_the_old_database_whole(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, says: str
) -> None:
    source = tmp_path / "good.sqlite3"
    assert await cli(core.settings, "backup", "--output", str(source)) == 0
    bad = tmp_path / "bad.sqlite3"
    make(bad, source)
    target = tmp_path / "live.sqlite3"
    old = old_database(target)
    before = files(target)
    try:
        elsewhere = core.settings.model_copy(update={"database": target})
        capsys.readouterr()
        assert await asyncio.wait_for(cli(elsewhere, "restore", "--input", str(bad), "--force"), 30) == 1
        [line] = capsys.readouterr().out.splitlines()
        assert line.startswith("error: ") and says in line
        assert files(target) == before
        assert old.execute("SELECT text FROM marker").fetchall() == [("the old data",)]
    finally:
        old.close()


async def test_a_restore_that_fails_half_way_leaves_the_old_database_and_its_wal(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "good.sqlite3"
    assert await cli(core.settings, "backup", "--output", str(source)) == 0
    target = tmp_path / "live.sqlite3"
    old = old_database(target)
    before = files(target)

    def broken_copy(*_: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backup_module, "_copy", broken_copy)
    try:
        elsewhere = core.settings.model_copy(update={"database": target})
        assert await cli(elsewhere, "restore", "--input", str(source), "--force") == 1
        assert "disk I/O error" in capsys.readouterr().out
        assert files(target) == before
        assert not target.with_name(".live.sqlite3.restore").exists()
    finally:
        old.close()


async def test_restore_replaces_the_database_and_drops_its_old_wal(
    core: Core, transport: RecordingTransport, tmp_path: Path
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await recommend(chat, 1, REC)
    copy = tmp_path / "copy.sqlite3"
    assert await cli(core.settings, "backup", "--output", str(copy)) == 0
    target = tmp_path / "live.sqlite3"
    old_database(target).close()  # the last connection closes: SQLite folds the WAL in
    old = old_database(target)  # ... and a new one leaves writes in a WAL again
    elsewhere = core.settings.model_copy(update={"database": target})
    old.close()
    assert await cli(elsewhere, "restore", "--input", str(copy), "--force") == 0
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT text FROM recommendations").fetchall() == [(REC,)]
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'marker'").fetchall() == []
    conn.close()


async def test_restore_of_a_missing_file_says_so_in_one_line(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = core.settings.model_copy(update={"database": tmp_path / "db.sqlite3"})
    assert await cli(elsewhere, "restore", "--input", str(tmp_path / "nope.sqlite3"), "--force") == 1
    out = capsys.readouterr().out
    assert out == f"error: {tmp_path / 'nope.sqlite3'} does not exist\n"
    assert not (tmp_path / "db.sqlite3").exists()
