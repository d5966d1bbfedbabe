"""`ogp-bot backup` and `ogp-bot restore`: consistent copies through SQLite's online backup API."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.lock import DatabaseInUse, hold_database
from bot.outputs import USAGE, OutputRefused, check_output
from bot.settings import Settings
from storage.database import migration_files, open_database
from storage.files import FileStore

COMPANIONS = ("-wal", "-shm")
# Tables every ogp-bot database has had since its first migration: a file without them is someone else's.
OUR_TABLES = frozenset({"participants", "identities", "recommendations", "outbox", "sessions", "processed_events"})
_LIVE_FILES = "SELECT DISTINCT sha256 FROM files WHERE deleted_at IS NULL"


@dataclass(frozen=True)
class FilesCopied:
    """Files a backup or restore carried: how many, and how many its database names but nobody had."""

    copied: int
    missing: int

    def note(self) -> str:
        """Return the figures for the command's line."""
        lost = f", {self.missing} missing" if self.missing else ""
        return f"{self.copied} files{lost}"


def files_beside(database: Path) -> Path:
    """Return where a backup keeps the files its database names: <backup>.files beside it."""
    return database.with_name(database.name + ".files")


def _named_files(database: Path) -> list[str]:
    """Return the digests of the files a database records (erased ones left out); none before migration 011."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "files" not in tables:
            return []
        return [str(r[0]) for r in conn.execute(_LIVE_FILES)]


def copy_files(database: Path, source: Path, target: Path) -> FilesCopied:
    """Copy the files a database names from one files folder to another (each written whole; present ones kept)."""
    have, give = FileStore(source), FileStore(target)
    copied = missing = 0
    for digest in _named_files(database):
        if give.has(digest):
            continue
        origin = have.path(digest)
        if not origin.exists():
            missing += 1
            continue
        destination = give.path(digest)
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(f".incoming-{digest}")
        shutil.copyfile(origin, partial)
        os.replace(partial, destination)
        copied += 1
    return FilesCopied(copied, missing)


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


def _inspect(path: Path) -> int:
    """Return the schema version of a file offered for restore, after checking it is a whole ogp-bot database."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    if path.stat().st_size == 0:
        raise BackupError(f"{path} is empty")
    version = _check(path)
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = sorted(OUR_TABLES - tables)
    if version == 0 or missing:
        raise BackupError(f"{path} is not an ogp-bot database (no {', '.join(missing) or 'schema version'})")
    known = len(migration_files())
    if version > known:
        raise BackupError(f"{path} has schema version {version}; this bot knows up to {known}: upgrade it first")
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


def backup_files(output: Path, files: Path) -> FilesCopied:
    """Copy the files a backup's database names from the live folder to <output>.files (after backup()).

    A file erased between the database copy and now is counted missing: the copy still names it.
    """
    return copy_files(output, files, files_beside(output))


def restore(backup_file: Path, database: Path, *, force: bool, files: Path | None = None) -> int:
    """Replace the database with a checked backup (the bot must be stopped); return the schema version.

    The backup is copied, brought up to date and checked beside the database first; only then does it take the
    database's place, in one rename. Until that rename the old database and its WAL are left as they were. files:
    the live files folder, into which the files the backup names are copied from <backup>.files first (files are
    named by their content, so those already there are kept; the keeper sweeps what no row names any more).
    """
    database = database.resolve()  # a symbolic link: the file it names is replaced, under that file's lock
    try:
        with hold_database(database):
            return _restore(backup_file, database, force=force, files=files)
    except DatabaseInUse as error:
        raise BackupError(str(error)) from None


def _restore(backup_file: Path, database: Path, *, force: bool, files: Path | None) -> int:
    _inspect(backup_file)
    if database.exists() and not force:
        raise BackupError(f"{database} exists; stop the bot and add --force to replace it")
    if files is not None:
        carried = copy_files(backup_file, files_beside(backup_file), files)
        print(f"copied {carried.note()} from {files_beside(backup_file)} to {files}")
    staged = database.with_name(f".{database.name}.restore")
    _remove_with_companions(staged)
    try:
        with contextlib.closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as source:
            _copy(source, staged)
        asyncio.run(_migrate(staged))
        version = _inspect(staged)
        _swap(staged, database)
    except sqlite3.Error as error:
        raise BackupError(f"restore failed, {database} left as it was: {error}") from error
    finally:
        _remove_with_companions(staged)
    return version


def _swap(staged: Path, database: Path) -> None:
    """Put the staged copy in the database's place; the old WAL goes with the old file, never onto the new one."""
    if database.exists():
        with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(database)) as old:
            old.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the old WAL's frames are in the old file now
    aside = [(Path(f"{database}{s}"), Path(f"{staged}.old{s}")) for s in COMPANIONS]
    for live, moved in aside:
        if live.exists():
            os.replace(live, moved)  # a stale WAL would be replayed over the restored pages
    try:
        os.replace(staged, database)
    except OSError:
        for live, moved in aside:
            if moved.exists():
                os.replace(moved, live)
        raise
    for _, moved in aside:
        moved.unlink(missing_ok=True)


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", *COMPANIONS, *(f".old{s}" for s in COMPANIONS)):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


async def _migrate(database: Path) -> None:
    db = await open_database(database)
    await db.close()


def _check_paths(settings: Settings, args: argparse.Namespace) -> None:
    """Refuse a backup written onto the live database or its files, and a restore from them."""
    if args.command == "backup":
        if args.output is not None:  # --verify only reads
            check_output(settings, args.output)
            check_output(settings, files_beside(args.output), folder=True)
    else:
        check_output(settings, args.input, option="--input")


def add_backup_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the backup and restore subcommands."""
    save = sub.add_parser("backup", help="copy the database consistently, even while the bot runs")
    what = save.add_mutually_exclusive_group(required=True)
    what.add_argument("--output", type=Path, help="file to write (replaced atomically)")
    what.add_argument("--verify", type=Path, metavar="FILE", help="check a backup: integrity, row counts, files")
    load = sub.add_parser("restore", help="replace the database with a backup (stop the bot first)")
    load.add_argument("--input", type=Path, required=True, help="a file made by `ogp-bot backup`")
    load.add_argument("--force", action="store_true", help="replace an existing database")


def run_backup_command(settings: Settings, args: argparse.Namespace) -> int:
    """Back up or restore; print what happened; return the exit status."""
    try:
        _check_paths(settings, args)
    except OutputRefused as error:
        print(f"error: {error}")
        return USAGE
    try:
        if args.command == "backup" and args.verify is not None:
            from bot.backups import verify_command  # the verified backups' module imports this one

            return verify_command(args.verify)
        if args.command == "backup":
            version = backup(settings.database, args.output)
            carried = backup_files(args.output, settings.files_folder)
            beside = files_beside(args.output)
            print(f"backed up {settings.database} to {args.output} (schema {version}, integrity ok)")
            print(f"copied {carried.note()} to {beside}")
        else:
            version = restore(args.input, settings.database, force=args.force, files=settings.files_folder)
            print(f"restored {settings.database} from {args.input} (schema {version}, integrity ok)")
    except BackupError as error:
        print(f"error: {error}")
        return 1
    return 0
