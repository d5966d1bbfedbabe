"""Backups known to work: written daily by the bot itself, each verified after it is written, and rotated."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.backup import BackupError, copy_files, files_beside
from storage.database import migration_files
from storage.files import FileStore
from storage.health import counts_of, health, named_files, snapshot_copy

log = logging.getLogger(__name__)
PREFIX, SUFFIX = "ogp-", ".sqlite3"
SIDECAR = ".verified.json"  # written beside a backup once it has passed every check
RETRY_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class Verified:
    """A backup that passed: where it is, when it was checked, its rows per table and how many files it carries."""

    path: Path
    verified_at: datetime
    counts: dict[str, int]
    files: int


def sidecar(path: Path) -> Path:
    """Return where a backup's verification record lives."""
    return path.with_name(path.name + SIDECAR)


def write_verified(database: Path, files_folder: Path, output: Path, now: datetime) -> Verified:
    """Copy the live database and its files to output, then verify the copy against the snapshot it was taken from."""
    if not database.exists():
        raise BackupError(f"no database at {database} (set OGP_DATABASE)")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        counts = snapshot_copy(database, partial)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    copy_files(output, files_folder, files_beside(output))
    return verify(output, now, expected=counts)


def verify(path: Path, now: datetime, expected: dict[str, int] | None = None) -> Verified:
    """Check a backup (read-only, integrity, row counts, files present); record and return the verdict."""
    if not path.is_file() or path.stat().st_size == 0:
        raise BackupError(f"{path} does not exist or is empty")
    found = health(path)
    if found.integrity != "ok":
        raise BackupError(f"{path} failed the integrity check: {found.integrity}")
    if not 0 < found.version <= len(migration_files()):
        raise BackupError(f"{path} is not an ogp-bot database this bot can read (schema {found.version})")
    counts = counts_of(path)
    expected = expected if expected is not None else _recorded_counts(path)
    if expected is not None and counts != expected:
        differ = sorted(name for name in expected.keys() | counts.keys() if expected.get(name) != counts.get(name))
        raise BackupError(f"{path} does not hold the rows it was taken with: {', '.join(differ)}")
    store = FileStore(files_beside(path))
    digests = named_files(path)
    missing = [digest for digest in digests if not store.has(digest)]
    if missing:
        raise BackupError(f"{path} names {len(missing)} files missing from {files_beside(path)}")
    verified = Verified(path, now, counts, len(digests))
    record = {"verified_at": now.isoformat(), "counts": counts, "files": len(digests)}
    sidecar(path).write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    return verified


def _recorded_counts(path: Path) -> dict[str, int] | None:
    """Return the row counts recorded when the backup was first verified, if it was."""
    try:
        record = json.loads(sidecar(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {str(k): int(v) for k, v in record["counts"].items()}


def last_verified(folder: Path | None) -> Verified | None:
    """Return the most recently verified backup in a folder, or None."""
    if folder is None or not folder.is_dir():
        return None
    found: list[Verified] = []
    for record_path in folder.glob(f"{PREFIX}*{SUFFIX}{SIDECAR}"):
        backup = record_path.with_name(record_path.name.removesuffix(SIDECAR))
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
            when = datetime.fromisoformat(record["verified_at"])
        except (OSError, ValueError, KeyError):
            continue
        if backup.exists():
            found.append(Verified(backup, when, dict(record["counts"]), int(record["files"])))
    return max(found, key=lambda v: v.verified_at, default=None)


def backup_name(now: datetime, zone: ZoneInfo) -> str:
    """Return the file name of a backup taken at now (local time, sortable)."""
    return f"{PREFIX}{now.astimezone(zone):%Y%m%d-%H%M%S}{SUFFIX}"


def _taken_on(path: Path) -> datetime | None:
    stamp = path.name.removeprefix(PREFIX).removesuffix(SUFFIX)
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S")  # noqa: DTZ007 - local time, compared with its own kind
    except ValueError:
        return None


def rotate(folder: Path, keep_daily: int, keep_weekly: int) -> list[Path]:
    """Keep the newest backup of each of the last keep_daily days and keep_weekly weeks; delete the rest."""
    dated = sorted(
        ((when, path) for path in folder.glob(f"{PREFIX}*{SUFFIX}") if (when := _taken_on(path))), reverse=True
    )
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for when, path in dated:
        days.setdefault(when.date(), path)
        weeks.setdefault(when.isocalendar()[:2], path)
    kept = set(list(days.values())[:keep_daily]) | set(list(weeks.values())[:keep_weekly])
    removed = [path for _, path in dated if path not in kept]
    for path in removed:
        remove(path)
    return removed


def remove(path: Path) -> None:
    """Delete a backup with its verification record and its files."""
    path.unlink(missing_ok=True)
    sidecar(path).unlink(missing_ok=True)
    shutil.rmtree(files_beside(path), ignore_errors=True)


@dataclass
class BackupKeeper:
    """Writes the day's backup once its time has come, verifies and rotates; remembers the last failure."""

    database: Path
    files_folder: Path
    folder: Path
    zone: ZoneInfo
    at: str  # "HH:MM" local
    keep_daily: int
    keep_weekly: int
    failed_at: datetime | None = None
    failure: str | None = None

    def due(self, now: datetime) -> bool:
        """Tell whether today's backup is due: its time has passed and none was verified since then."""
        local = now.astimezone(self.zone)
        hour, minute = (int(part) for part in self.at.split(":"))
        slot = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if local < slot:
            slot -= timedelta(days=1)
        if self.failed_at is not None and now - self.failed_at < RETRY_AFTER:
            return False
        newest = last_verified(self.folder)
        return newest is None or newest.verified_at < slot

    async def run_due(self, now: datetime) -> Verified | None:
        """Back up if due; return the verified backup (None when none was due, or it failed)."""
        if not self.due(now):
            return None
        output = self.folder / backup_name(now, self.zone)
        try:
            verified = await asyncio.to_thread(write_verified, self.database, self.files_folder, output, now)
        except (BackupError, OSError) as error:
            self.failed_at, self.failure = now, str(error)
            remove(output)  # a copy that failed its checks would pass for the day's backup
            log.error("scheduled backup failed: %s", error)
            return None
        self.failed_at = self.failure = None
        removed = rotate(self.folder, self.keep_daily, self.keep_weekly)
        log.info("backup %s verified (%d files); %d old backups removed", output.name, verified.files, len(removed))
        return verified


def verify_command(path: Path) -> int:
    """`ogp-bot backup --verify FILE`: check a backup, print the verdict, return the exit status."""
    try:
        verified = verify(path, datetime.now(UTC))
    except BackupError as error:
        print(f"error: {error}")
        return 1
    rows = sum(verified.counts.values())
    print(f"{path}: integrity ok, {rows} rows in {len(verified.counts)} tables, {verified.files} files present")
    return 0
