"""Reminder jobs under a controlled clock: each fires when due, not before, not in quiet hours, never twice."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

from bot.clock import FakeClock
from bot.core import Core
from bot.scheduler import (
    UPDATE_JOB_ID,
    JobContext,
    ReminderScheduler,
    remind_answers,
    remind_milestones,
    remind_updates,
)
from handlers.kit.reminder_rules import ReminderRules
from storage import audit, catalogue, recommendations
from storage.models import Completion
from storage.timefmt import to_db
from tests.bot.reminder_support import AMMAN, amman, commitment_id, liaison, outbox_rows, person
from tests.support import RecordingTransport


def test_default_progress_trigger_fires_on_first_sundays_at_ten() -> None:
    trigger = ReminderRules().update_trigger(AMMAN)
    assert trigger is not None
    fires, moment = [], amman(2026, 11, 29, 10, 1)
    for _ in range(3):
        moment = trigger.get_next_fire_time(None, moment)
        fires.append(moment)
        moment += timedelta(seconds=1)
    assert fires == [amman(2026, 12, 6, 10), amman(2027, 1, 3, 10), amman(2027, 2, 7, 10)]


async def test_started_scheduler_computes_next_fire_times(core: Core) -> None:
    await core.scheduler.start()
    try:
        job = core.scheduler.scheduler.get_job(UPDATE_JOB_ID)
        now = datetime.now(AMMAN)
        expected = ReminderRules().update_trigger(AMMAN).get_next_fire_time(None, now)  # type: ignore[union-attr]
        assert job.next_run_time == expected
        assert job.next_run_time.weekday() == 6 and job.next_run_time.day <= 7 and job.next_run_time.hour == 10
        check = core.scheduler.scheduler.get_job("reminders")
        assert check.trigger.interval == timedelta(minutes=15)
    finally:
        await core.scheduler.stop()


async def test_progress_reminder_fires_when_due_once_across_restarts(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    officer = await liaison(core, "2001", 2)
    assert await core.scheduler.run_due(amman(2026, 12, 6, 9, 59)) == 0
    clock.set(amman(2026, 12, 6, 10))
    assert await core.scheduler.run_due() == 1
    assert await core.scheduler.run_due(amman(2026, 12, 6, 11)) == 0
    restarted = ReminderScheduler(core.db, core.messages, clock, zone=AMMAN, defaults=ReminderRules())
    assert await restarted.run_due(amman(2026, 12, 7, 10)) == 0  # a day later, after a restart: still once
    await core.sender.flush()
    [sent] = transport.to("2001")
    assert "تحديث حالة تنفيذ الالتزام 2" in sent.text
    [row] = await outbox_rows(core, "reminder")
    assert row["dedupe_key"] == f"remind:update:{await commitment_id(core, 2)}:2026-12-06:{officer.id}"
    assert row["status"] == "sent"


async def test_progress_reminder_skipped_for_commitment_updated_since_last_one(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    await liaison(core, "2001", 1)
    await liaison(core, "2002", 2)
    c1 = await commitment_id(core, 1)
    async with core.db.transaction() as conn:
        await catalogue.add_status_update(conn, c1, Completion.LIMITED, 30, amman(2026, 11, 20))
    clock.set(amman(2026, 12, 6, 10))
    assert await core.scheduler.run_due() == 1
    await core.sender.flush()
    assert transport.to("2001") == [] and len(transport.to("2002")) == 1


async def test_the_first_progress_reminder_asks_what_was_done_so_far(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    await liaison(core, "2001", 1)
    await liaison(core, "2002", 2)
    c1 = await commitment_id(core, 1)
    async with core.db.transaction() as conn:  # commitment 1 reported long ago; commitment 2 never
        await catalogue.add_status_update(conn, c1, Completion.LIMITED, 30, amman(2026, 9, 1))
    clock.set(amman(2026, 12, 6, 10))
    assert await core.scheduler.run_due() == 2
    await core.sender.flush()
    [again] = transport.to("2001")
    [first] = transport.to("2002")
    assert "وما تم منذ آخر تحديث" in again.text
    assert "وما أُنجز حتى الآن" in first.text and "منذ آخر تحديث" not in first.text


async def test_reminder_due_on_a_weekend_night_waits_for_working_hours(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    await liaison(core, "2001", 1)
    async with core.db.transaction() as conn:  # every Friday at 22:00: a day off and inside quiet hours
        await conn.execute(
            "INSERT INTO reminder_rules (key, value, updated_at) VALUES ('update_cron', '0 22 * * fri', ?)",
            (to_db(clock.now()),),
        )
    clock.set(amman(2026, 12, 4, 22))
    assert await core.scheduler.run_due() == 1
    [row] = await outbox_rows(core, "reminder")
    assert datetime.fromisoformat(str(row["not_before"])) == amman(2026, 12, 6, 9)  # Sunday 09:00
    await core.sender.flush()
    clock.set(amman(2026, 12, 5, 23))
    await core.sender.flush()
    assert transport.to("2001") == []
    clock.set(amman(2026, 12, 6, 9))
    await core.sender.flush()
    assert len(transport.to("2001")) == 1


async def test_reminders_honour_the_participants_choice(core: Core, transport: RecordingTransport) -> None:
    await liaison(core, "2001", 1, notify_reminders=False)
    assert await core.scheduler.run_due(amman(2026, 12, 6, 10)) == 0
    await core.sender.flush()
    assert transport.sent == []


async def _recommend(core: Core, author_id: int, number: int, when: datetime) -> int:
    async with core.db.transaction() as conn:
        saved = await recommendations.add_recommendation(
            conn,
            participant_id=author_id,
            commitment_id=await _cid(conn, number),
            theme_id=None,
            text="توصية للاختبار",
            channel="telegram",
            now=when,
        )
    return saved.id


async def _cid(conn: object, number: int) -> int:
    cursor = await conn.execute("SELECT id FROM commitments WHERE number = ?", (number,))  # type: ignore[attr-defined]
    row = await cursor.fetchone()
    await cursor.close()
    return int(row[0])


async def test_unanswered_recommendations_reach_officer_then_coordinators(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    author = await person(core, "3001")
    await liaison(core, "2001", 3)
    sent_at = amman(2026, 12, 1, 12)
    first = await _recommend(core, author.id, 3, sent_at)
    jobs = [remind_answers]
    assert await core.scheduler.run_due(sent_at + timedelta(days=13, hours=23), jobs) == 0
    assert await core.scheduler.run_due(sent_at + timedelta(days=14, hours=1), jobs) == 1
    assert await core.scheduler.run_due(sent_at + timedelta(days=15), jobs) == 0  # told once
    second = await _recommend(core, author.id, 3, amman(2026, 12, 3, 12))
    assert await core.scheduler.run_due(sent_at + timedelta(days=16, hours=1), jobs) == 1  # only the new one
    assert await core.scheduler.run_due(sent_at + timedelta(days=29, hours=23), jobs) == 0
    assert await core.scheduler.run_due(sent_at + timedelta(days=30, hours=1), jobs) == 1  # the coordinator
    clock.set(sent_at + timedelta(days=31))
    await core.sender.flush()
    officer = [r.text for r in transport.to("2001")]
    assert f"#{first}" in officer[0] and f"#{second}" not in officer[0]
    assert f"#{second}" in officer[1] and f"#{first}" not in officer[1]
    [digest] = transport.to("9001")
    assert "الالتزام 3" in digest.text and f"#{first}" in digest.text
    logged = await outbox_rows(core, "reminder")
    assert [r["dedupe_key"] for r in logged][-1] == "remind:overdue:telegram:9001:2026-12-31"


async def test_milestone_reminders_before_the_end_and_when_it_passes(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    await liaison(core, "2001", 4)
    async with core.db.transaction() as conn:
        await catalogue.add_milestone(conn, await _cid(conn, 4), "إطلاق البوابة", None, date(2026, 12, 20), clock.now())
    jobs = [remind_milestones]
    assert await core.scheduler.run_due(amman(2026, 12, 12, 10), jobs) == 0
    assert await core.scheduler.run_due(amman(2026, 12, 13, 10), jobs) == 1
    assert await core.scheduler.run_due(amman(2026, 12, 20, 10), jobs) == 0
    assert await core.scheduler.run_due(amman(2026, 12, 21, 10), jobs) == 1
    assert await core.scheduler.run_due(amman(2026, 12, 22, 10), jobs) == 0
    clock.set(amman(2026, 12, 22, 10))
    await core.sender.flush()
    soon, passed = (r.text for r in transport.to("2001"))
    assert "تنتهي في 20/12/2026" in soon and "انتهى موعد المرحلة" in passed


async def test_round_deadline_reminds_members(core: Core, transport: RecordingTransport, clock: FakeClock) -> None:
    keen = await person(core, "3001")
    quiet = await person(core, "3002", notify_reminders=False)
    deadline = amman(2026, 12, 10, 23, 59)
    async with core.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO rounds (code, name, deadline, state, created_at) VALUES ('r1', 'جولة كانون', ?, 'open', ?)",
            (to_db(deadline), to_db(clock.now())),
        )
    c1 = await commitment_id(core, 1)
    async with core.db.transaction() as conn:
        for who in (keen, quiet):
            await conn.execute(
                "INSERT INTO round_members (round_id, participant_id, commitment_id, joined_at, updated_at) "
                "VALUES (1, ?, ?, ?, ?)",
                (who.id, c1, to_db(clock.now()), to_db(clock.now())),
            )
    assert await core.scheduler.run_due(deadline - timedelta(days=2, minutes=1)) == 0
    assert await core.scheduler.run_due(deadline - timedelta(days=1)) == 1
    assert await core.scheduler.run_due(deadline - timedelta(hours=2)) == 0
    clock.set(deadline - timedelta(hours=2))
    await core.sender.flush()
    [sent] = transport.to("3001")
    assert "جولة كانون" in sent.text and "10/12/2026 23:59" in sent.text
    assert transport.to("3002") == []


async def test_a_failing_job_does_not_stop_the_others(core: Core) -> None:
    async def broken(_: object) -> int:
        raise RuntimeError("boom")

    await liaison(core, "2001", 1)
    queued = await core.scheduler.run_due(amman(2026, 12, 6, 10), [broken, remind_updates])
    assert queued == 1


async def test_a_long_overdue_list_names_the_oldest_twenty_and_counts_them_all(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    author = await person(core, "3001")
    await liaison(core, "2001", 2)
    sent_at = amman(2026, 12, 1, 12)
    ids = [await _recommend(core, author.id, 2, sent_at) for _ in range(60)]
    assert await core.scheduler.run_due(sent_at + timedelta(days=30, hours=1), [remind_answers]) == 2
    clock.set(sent_at + timedelta(days=31))
    await core.sender.flush()
    [digest] = transport.to("9001")
    assert "الالتزام 2: 60 توصية" in digest.text
    assert f"#{ids[19]}، …" in digest.text and f"#{ids[20]}" not in digest.text
    logged = await outbox_rows(core, "reminder")
    assert any(r["dedupe_key"].startswith("remind:overdue:telegram:9001") for r in logged)


async def test_stopping_waits_for_a_job_under_way(core: Core, clock: FakeClock) -> None:
    started, release, finished = asyncio.Event(), asyncio.Event(), []

    async def slow(jc: JobContext) -> int:
        started.set()
        await release.wait()  # still inside its transaction when the bot is asked to stop
        await audit.record(jc.conn, None, "slow-job", None, None, jc.now)
        finished.append(True)
        return 0

    scheduler = ReminderScheduler(core.db, core.messages, clock, zone=AMMAN, defaults=ReminderRules(), jobs=(slow,))
    await scheduler.start()  # runs the check at once
    async with asyncio.timeout(10):
        await started.wait()
    stopping = asyncio.create_task(scheduler.stop())
    await asyncio.sleep(0)  # let stop() reach its wait
    assert not stopping.done() and finished == []
    release.set()
    await stopping
    assert finished == [True]
    async with core.db.transaction() as conn:
        stored = await conn.execute_fetchall("SELECT action FROM audit_log WHERE action = 'slow-job'")
    assert [tuple(r) for r in stored] == [("slow-job",)]
