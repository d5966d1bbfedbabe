"""The retention job anonymises people inactive past OGP_RETENTION_DAYS (not role holders), once."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FakeClock
from bot.core import Core
from bot.retention import apply_retention
from bot.scheduler import RETENTION_JOB_ID
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import RecordingTransport

KEEP = frozenset({"telegram:9001"})  # OGP_COORDINATORS in tests.support
REC = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع"


async def test_inactive_people_are_anonymised_once_and_the_active_kept(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    coord = await coordinator(core, transport)
    await officer(core, transport, coord, "2001", 2)
    quiet = await registered(core, transport, "1001", "سلمى")
    await recommend(quiet, 1, REC)
    clock.advance(timedelta(days=400))
    active = await registered(core, transport, "1002", "خالد")
    await recommend(active, 1, REC + " ثانية")
    clock.advance(timedelta(days=400))

    assert (await apply_retention(core.db, now=clock.now(), days=800, keep=KEEP)).anonymised == 0  # not yet
    result = await apply_retention(core.db, now=clock.now(), days=730, keep=KEEP)
    assert result.anonymised == 1 and result.outbox_pruned > 0
    people = {r["id"]: r["name"] for r in await rows(core, "SELECT id, name FROM participants")}
    assert sorted(n for n in people.values() if n) == ["خالد", "ضابط 2001", "منى المنسقة"]
    recs = await rows(core, "SELECT participant_id, text FROM recommendations ORDER BY id")
    assert recs[0] == {"participant_id": None, "text": REC}
    assert recs[1]["participant_id"] is not None
    [entry] = await rows(core, "SELECT actor_id, action, detail FROM audit_log WHERE action = 'privacy.retention'")
    assert entry == {"actor_id": None, "action": "privacy.retention", "detail": None}
    assert await rows(core, "SELECT * FROM identities WHERE external_id = '1001'") == []

    again = await apply_retention(core.db, now=clock.now(), days=730, keep=KEEP)
    assert again.anonymised == 0
    assert len(await rows(core, "SELECT * FROM audit_log WHERE action = 'privacy.retention'")) == 1


async def test_the_scheduler_runs_retention_daily_and_on_start(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    quiet = await registered(core, transport, "1001", "سلمى")
    await recommend(quiet, 1, REC)
    assert core.scheduler.retention_days == 730  # OGP_RETENTION_DAYS' default
    await core.scheduler.start()
    try:
        job = core.scheduler.scheduler.get_job(RETENTION_JOB_ID)
        assert str(job.trigger.fields[5]) == "3"  # hour field of the daily cron: 03:00 Amman
    finally:
        core.scheduler.stop()
    clock.advance(timedelta(days=731))
    result = await core.scheduler.run_retention()
    assert result is not None and result.anonymised == 1
    assert await rows(core, "SELECT name FROM participants WHERE name IS NOT NULL") == []
