"""What the operators' tools ask of a database file: whole or not, schema level, rows per table, a snapshot copy."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# An fts5vocab table stores nothing (it reads its index), so its rows say nothing the index's do not.
_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    " AND sql NOT LIKE '%USING fts5vocab%' ORDER BY name"
)
# FTS5 shadow tables and virtual tables are counted through their owner; counting them twice says nothing more.
_SKIPPED_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


@dataclass(frozen=True)
class Health:
    """One database file as the integrity check and the schema see it."""

    integrity: str  # "ok", or SQLite's first complaint
    version: int  # PRAGMA user_version: the last migration applied


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """Open a database file read-only (never created, never changed)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def health(path: Path) -> Health:
    """Return the integrity check's verdict and the schema version of a database file."""
    with read_only(path) as conn:
        try:
            result = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        except sqlite3.DatabaseError as error:
            return Health(str(error), 0)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    return Health(result, version)


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Return the number of rows in each ordinary table."""
    names = [str(row[0]) for row in conn.execute(_TABLES)]
    counted = [name for name in names if not name.endswith(_SKIPPED_SUFFIXES) or _owner(name, names) is None]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in counted}  # noqa: S608


def _owner(name: str, names: list[str]) -> str | None:
    """Return the virtual table a shadow table belongs to, if it is one."""
    base = name.rsplit("_", 1)[0]
    return base if base in names else None


def snapshot_copy(database: Path, target: Path) -> dict[str, int]:
    """Copy the live database into target (a new file) and return the row counts of the very snapshot copied."""
    with contextlib.closing(sqlite3.connect(database, isolation_level=None)) as source:
        source.execute("BEGIN")  # one read transaction: the counts and the copy see the same snapshot
        try:
            counts = table_counts(source)
            with contextlib.closing(sqlite3.connect(target)) as destination:
                source.backup(destination)
                destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            source.execute("COMMIT")
    return counts


def counts_of(path: Path) -> dict[str, int]:
    """Return the row counts of a database file, opened read-only."""
    with read_only(path) as conn:
        return table_counts(conn)


def named_files(path: Path) -> list[str]:
    """Return the digests of the files a database records and has not erased (none before the files table)."""
    with read_only(path) as conn:
        tables = {str(r[0]) for r in conn.execute(_TABLES)}
        if "files" not in tables:
            return []
        return [str(r[0]) for r in conn.execute("SELECT DISTINCT sha256 FROM files WHERE deleted_at IS NULL")]
