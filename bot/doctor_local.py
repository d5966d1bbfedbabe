"""The doctor's checks of this server: the database, the files folder and its disk, the last verified backup."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from bot.backups import last_verified
from bot.findings import Finding, bad, ok
from bot.settings import Settings
from storage.database import migration_files
from storage.health import health


def database_findings(settings: Settings) -> list[Finding]:
    """Check that the database exists, is whole and is at this bot's schema level."""
    path = settings.database
    if not path.is_file():
        return [bad("doctor-db-missing", path=str(path), setting="OGP_DATABASE")]
    found = health(path)
    known = len(migration_files())
    if found.integrity != "ok":
        return [bad("doctor-db-broken", problem=found.integrity)]
    if found.version < known:
        return [bad("doctor-db-behind", version=found.version, known=known)]
    if found.version > known:
        return [bad("doctor-db-ahead", version=found.version, known=known)]
    return [ok("doctor-db-ok", version=found.version)]


def free_mb(path: Path) -> int:
    """Return the free space, in MB, of the disk a path is (or would be) on."""
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    return shutil.disk_usage(existing).free // (1024 * 1024)


def files_findings(settings: Settings) -> list[Finding]:
    """Check that the files folder can be written and that its disk has room."""
    folder = settings.files_folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".doctor-")
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        problem = error.strerror or str(error)
        return [bad("doctor-files-unwritable", path=str(folder), error=problem, setting="OGP_FILES_DIR")]
    free = free_mb(folder)
    if free < settings.disk_min_free_mb:
        return [bad("doctor-disk-low", path=str(folder), free=free, needed=settings.disk_min_free_mb)]
    return [ok("doctor-files-ok", path=str(folder), free=free)]


def backup_findings(settings: Settings, now: datetime) -> list[Finding]:
    """Check that a verified backup younger than OGP_BACKUP_MAX_AGE_HOURS exists."""
    if settings.backup_dir is None:
        return [bad("doctor-backup-off", setting="OGP_BACKUP_DIR")]
    newest = last_verified(settings.backup_dir)
    if newest is None:
        return [bad("doctor-backup-none", path=str(settings.backup_dir), time=settings.backup_time)]
    hours = int((now - newest.verified_at).total_seconds() // 3600)
    if hours >= settings.backup_max_age_hours:
        return [bad("doctor-backup-old", hours=hours)]
    return [ok("doctor-backup-ok", hours=hours, path=str(newest.path))]
