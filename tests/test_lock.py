"""One bot per database: a second `ogp-bot run` or `console` on the same file refuses in one line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.lock import DatabaseInUse, hold_database
from storage.database import migration_files
from tests.support import process_environment

ROOT = Path(__file__).resolve().parents[1]


def environment(database: Path) -> dict[str, str]:
    return process_environment(OGP_DATABASE=str(database))


def ogp_bot(database: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own command line, fixed arguments
        [sys.executable, "-m", "bot", *argv],
        input="",
        capture_output=True,
        text=True,
        env=environment(database),
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", ["run", "console"])
def test_a_second_bot_on_the_same_database_refuses(tmp_path: Path, command: str) -> None:
    database = tmp_path / "bot.sqlite3"
    with hold_database(database):
        done = ogp_bot(database, command)
    assert done.returncode == 1
    [line] = done.stdout.splitlines()
    assert line == f"error: another ogp-bot is running on {database} (it holds {database}.lock); stop it first"
    assert not database.exists()  # it did not even open the file


def console(database: Path) -> subprocess.Popen[bytes]:
    """Start the terminal chat on database and wait until it has opened it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "console"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment(database),
        cwd=ROOT,
    )
    deadline = time.monotonic() + 30
    while not database.exists() and time.monotonic() < deadline:  # a subprocess starting, not a schedule
        time.sleep(0.05)
    return process


def test_a_running_bot_holds_the_lock_until_it_ends(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    with console(database) as first:
        second = ogp_bot(database, "run")
        assert second.returncode == 1 and "another ogp-bot is running" in second.stdout
        assert first.stdin is not None
        first.stdin.close()  # Ctrl-D: the terminal chat ends
        assert first.wait(timeout=30) == 0
    with hold_database(database):  # released by the first bot's exit
        pass


def test_a_bot_killed_with_sigkill_leaves_no_lock_behind(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    with console(database) as first:
        first.kill()
        first.wait(timeout=30)
    with hold_database(database):
        pass
    assert Path(f"{database}.lock").exists()  # the file may stay; the lock never does


def test_a_database_from_a_newer_bot_is_refused_at_start(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    assert ogp_bot(database, "console").returncode == 0  # creates it
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 42")
    conn.close()
    done = ogp_bot(database, "run")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"error: the database has schema version 42; this bot knows up to {len(migration_files())}"
    ]


def test_the_lock_and_restore_follow_a_symbolic_link_to_the_database(tmp_path: Path) -> None:
    database = tmp_path / "live" / "bot.sqlite3"
    link = tmp_path / "link.sqlite3"
    assert ogp_bot(database, "console").returncode == 0  # creates it
    link.symlink_to(database)
    copy = tmp_path / "copy.sqlite3"
    assert ogp_bot(database, "backup", "--output", str(copy)).returncode == 0
    with hold_database(database):
        with pytest.raises(DatabaseInUse), hold_database(link):
            pass
        refused = ogp_bot(link, "restore", "--input", str(copy), "--force")
        assert refused.returncode == 1 and "another ogp-bot is running" in refused.stdout
        assert ogp_bot(link, "run").returncode == 1
    done = ogp_bot(link, "restore", "--input", str(copy), "--force")
    assert done.returncode == 0, done.stdout
    assert link.is_symlink() and link.resolve() == database.resolve()  # the file it names was replaced, not the link
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "copy.sqlite3",
        "link.sqlite3",
        "live",
    ]  # no link.sqlite3.lock
