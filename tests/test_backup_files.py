"""`ogp-bot backup` carries the files people sent; `ogp-bot restore` brings them back with the database."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from pathlib import Path

import pytest

from bot.backup import run_backup_command
from bot.cli import build_parser
from bot.core import Core
from bot.settings import Settings
from storage.files import FileStore
from tests import media
from tests.loop_support import registered
from tests.support import RecordingTransport


async def cli(settings: Settings, *argv: str) -> int:
    return await asyncio.to_thread(run_backup_command, settings, build_parser().parse_args(list(argv)))


async def test_backup_and_restore_keep_the_files(
    core: Core, transport: RecordingTransport, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await chat.command("recommend", "4")
    await chat.press("محور آخر")
    voice = media.ogg_opus(64)
    await chat.send_voice(voice)
    await chat.send_file("خريطة.png", media.png(), "image/png", kind="photo")
    await chat.press("✅ إرسال")
    left_over = media.pdf("a draft nobody sent")
    await chat.command("recommend", "1")
    await chat.press("محور آخر")
    await chat.send_file("draft.pdf", left_over, "application/pdf")  # a file that belongs to nothing yet
    digest = hashlib.sha256(voice).hexdigest()

    copy = tmp_path / "backups" / "ogp.sqlite3"
    assert await cli(core.settings, "backup", "--output", str(copy)) == 0
    out = capsys.readouterr().out
    assert "integrity ok" in out and "copied 3 files to" in out
    kept = FileStore(tmp_path / "backups" / "ogp.sqlite3.files")
    assert kept.read(digest) == voice
    assert await cli(core.settings, "backup", "--output", str(copy)) == 0  # again: nothing to copy twice
    assert "copied 0 files" in capsys.readouterr().out

    target = tmp_path / "elsewhere" / "restored.sqlite3"
    target.parent.mkdir()
    elsewhere = core.settings.model_copy(update={"database": target})
    assert await cli(elsewhere, "restore", "--input", str(copy)) == 0
    assert "copied 3 files" in capsys.readouterr().out
    restored = FileStore(elsewhere.files_folder)
    assert elsewhere.files_folder == tmp_path / "elsewhere" / "restored.sqlite3.files"
    assert restored.read(digest) == voice
    with sqlite3.connect(target) as conn:
        names = conn.execute("SELECT role, sha256 FROM files ORDER BY id").fetchall()
    assert names[0] == ("voice", digest) and len(names) == 3
    assert {restored.read(d) is not None for _, d in names} == {True}


async def test_a_file_missing_from_the_folder_is_counted_not_fatal(
    core: Core, transport: RecordingTransport, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await chat.send_voice(media.ogg_opus(30))
    [(digest,)] = [(d,) for d, _ in core.receiver.store.stored()]
    core.receiver.store.remove(digest)  # lost from the disk by hand
    copy = tmp_path / "copy.sqlite3"
    assert await cli(core.settings, "backup", "--output", str(copy)) == 0
    assert "copied 0 files, 1 missing" in capsys.readouterr().out
