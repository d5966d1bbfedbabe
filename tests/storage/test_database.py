"""Migrations and the catalogue on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import catalogue
from storage.database import NewerSchemaError, migration_files, open_database
from storage.models import Completion


async def test_migrations_set_user_version_and_are_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    db = await open_database(path)
    latest = len(migration_files())
    async with db.conn.execute("PRAGMA user_version") as cursor:
        assert (await cursor.fetchone() or [None])[0] == latest
    async with db.conn.execute("PRAGMA journal_mode") as cursor:
        assert (await cursor.fetchone() or [None])[0] == "wal"
    async with db.conn.execute("PRAGMA foreign_keys") as cursor:
        assert (await cursor.fetchone() or [None])[0] == 1
    await db.close()
    again = await open_database(path)
    async with again.conn.execute("PRAGMA user_version") as cursor:
        assert (await cursor.fetchone() or [None])[0] == latest
    await again.close()


async def test_nap4_catalogue_loads_five_commitments_with_themes(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "x.sqlite3")
    try:
        assert await load_plan(db, DEFAULT_PLAN) == "jo-nap4"
        await load_plan(db, DEFAULT_PLAN)  # loading twice updates, never duplicates
        async with db.transaction() as conn:
            plan = await catalogue.active_plan(conn)
            commitments = await catalogue.list_commitments(conn)
            themes = await catalogue.list_themes(conn, commitments[0].id)
        assert plan is not None and plan.extended_to is not None and plan.extended_to.isoformat() == "2021-08-31"
        assert [c.ogp_id for c in commitments] == ["JO0059", "JO0060", "JO0061", "JO0062", "JO0063"]
        assert [t.title_ar for t in themes] == ["الحصول على التمويل", "الحوكمة"]
    finally:
        await db.close()


def _nap5(tmp_path: Path) -> Path:
    spec = json.loads(DEFAULT_PLAN.read_text(encoding="utf-8"))
    spec.update(
        id="jo-nap5", number=5, title_ar="الخطة الوطنية الخامسة", start_date="2021-09-01", end_date="2025-06-30"
    )
    spec["extended_to"] = None
    for number, c in enumerate(spec["commitments"], start=1):
        c["ogp_id"] = f"JO{100 + number:04d}"
    path = tmp_path / "nap5.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return path


async def test_another_plan_is_stored_beside_and_activated_on_request(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "x.sqlite3")
    try:
        await load_plan(db, DEFAULT_PLAN)
        await load_plan(db, _nap5(tmp_path))
        async with db.transaction() as conn:
            assert (await catalogue.active_plan(conn)).id == "jo-nap4"  # type: ignore[union-attr]
        await load_plan(db, _nap5(tmp_path), activate=True)
        async with db.transaction() as conn:
            plans = await catalogue.list_plans(conn)
            active = await catalogue.active_plan(conn)
            commitments = await catalogue.list_commitments(conn)
        assert {p.id for p in plans} == {"jo-nap4", "jo-nap5"}
        assert active is not None and active.id == "jo-nap5"
        assert commitments[0].ogp_id == "JO0101"
    finally:
        await db.close()


def test_invalid_plan_file_is_refused_with_the_reason(tmp_path: Path) -> None:
    spec = json.loads(DEFAULT_PLAN.read_text(encoding="utf-8"))
    spec["commitments"][1]["number"] = 1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ValidationError, match="commitment numbers must be unique"):
        catalogue.read_plan_file(path)


async def test_text_that_looks_like_sql_is_stored_verbatim(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "x.sqlite3")
    try:
        await load_plan(db, DEFAULT_PLAN)
        note = "'); DROP TABLE recommendations; --"
        async with db.transaction() as conn:
            await catalogue.add_status_update(conn, 1, Completion.LIMITED, 10, datetime.now(UTC), note=note)
            latest = await catalogue.latest_status(conn, 1)
        assert latest is not None and latest.note == note
    finally:
        await db.close()


async def test_a_database_from_a_newer_bot_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    db = await open_database(path)
    await db.conn.execute("PRAGMA user_version = 42")
    await db.close()
    with pytest.raises(NewerSchemaError, match="schema version 42"):
        await open_database(path)


def wal_size(path: Path) -> int:
    return Path(f"{path}-wal").stat().st_size


async def test_checkpoint_empties_the_wal_and_gives_way_to_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    db = await open_database(path)
    try:
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO audit_log (action, created_at) VALUES ('x', '2026-01-01')")
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM audit_log").fetchone()  # a backup holding a snapshot
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO audit_log (action, created_at) VALUES ('y', '2026-01-01')")
        assert await db.checkpoint() is False  # at once, not after the 5 s busy timeout
        reader.execute("COMMIT")
        reader.close()
        assert await db.checkpoint() is True
        assert wal_size(path) == 0
        async with db.conn.execute("PRAGMA busy_timeout") as cursor:
            assert (await cursor.fetchone() or [None])[0] == 5000  # restored
    finally:
        await db.close()


async def test_a_transaction_in_one_trip_commits_whole_or_rolls_back_whole(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "bot.sqlite3")
    try:

        def both(plain: sqlite3.Connection) -> int:
            plain.execute("CREATE TABLE notes (text TEXT NOT NULL)")
            plain.execute("INSERT INTO notes VALUES ('أول')")
            return 1

        def half(plain: sqlite3.Connection) -> None:
            plain.execute("INSERT INTO notes VALUES ('ثانٍ')")
            plain.execute("INSERT INTO notes VALUES (NULL)")  # refused: the first insert goes with it

        assert await db.write_in_one_trip(both) == 1
        with pytest.raises(sqlite3.IntegrityError):
            await db.write_in_one_trip(half)
        async with db.transaction() as conn:  # nothing left open by the failed one
            rows = await conn.execute_fetchall("SELECT text FROM notes")
        assert [r[0] for r in rows] == ["أول"]
    finally:
        await db.close()
