"""/reminders: coordinators see the rules and change them in the chat; nobody else can."""

from __future__ import annotations

from bot.core import Core
from bot.scheduler import remind_answers
from storage import reminders as rem
from storage.reminders import ReminderRules
from tests.support import ChatDriver, texts


async def stored_rules(core: Core) -> dict[str, str]:
    async with core.db.transaction() as conn, conn.execute("SELECT key, value FROM reminder_rules") as cursor:
        return {r["key"]: r["value"] for r in await cursor.fetchall()}


async def test_participant_cannot_see_or_change_rules(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    assert "متاح لمنسقي الخطة فقط" in texts(await chat.command("reminders"))
    assert "متاح لمنسقي الخطة فقط" in texts(await chat.press_data("rem:e:answer_officer_days"))
    await chat.send("3")
    assert await stored_rules(core) == {}


async def test_coordinator_sees_rules_and_next_progress_reminders(chat: ChatDriver) -> None:
    boss = ChatDriver(chat.core, chat.transport, user="9001", name="منسق")
    shown = texts(await boss.command("reminders"))
    assert "0 10 1-7 * sun" in shown and "21:00" in shown and "sun,mon,tue,wed,thu" in shown
    assert "6/12/2026 10:00" in shown and "3/1/2027 10:00" in shown  # first Sundays after 29/11/2026
    assert "وصلت 0" in shown


async def test_coordinator_changes_a_rule_and_the_jobs_follow_it(chat: ChatDriver, core: Core) -> None:
    boss = ChatDriver(chat.core, chat.transport, user="9001", name="منسق")
    await boss.command("reminders")
    assert "14" in texts(await boss.press("rem:e:answer_officer_days"))
    assert "لم أستطع" in texts(await boss.send("أسبوعين"))
    saved = texts(await boss.send("٧"))
    assert "= 7" in saved
    assert await stored_rules(core) == {"answer_officer_days": "7"}
    async with core.db.transaction() as conn:
        assert (await rem.load_rules(conn, ReminderRules())).answer_officer_days == 7
    await boss.press("rem:e:update_cron")
    assert "لم أستطع" in texts(await boss.send("every sunday"))
    await boss.send("off")
    assert "متوقف" in texts(boss.history[-1:])
    await boss.press("rem:e:answer_officer_days")
    assert "أُعيدت" in texts(await boss.press("rem:d"))
    assert await stored_rules(core) == {"update_cron": "off"}
    assert await core.scheduler.run_due(jobs=[remind_answers]) == 0


async def test_bad_stored_value_falls_back_to_default(core: Core) -> None:
    async with core.db.transaction() as conn:
        await rem.save_rule(conn, "quiet_start", "25:99", None, core.clock.now())
        assert (await rem.load_rules(conn, ReminderRules())).quiet_start == ReminderRules().quiet_start


async def test_a_numeric_day_of_week_is_refused_in_the_chat(chat: ChatDriver, core: Core) -> None:
    boss = ChatDriver(chat.core, chat.transport, user="9001", name="منسق")
    await boss.command("reminders")
    await boss.press("rem:e:update_cron")
    refused = texts(await boss.send("0 10 * * 0"))  # crontab's Sunday, APScheduler's Monday
    assert "لم أستطع" in refused and "sun" in refused and "لا برقمه" in refused
    assert await stored_rules(core) == {}
    await boss.send("0 10 * * sun")
    assert await stored_rules(core) == {"update_cron": "0 10 * * sun"}
