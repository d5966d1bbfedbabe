"""/reminders: coordinators see the rules and change them in the chat; nobody else can."""

from __future__ import annotations

import re

from bot.core import Core
from bot.scheduler import remind_answers
from handlers.kit import reminder_rules
from handlers.kit.reminder_rules import ReminderRules
from storage import reminders as rem
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
    assert "أول أحد من كل شهر الساعة 10:00" in shown and "21:00" in shown
    assert "الأحد، الاثنين، الثلاثاء، الأربعاء، الخميس" in shown and "14 يوماً" in shown
    assert "6/12/2026 10:00" in shown and "3/1/2027 10:00" in shown  # first Sundays after 29/11/2026
    assert "وصلت 0" in shown
    assert not re.search(r"[a-z]{3},|\* sun|crontab|بالإنجليزية", shown)  # no cron, no English day names


async def test_coordinator_changes_a_rule_and_the_jobs_follow_it(chat: ChatDriver, core: Core) -> None:
    boss = ChatDriver(chat.core, chat.transport, user="9001", name="منسق")
    await boss.command("reminders")
    assert "14 يوماً" in texts(await boss.press("rem:e:answer_officer_days"))
    assert "لم أستطع" in texts(await boss.send("أسبوعين"))
    saved = texts(await boss.send("٧"))
    assert "= 7 أيام" in saved
    assert await stored_rules(core) == {"answer_officer_days": "7"}
    async with core.db.transaction() as conn:
        assert (await reminder_rules.load_rules(conn, ReminderRules())).answer_officer_days == 7
    await boss.press("rem:e:update_cron")
    assert "اختر من الأزرار" in texts(await boss.send("every sunday"))  # no cron to type any more
    await boss.press("⏸️ إيقاف التذكير")
    assert "متوقف" in texts(boss.history[-1:])
    await boss.press("rem:e:answer_officer_days")
    assert "أُعيدت" in texts(await boss.press("rem:d"))
    assert await stored_rules(core) == {"update_cron": "off"}
    assert await core.scheduler.run_due(jobs=[remind_answers]) == 0


async def test_schedules_and_working_days_are_chosen_in_arabic(chat: ChatDriver, core: Core) -> None:
    boss = ChatDriver(chat.core, chat.transport, user="9001", name="منسق")
    await boss.command("reminders")
    await boss.press("rem:e:update_cron")
    await boss.press("🗓️ مرة في الشهر (أول يوم محدد منه)")
    await boss.press("الاثنين")
    saved = texts(await boss.send("9:30"))
    assert "أول اثنين من كل شهر الساعة 09:30" in saved
    await boss.press("rem:e:update_cron")
    await boss.press("🔁 كل أسبوع")
    await boss.press("الخميس")
    assert "كل خميس الساعة 11:00" in texts(await boss.press("11:00"))
    await boss.press("rem:e:working_days")
    await boss.press("▫️ السبت")
    await boss.press("✅ الخميس")
    done = texts(await boss.press("rem:wdok"))
    assert "أيام العمل الرسمية = الأحد، الاثنين، الثلاثاء، الأربعاء، السبت" in done
    assert await stored_rules(core) == {"update_cron": "0 11 * * thu", "working_days": "sun,mon,tue,wed,sat"}
    async with core.db.transaction() as conn:
        rules = await reminder_rules.load_rules(conn, ReminderRules())
    assert rules.working_weekdays() == frozenset({5, 6, 0, 1, 2})  # datetime.weekday(): sat, sun, mon, tue, wed


async def test_bad_stored_value_falls_back_to_default(core: Core) -> None:
    async with core.db.transaction() as conn:
        await rem.save_rule(conn, "quiet_start", "25:99", None, core.clock.now())
        assert (await reminder_rules.load_rules(conn, ReminderRules())).quiet_start == ReminderRules().quiet_start


async def test_a_cron_line_typed_in_the_chat_is_not_taken(chat: ChatDriver, core: Core) -> None:
    """The chat offers the schedule as buttons: a crontab line, with a numeric day of week or any other, is not read
    (crontab counts day 0 as Sunday, APScheduler as Monday; the environment file refuses numeric days itself)."""
    boss = ChatDriver(chat.core, chat.transport, user="9001", name="منسق")
    await boss.command("reminders")
    await boss.press("rem:e:update_cron")
    refused = texts(await boss.send("0 10 * * 0"))
    assert "اختر من الأزرار" in refused and "متى يُرسل التذكير" in refused and "🔁 كل أسبوع" in boss.labels()
    assert await stored_rules(core) == {}
