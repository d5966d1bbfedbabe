"""Coordinators are reminded when the forum has not met for five months, and when the open data's newest snapshot
is older than five months; the snapshot job keeps one every OGP_SNAPSHOT_MONTHS months (a controlled clock)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.core import Core
from bot.scheduler import SNAPSHOT_JOB_ID, remind_forum, remind_snapshot
from bot.settings import Settings
from bot.snapshots import SnapshotKeeper
from public.snapshot import FILES as SNAPSHOT_FILES
from storage import snapshots
from storage.timefmt import to_db
from storage.timeline import months_before
from tests.bot.reminder_support import AMMAN, amman, outbox_rows, person
from tests.public.world import site_for
from tests.support import RecordingTransport


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 29), 5, date(2026, 6, 29)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2026, 1, 15), 2, date(2025, 11, 15)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


async def test_forum_reminder_after_five_months_once_a_month(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    await person(core, "1001")  # the bot is in use from today: the forum's clock starts now
    assert await core.scheduler.run_due(amman(2027, 4, 28, 10), jobs=[remind_forum]) == 0
    assert await core.scheduler.run_due(amman(2027, 4, 29, 10), jobs=[remind_forum]) == 1
    assert await core.scheduler.run_due(amman(2027, 4, 30, 10), jobs=[remind_forum]) == 0  # once this month
    assert await core.scheduler.run_due(amman(2027, 5, 2, 10), jobs=[remind_forum]) == 1  # again next month
    clock.set(amman(2027, 5, 2, 10))
    await core.sender.flush()
    [first, _] = transport.to("9001")
    assert "منذ بدء استخدام البوت في 29/11/2026" in first.text and "ستة أشهر" in first.text
    [row, _] = await outbox_rows(core, "reminder")
    assert row["dedupe_key"] == "remind:forum:2026-11-29:2027-04:telegram:9001"
    async with core.db.transaction() as conn:  # a meeting is held: the clock starts again from its day
        await conn.execute(
            "INSERT INTO rounds (code, name, held_on, state, created_at) VALUES ('AAAAAA', 'لقاء', '2027-05-10', "
            "'closed', ?)",
            (to_db(amman(2027, 5, 1)),),
        )
    assert await core.scheduler.run_due(amman(2027, 6, 2, 10), jobs=[remind_forum]) == 0
    assert await core.scheduler.run_due(amman(2027, 10, 11, 10), jobs=[remind_forum]) == 1
    clock.set(amman(2027, 10, 11, 10))
    await core.sender.flush()
    assert "منذ 10/5/2027" in transport.to("9001")[-1].text


async def test_a_fresh_install_with_nobody_is_not_reminded(core: Core) -> None:
    assert await core.scheduler.run_due(amman(2030, 1, 1, 10), jobs=[remind_forum, remind_snapshot]) == 0


async def test_snapshot_job_and_its_reminder(
    core: Core, transport: RecordingTransport, clock: FakeClock, tmp_path: Path
) -> None:
    await person(core, "1001")
    keeper = SnapshotKeeper(core.db, site_for(core), root=tmp_path / "snaps", months=6, zone=AMMAN)
    first = await keeper.run_due(clock.now())
    assert first is not None
    files = sorted(p.name for p in (tmp_path / "snaps" / first.folder).iterdir())
    assert files == sorted(SNAPSHOT_FILES)  # the site's open-data files: the published view
    assert await keeper.run_due(clock.now() + timedelta(days=150)) is None  # five months: not yet
    assert await core.scheduler.run_due(amman(2027, 4, 28, 10), jobs=[remind_snapshot]) == 0
    assert await core.scheduler.run_due(amman(2027, 4, 29, 10), jobs=[remind_snapshot]) == 1
    clock.set(amman(2027, 4, 29, 10))
    await core.sender.flush()
    assert "آخر لقطة منشورة من البيانات المفتوحة بتاريخ 29/11/2026" in transport.to("9001")[-1].text
    second = await keeper.run_due(amman(2027, 5, 29, 4))
    assert second is not None and second.folder == "2027-05-29-0400"
    async with core.db.transaction() as conn:
        assert [s.folder for s in await snapshots.list_snapshots(conn)] == [first.folder, second.folder]
    off = SnapshotKeeper(core.db, site_for(core), root=tmp_path / "off", months=0, zone=AMMAN)
    assert await off.run_due(amman(2030, 1, 1)) is None and not (tmp_path / "off").exists()


async def test_the_scheduler_runs_the_configured_keeper(core: Core, clock: FakeClock) -> None:
    await core.scheduler.run_snapshots(clock.now())
    folder = core.settings.snapshot_folder
    assert folder == core.settings.database.resolve().parent / "snapshots"
    assert sorted(p.name for p in next(folder.iterdir()).iterdir()) == sorted(SNAPSHOT_FILES)


def test_snapshot_settings_as_env_example_documents_them(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / ".env.example"
    settings = Settings(_env_file=example, database=tmp_path / "bot.sqlite3")
    assert settings.snapshot_months == 6 and settings.snapshot_dir is None
    assert settings.snapshot_folder == tmp_path / "snapshots"
    assert Settings(_env_file=None, snapshot_dir=tmp_path / "elsewhere").snapshot_folder == tmp_path / "elsewhere"


async def test_the_started_scheduler_checks_snapshots_daily_at_half_past_three(core: Core) -> None:
    await core.scheduler.start()
    try:
        job = core.scheduler.scheduler.get_job(SNAPSHOT_JOB_ID)
        assert job is not None and str(job.trigger.fields[5]) == "3" and str(job.trigger.fields[6]) == "30"
    finally:
        await core.scheduler.stop()
