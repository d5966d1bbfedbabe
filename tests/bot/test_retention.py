"""The retention job anonymises people inactive past OGP_RETENTION_DAYS (not role holders), once."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FakeClock
from bot.core import Core
from bot.retention import apply_retention
from bot.scheduler import RETENTION_JOB_ID
from storage import whatsapp
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import ChatDriver, RecordingTransport

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

    first = await apply_retention(core.db, now=clock.now(), days=800, keep=KEEP)
    assert first.anonymised == 0 and first.outbox_pruned > 0  # not yet; messages sent over 7 days ago go
    result = await apply_retention(core.db, now=clock.now(), days=730, keep=KEEP)
    assert result.anonymised == 1
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
        await core.scheduler.stop()
    clock.advance(timedelta(days=731))
    result = await core.scheduler.run_retention()
    assert result is not None and result.anonymised == 1
    assert await rows(core, "SELECT name FROM participants WHERE name IS NOT NULL") == []


async def test_sent_messages_go_after_the_outbox_keep_days(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await recommend(chat, 1, REC)
    sent = await rows(core, "SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'")
    clock.advance(timedelta(days=6))
    assert (await apply_retention(core.db, now=clock.now(), days=730, outbox_days=7)).outbox_pruned == 0
    clock.advance(timedelta(days=2))
    assert (await apply_retention(core.db, now=clock.now(), days=730, outbox_days=7)).outbox_pruned == sent[0]["n"]
    assert await rows(core, "SELECT COUNT(*) AS n FROM outbox") == [{"n": 0}]
    assert core.settings.outbox_keep_days == core.scheduler.outbox_keep_days == 7


async def test_what_unregistered_chats_left_goes_after_30_days(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    stranger = ChatDriver(core, transport, user="1005", name="زائر")
    await stranger.command("start")
    await stranger.send("اسم كتبه زائر ولم يكمل التسجيل")  # a half-finished registration
    member = await registered(core, transport, "1006", "خالد")
    await member.command("recommend", "1")  # a registered person's draft stays (theirs until retention)
    async with core.db.transaction() as conn:
        await whatsapp.touch_contact(conn, "962790000777", wa_id="962790000777", user_id=None, at=clock.now())
    clock.advance(timedelta(days=29))
    assert (await apply_retention(core.db, now=clock.now(), days=730)).unregistered_pruned == 0
    clock.advance(timedelta(days=2))
    assert (await apply_retention(core.db, now=clock.now(), days=730)).unregistered_pruned == 2
    assert await rows(core, "SELECT external_id FROM sessions") == [{"external_id": "1006"}]
    assert await rows(core, "SELECT * FROM wa_contacts") == []
