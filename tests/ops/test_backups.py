"""Backups known to work: the daily backup, verified and rotated; `backup --verify`; a restore drill under load."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.backup import restore
from bot.backups import BackupKeeper, last_verified, sidecar, write_verified
from bot.cli import main
from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import catalogue, recommendations
from storage.database import Database, open_database

AMMAN = ZoneInfo("Asia/Amman")
DAY_ONE = datetime(2026, 3, 1, 0, 0, tzinfo=AMMAN)  # a Sunday


async def _database(path: Path) -> Database:
    db = await open_database(path)
    await load_plan(db, DEFAULT_PLAN)
    return db


async def _recommend(db: Database, text: str) -> int:
    async with db.transaction() as conn:
        commitment = (await catalogue.list_commitments(conn))[0]
        rec = await recommendations.add_recommendation(
            conn, participant_id=None, commitment_id=commitment.id, theme_id=None, text=text, channel="console",
            now=datetime.now(UTC),
        )  # fmt: skip
    return rec.id


def _keeper(tmp_path: Path, **overrides: object) -> BackupKeeper:
    values: dict[str, object] = {
        "database": tmp_path / "bot.sqlite3",
        "files_folder": tmp_path / "files",
        "folder": tmp_path / "backups",
        "zone": AMMAN,
        "at": "03:30",
        "keep_daily": 3,
        "keep_weekly": 2,
    }
    return BackupKeeper(**(values | overrides))  # type: ignore[arg-type]


async def test_the_daily_backup_is_written_once_its_time_has_come_verified_and_rotated(tmp_path: Path) -> None:
    db = await _database(tmp_path / "bot.sqlite3")
    await _recommend(db, "توصية أولى")
    keeper = _keeper(tmp_path)
    first = await keeper.run_due(DAY_ONE.replace(hour=3, minute=31))
    assert first is not None and first.counts["recommendations"] == 1
    assert sidecar(first.path).exists() and last_verified(keeper.folder) == first
    assert await keeper.run_due(DAY_ONE.replace(hour=23)) is None  # once a day
    assert await keeper.run_due(DAY_ONE.replace(hour=3, minute=29) + timedelta(days=1)) is None  # not before its time
    for day in range(1, 21):
        await keeper.run_due(DAY_ONE.replace(hour=4) + timedelta(days=day))
    await db.close()
    kept = sorted(p.name for p in keeper.folder.glob("ogp-*.sqlite3"))
    # the last three days, plus the newest of the two weeks before the current one's (Monday-based ISO weeks)
    assert kept == [
        "ogp-20260315-040000.sqlite3",
        "ogp-20260319-040000.sqlite3",
        "ogp-20260320-040000.sqlite3",
        "ogp-20260321-040000.sqlite3",
    ]
    assert all(sidecar(keeper.folder / name).exists() for name in kept)
    assert len(list(keeper.folder.glob("*.verified.json"))) == len(kept)  # removed backups took their records along


async def test_a_failed_backup_is_remembered_leaves_nothing_and_is_retried_an_hour_later(tmp_path: Path) -> None:
    keeper = _keeper(tmp_path)  # no database there
    moment = DAY_ONE.replace(hour=4)
    assert await keeper.run_due(moment) is None
    assert keeper.failure is not None and "no database" in keeper.failure
    assert list(keeper.folder.glob("ogp-*")) == [] if keeper.folder.exists() else True
    db = await _database(tmp_path / "bot.sqlite3")
    await db.close()
    assert await keeper.run_due(moment + timedelta(minutes=30)) is None  # not hammered
    assert await keeper.run_due(moment + timedelta(hours=1)) is not None
    assert keeper.failure is None


def test_backup_verify_passes_a_good_backup_and_names_what_is_wrong_with_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def prepare() -> None:
        db = await _database(tmp_path / "bot.sqlite3")
        await _recommend(db, "نص")
        await db.close()

    asyncio.run(prepare())
    output = tmp_path / "b" / "ogp-x.sqlite3"
    write_verified(tmp_path / "bot.sqlite3", tmp_path / "files", output, datetime.now(UTC))
    monkeypatch.setenv("OGP_DATABASE", str(tmp_path / "bot.sqlite3"))
    assert main(["backup", "--verify", str(output)]) == 0
    assert "integrity ok" in capsys.readouterr().out
    with contextlib.closing(sqlite3.connect(output)) as conn, conn:
        conn.execute("DELETE FROM recommendations")  # the copy no longer holds what it was taken with
    assert main(["backup", "--verify", str(output)]) == 1
    # The search index's rows go with the recommendations (its triggers delete them too).
    assert "does not hold the rows it was taken with: recommendation_terms, recommendations" in capsys.readouterr().out
    output.write_bytes(b"not a database" * 100)
    assert main(["backup", "--verify", str(output)]) == 1
    assert "error:" in capsys.readouterr().out


async def test_restore_drill_every_acknowledged_recommendation_survives_a_backup_taken_under_load(
    tmp_path: Path,
) -> None:
    db = await _database(tmp_path / "bot.sqlite3")
    acknowledged: list[int] = []
    stop, busy = asyncio.Event(), asyncio.Event()

    async def participant(n: int) -> None:
        while not stop.is_set():
            acknowledged.append(await _recommend(db, f"توصية {n}-{len(acknowledged)}"))
            if len(acknowledged) >= 50:
                busy.set()

    crowd = [asyncio.create_task(participant(n)) for n in range(8)]
    await busy.wait()  # the crowd is writing
    before = set(acknowledged)  # answered before the backup began
    output = tmp_path / "backups" / "ogp-drill.sqlite3"
    verified = await asyncio.to_thread(
        write_verified, tmp_path / "bot.sqlite3", tmp_path / "files", output, datetime.now(UTC)
    )
    during = len(acknowledged)
    stop.set()
    await asyncio.gather(*crowd)
    await db.close()
    fresh = tmp_path / "fresh" / "bot.sqlite3"
    fresh.parent.mkdir()
    await asyncio.to_thread(restore, output, fresh, force=False, files=tmp_path / "fresh" / "files")
    with contextlib.closing(sqlite3.connect(f"file:{fresh}?mode=ro", uri=True)) as conn:
        restored = {int(row[0]) for row in conn.execute("SELECT id FROM recommendations")}
    assert before <= restored  # nothing acknowledged before the backup is lost
    assert len(restored) == verified.counts["recommendations"] <= during
