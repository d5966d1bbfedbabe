"""/broadcast: coordinators only; message → audience → preview with count → confirm → queued → summary."""

from __future__ import annotations

from bot.clock import FakeClock
from bot.core import Core
from bot.scheduler import summarise_broadcasts
from bot.transport import Delivery, Outcome
from handlers.kit.contract import Reply
from storage.models import OutboxRow
from tests.bot.reminder_support import amman, commitment_id, liaison, outbox_rows, person
from tests.support import ChatDriver, RecordingTransport, texts


def coordinator(chat: ChatDriver) -> ChatDriver:
    """The same core, as the configured coordinator telegram:9001."""
    return ChatDriver(chat.core, chat.transport, user="9001", name="منسق")


class BlockedBy(RecordingTransport):
    """Records, except that one recipient has blocked the bot."""

    def __init__(self, blocked: str) -> None:
        super().__init__()
        self.blocked = blocked

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Refuse the blocked recipient as Telegram does."""
        if row.recipient == self.blocked:
            return Delivery(Outcome.UNREACHABLE, error="403 Forbidden: bot was blocked by the user")
        return await super().deliver(row, reply)


async def test_participant_cannot_broadcast(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    replies = await chat.command("broadcast")
    assert "متاح لمنسقي الخطة فقط" in texts(replies)
    await chat.send("رسالة إلى الجميع")
    assert await outbox_rows(core, "broadcast") == []


async def test_broadcast_to_everyone_with_preview_count_and_summary(chat: ChatDriver, core: Core) -> None:
    for user in ("3001", "3002", "3003"):
        await person(core, user)
    blocked = BlockedBy("3003")
    core.sender.add_transport(blocked)
    boss = ChatDriver(core, blocked, user="9001", name="منسق")
    await boss.command("broadcast")
    await boss.send("اجتماع الفريق يوم الأحد القادم")
    preview = texts(await boss.press("bc:a:all"))
    assert "اجتماع الفريق" in preview and "3 أشخاص" in preview
    assert "3 أشخاص" in texts(await boss.press("bc:send"))
    rows = await outbox_rows(core, "broadcast")
    assert len(rows) == 3 and len({r["batch"] for r in rows}) == 1
    assert all(str(r["dedupe_key"]).startswith(f"bc:{rows[0]['batch']}:") for r in rows)
    await core.sender.flush()
    assert "اجتماع الفريق" in blocked.to("3001")[0].text and blocked.to("3003") == []
    assert await core.scheduler.run_due(jobs=[summarise_broadcasts]) == 1
    assert await core.scheduler.run_due(jobs=[summarise_broadcasts]) == 0  # told once
    await core.sender.flush()
    summary = blocked.to("9001")[-1].text
    assert "إلى 3" in summary and "وصلت: 2" in summary and "أوقفوا البوت: 1" in summary


async def test_broadcast_to_followers_of_a_commitment(chat: ChatDriver, core: Core) -> None:
    fan = await person(core, "3001")
    await person(core, "3002")
    second = await commitment_id(core, 2)
    async with core.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO follows (participant_id, commitment_id, created_at) VALUES (?, ?, '2026-01-01')",
            (fan.id, second),
        )
    boss = coordinator(chat)
    await boss.command("broadcast")
    await boss.send("تحديث على الالتزام الثاني")
    await boss.press("bc:a:followers")
    assert "شخص واحد" in texts(await boss.press(f"bc:c:{await commitment_id(core, 2)}"))
    await boss.press("bc:send")
    await core.sender.flush()
    assert len(chat.transport.to("3001")) == 1 and chat.transport.to("3002") == []


async def test_broadcast_to_liaison_officers_and_stale_or_forged_buttons(chat: ChatDriver, core: Core) -> None:
    await liaison(core, "2001", 1)
    await person(core, "3001")
    boss = coordinator(chat)
    await boss.command("broadcast")
    assert "لم أتعرّف" in texts(await boss.press_data("bc:zz:1"))
    assert "رسالة سابقة" in texts(await boss.press_data("bc:send"))  # no preview yet: a stale button
    await boss.send("تذكير لضباط الارتباط")
    assert "لم أتعرّف" in texts(await boss.press_data("bc:a:nobody"))
    assert "شخص واحد" in texts(await boss.press_data("bc:a:liaisons"))
    await boss.press("bc:send")
    await core.sender.flush()
    assert len(chat.transport.to("2001")) == 1 and chat.transport.to("3001") == []
    again = await boss.press_data("bc:send")  # pressing send twice queues nothing more
    assert again and len(await outbox_rows(core, "broadcast")) == 1


async def test_broadcast_in_quiet_hours_waits_until_morning(chat: ChatDriver, core: Core, clock: FakeClock) -> None:
    await person(core, "3001")
    clock.set(amman(2026, 12, 1, 22))
    boss = coordinator(chat)
    await boss.command("broadcast")
    await boss.send("رسالة مسائية")
    assert "09:00" in texts(await boss.press("bc:a:all"))
    await boss.press("bc:send")
    await core.sender.flush()
    assert chat.transport.to("3001") == []
    clock.set(amman(2026, 12, 2, 9))
    await core.sender.flush()
    assert len(chat.transport.to("3001")) == 1


async def test_broadcasts_and_reminder_changes_are_audited(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    boss = coordinator(chat)
    await boss.command("broadcast")
    await boss.send("اجتماع المتابعة يوم الأحد")
    await boss.press("bc:a:all")
    await boss.press("bc:send")
    await boss.command("reminders")
    await boss.press("rem:e:answer_officer_days")
    await boss.send("10")
    await boss.press("rem:e:answer_officer_days")
    await boss.press("rem:d")
    async with core.db.transaction() as conn:
        logged = [dict(r) for r in await conn.execute_fetchall("SELECT action, target, detail FROM audit_log")]
    actions = [row["action"] for row in logged]
    assert actions == ["broadcast.send", "reminders.change", "reminders.reset"]
    assert "اجتماع" not in str(logged)  # what was sent is not copied into the audit log
    assert logged[1]["target"] == "rule:answer_officer_days" and logged[1]["detail"] == "10"
