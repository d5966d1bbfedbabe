"""No command writes onto the live database, its companion files, its lock or its files folder, links included."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import DEFAULT_PLAN


def fingerprint(folder: Path) -> dict[str, str]:
    """Return every file under folder with the sha256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A database with a plan, a WAL, a lock and a files folder holding one file, in a folder of its own."""
    monkeypatch.chdir(tmp_path)  # no .env from the working tree
    home = tmp_path / "live"
    home.mkdir()
    database = home / "bot.sqlite3"
    monkeypatch.setenv("OGP_DATABASE", str(database))
    assert main(["load-plan", str(DEFAULT_PLAN), "--activate"]) == 0
    conn = sqlite3.connect(database)  # kept open: its WAL and SHM stay beside the database
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("INSERT INTO audit_log (action, created_at) VALUES ('test.wal', '2026-01-01T00:00:00')")
    conn.commit()
    (home / "bot.sqlite3.lock").touch()
    (home / "bot.sqlite3.files" / "ab").mkdir(parents=True)
    (home / "bot.sqlite3.files" / "ab" / "evidence").write_bytes(b"%PDF-1.4 evidence")
    (tmp_path / "link.sqlite3").symlink_to(database)
    (tmp_path / "files-link").symlink_to(home / "bot.sqlite3.files")
    yield database
    conn.close()


REFUSED = [
    ("backup", "--output", "live/bot.sqlite3"),
    ("backup", "--output", "link.sqlite3"),
    ("backup", "--output", "live/bot.sqlite3-wal"),
    ("backup", "--output", "live/bot.sqlite3-shm"),
    ("backup", "--output", "live/bot.sqlite3.lock"),
    ("backup", "--output", "live/bot.sqlite3.files/ab/evidence"),
    ("backup", "--output", "files-link/copy.sqlite3"),
    ("restore", "--force", "--input", "link.sqlite3"),
    ("export", "--output", "live/bot.sqlite3-wal", "--format", "csv"),
    ("export", "--output", "files-link/x.xlsx"),
    ("report", "--output", "live/bot.sqlite3.files/r.docx"),
    ("evidence", "--output", "live/bot.sqlite3.files/p.zip"),
    ("publish", "--output", "live"),
    ("publish", "--output", "live/bot.sqlite3.files"),
    ("publish", "--output", "files-link/site"),
]


@pytest.mark.parametrize("argv", REFUSED, ids=[" ".join(a) for a in REFUSED])
def test_every_command_refuses_to_write_onto_the_live_database_or_its_files(
    live: Path, argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    home = live.parent
    before = fingerprint(home)
    capsys.readouterr()
    assert main(list(argv)) == 2
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("error: --") and "choose" in line, line
    assert fingerprint(home) == before  # not a byte changed, nothing added
    with sqlite3.connect(live) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_backup_beside_the_database_is_still_taken(live: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = live.parent / "copy.sqlite3"
    assert main(["backup", "--output", str(copy)]) == 0
    assert "integrity ok" in capsys.readouterr().out
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'test.wal'").fetchone()[0] == 1
    conn.close()
