"""One bot per database: an exclusive lock on a file beside it, which the system releases when the process ends."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path


class DatabaseInUse(Exception):
    """Another process holds the database's lock."""


def lock_path(database: Path) -> Path:
    """Return the lock file of a database, beside the file it resolves to (a symbolic link shares its target's)."""
    real = database.resolve()
    return real.with_name(real.name + ".lock")


@contextlib.contextmanager
def hold_database(database: Path) -> Iterator[None]:
    """Hold the database's exclusive lock for the block; raise DatabaseInUse at once when another process has it.

    flock, not the lock file's existence: a process killed with SIGKILL leaves the file, never the lock.
    """
    path = lock_path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise DatabaseInUse(f"another ogp-bot is running on {database} (it holds {path}); stop it first") from None
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
