"""`ogp-bot backup` and `ogp-bot restore`: consistent copies through SQLite's online backup API."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sqlite3
from pathlib import Path

from bot.settings import Settings
from storage.database import migration_files, open_database


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason to print."""


def _check(path: Path) -> int:
    """Return the schema version of a database file after checking that it is whole."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a usable SQLite database: {error}") from error
    if result != "ok":
        raise BackupError(f"{path} failed the integrity check: {result}")
    return version


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Write source into a new file at target, atomically (a temporary file renamed into place)."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with contextlib.closing(sqlite3.connect(partial)) as destination:
            # One step: a single read transaction, so a snapshot that the bot's writes (WAL) never restart.
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def backup(database: Path, output: Path) -> int:
    """Copy the live database to output while the bot may be writing; return the copy's schema version."""
    if not database.exists():
        raise BackupError(f"no database at {database} (set OGP_DATABASE)")
    output.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(database)) as source:
        _copy(source, output)
    return _check(output)


def restore(backup_file: Path, database: Path, *, force: bool) -> int:
    """Replace the database with a checked backup (the bot must be stopped); return the schema version."""
    if not backup_file.is_file():
        raise BackupError(f"no backup file at {backup_file}")
    version = _check(backup_file)
    known = len(migration_files())
    if version > known:
        raise BackupError(f"{backup_file} has schema version {version}; this bot knows up to {known}: upgrade it first")
    if database.exists() and not force:
        raise BackupError(f"{database} exists; stop the bot and add --force to replace it")
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)  # a stale log would be replayed over the restored pages
    with contextlib.closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as source:
        _copy(source, database)
    asyncio.run(_migrate(database))
    return _check(database)


async def _migrate(database: Path) -> None:
    db = await open_database(database)
    await db.close()


def add_backup_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the backup and restore subcommands."""
    save = sub.add_parser("backup", help="copy the database consistently, even while the bot runs")
    save.add_argument("--output", type=Path, required=True, help="file to write (replaced atomically)")
    load = sub.add_parser("restore", help="replace the database with a backup (stop the bot first)")
    load.add_argument("--input", type=Path, required=True, help="a file made by `ogp-bot backup`")
    load.add_argument("--force", action="store_true", help="replace an existing database")


def run_backup_command(settings: Settings, args: argparse.Namespace) -> int:
    """Back up or restore; print what happened; return the exit status."""
    try:
        if args.command == "backup":
            version = backup(settings.database, args.output)
            print(f"backed up {settings.database} to {args.output} (schema {version}, integrity ok)")
        else:
            version = restore(args.input, settings.database, force=args.force)
            print(f"restored {settings.database} from {args.input} (schema {version}, integrity ok)")
    except BackupError as error:
        print(f"error: {error}")
        return 1
    return 0
