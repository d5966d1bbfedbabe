"""The core flows over the real Telegram channel: python-telegram-bot talking HTTP to the Bot API stand-in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.clock import FakeClock
from tests.e2e.telegram_harness import start_bot, telegram_bot, telegram_settings
from tests.standins.telegram import BotApiStandIn, SimulatedUser
from tests.support import START


async def register(user: SimulatedUser) -> None:
    await user.command("start")
    welcome, ask_name = await user.wait_messages(2)
    assert "أهلاً بك" in (welcome.text or "")
    assert ask_name.labels == ["استخدم «سلمى»"]
    await user.press("استخدم «سلمى»")
    await user.wait_messages(1)
    await user.send("جمعية الشفافية")
    await user.wait_messages(1)
    await user.press("مؤسسة مجتمع مدني")
    await user.wait_messages(1)
    await user.press("عمّان")
    await user.wait_messages(1)
    await user.press("✅ أوافق")
    [done] = await user.wait_messages(1)
    assert "تم تسجيلك بنجاح" in (done.text or "")


# The Bot API's method names as documented: Telegram matches them case-insensitively, a proxy or stand-in may not.
DOCUMENTED_METHODS = {
    "getMe", "getUpdates", "deleteWebhook", "setWebhook", "getWebhookInfo", "sendMessage", "editMessageText",
    "editMessageReplyMarkup", "deleteMessage", "answerCallbackQuery", "setMyCommands", "getMyCommands",
    "deleteMyCommands", "sendDocument", "sendPhoto", "sendChatAction", "logOut", "close",
}  # fmt: skip


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


async def test_registration_and_arabic_command_menu(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        commands = dict(api.commands())
        assert commands["recommend"] == "تقديم توصية على التزام"
        assert commands["group"] == "مجموعة عملي في جولة التشاور"
        user = api.user(1001, first_name="سلمى")
        await register(user)
        assert api.unanswered_callback_queries() == []
        people = rows(bot.core.settings.database, "SELECT name, organisation, sector, governorate FROM participants")
        assert people == [("سلمى", "جمعية الشفافية", "cso", "amman")]


async def test_full_recommendation_edits_the_menu_in_place(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        user = api.user(1001, first_name="سلمى")
        await register(user)
        await user.command("recommend")
        [choose] = await user.wait_messages(1)
        assert len(choose.labels) == 6
        before = len(user.chat)
        await user.press("2. تعزيز تطبيق سياسة البيانات الحكومية المفتوحة")
        [theme] = await user.wait_messages(1)
        assert theme.event == "edited" and theme.message_id == choose.message_id
        assert len(user.chat) == before + 0  # the callback edits; the user sent nothing new
        await user.press("حملة التوعية")
        await user.wait_messages(1)
        await user.send("إطلاق حملة توعوية تستهدف المواطنين والقطاع العام جنباً إلى جنب مع أنشطة المشروع")
        [preview] = await user.wait_messages(1)
        assert "راجع توصيتك" in (preview.text or "")
        await user.press("✅ إرسال")
        [receipt] = await user.wait_messages(1)
        assert "رقم الإيصال #1" in (receipt.text or "")
        assert api.unanswered_callback_queries() == []
        assert {method for method, _ in api.calls} <= DOCUMENTED_METHODS
        stored = rows(bot.core.settings.database, "SELECT commitment_id, theme_id, text, channel FROM recommendations")
        assert stored == [
            (2, 4, "إطلاق حملة توعوية تستهدف المواطنين والقطاع العام جنباً إلى جنب مع أنشطة المشروع", "telegram")
        ]
        await user.command("my")
        [mine] = await user.wait_messages(1)
        assert "لديك توصية واحدة" in (mine.text or "") and "جديدة" in (mine.text or "")
        await user.command("status", "2")
        [status] = await user.wait_messages(1)
        assert "وصلت توصية واحدة على هذا الالتزام." in (status.text or "")


async def test_cancel_mid_flow_and_over_long_text(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        user = api.user(1001, first_name="سلمى")
        await register(user)
        await user.command("recommend", "1")
        await user.wait_messages(1)
        await user.press("الحوكمة")
        await user.wait_messages(1)
        await user.send("ت" * 4096)
        [too_long] = await user.wait_messages(1)
        assert "أطول من المسموح (4096 حرفاً، والحد الأقصى 2000)" in (too_long.text or "")
        await user.command("cancel")
        [cancelled] = await user.wait_messages(1)
        assert "تم الإلغاء" in (cancelled.text or "")
        assert rows(bot.core.settings.database, "SELECT COUNT(*) FROM recommendations") == [(0,)]
        session = rows(bot.core.settings.database, "SELECT flow FROM sessions WHERE external_id = '1001'")
        assert session in ([], [(None,)])


async def test_duplicated_update_changes_nothing(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        user = api.user(1001, first_name="سلمى")
        await register(user)
        await user.command("recommend", "3")
        await user.wait_messages(1)
        await user.press("الالتزام بمخرجات الحوار")
        await user.wait_messages(1)
        await user.send("ضرورة التزام الحكومة المسبق بنتائج الحوار والدفاع عنها")
        await user.wait_messages(1)
        update_id = await user.press("✅ إرسال")
        await user.wait_messages(1)
        await api.wait_idle()
        sent_before = len([c for c in api.calls if c[0] in ("sendMessage", "editMessageText")])
        api.redeliver(update_id)
        await api.wait_idle()
        await bot.core.sender.flush()
        sent_after = len([c for c in api.calls if c[0] in ("sendMessage", "editMessageText")])
        assert sent_after == sent_before
        assert rows(bot.core.settings.database, "SELECT COUNT(*) FROM recommendations") == [(1,)]


async def test_forged_callback_data_gets_a_note_and_changes_nothing(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        user = api.user(1001, first_name="سلمى")
        await register(user)
        await user.press_data("rec:ok")
        [stale] = await user.wait_messages(1)
        assert "رسالة سابقة" in (stale.text or "")
        await user.press_data("'; DROP TABLE participants; --")
        [forged] = await user.wait_messages(1)
        assert "لم أتعرّف على هذا الزر" in (forged.text or "")
        await api.wait_idle()
        assert api.unanswered_callback_queries() == []
        assert rows(bot.core.settings.database, "SELECT COUNT(*) FROM recommendations") == [(0,)]
        assert rows(bot.core.settings.database, "SELECT COUNT(*) FROM participants") == [(1,)]


async def test_restart_mid_flow_resumes_where_it_stopped(tmp_path: Path) -> None:
    clock = FakeClock(START)
    async with BotApiStandIn(token="123456:TEST-token-for-the-stand-in-only") as api:
        settings = telegram_settings(tmp_path, api)
        bot = await start_bot(api, settings, clock)
        user = api.user(1001, first_name="سلمى")
        await register(user)
        await user.command("recommend", "4")
        await user.wait_messages(1)
        await user.press("المحافظات البعيدة")
        await user.wait_messages(1)
        await api.wait_idle()
        await bot.stop()

        await user.send("تطوير آلية تلقي الشكاوى في المحافظات البعيدة")  # arrives while the bot is down
        bot = await start_bot(api, settings, clock)
        try:
            [preview] = await user.wait_messages(1)
            assert "راجع توصيتك" in (preview.text or "")
            await user.press("✅ إرسال")
            [receipt] = await user.wait_messages(1)
            assert "رقم الإيصال #1" in (receipt.text or "")
            assert rows(settings.database, "SELECT commitment_id, text FROM recommendations") == [
                (4, "تطوير آلية تلقي الشكاوى في المحافظات البعيدة")
            ]
        finally:
            await bot.stop()


async def test_typed_labels_are_the_buttons_and_a_command_parks_the_draft(tmp_path: Path) -> None:
    """Over python-telegram-bot and the stand-in: a label typed as text acts as its button («لا أمثل جهة» is not
    stored as an organisation, «✅ إرسال» sends), and a command at the preview keeps the draft to offer it back."""
    async with telegram_bot(tmp_path) as (api, bot):
        user = api.user(1002, first_name="هالة")
        await user.command("start")
        await user.wait_messages(2)
        await user.send("هالة")
        await user.wait_messages(1)
        await user.send("لا أمثل جهة")  # typed, not pressed
        [sector] = await user.wait_messages(1)
        assert "نوع الجهة" in (sector.text or "")
        await user.send("فرد")
        await user.wait_messages(1)
        await user.send("تخطّي")
        await user.wait_messages(1)
        await user.send("✅ أوافق")
        await user.wait_messages(1)
        await user.command("recommend", "5")
        await user.wait_messages(1)
        await user.send("محور آخر")
        await user.wait_messages(1)
        await user.send("تعميم البروتوكولين على مؤسسات الدولة كافة")
        await user.wait_messages(1)
        await user.command("status")
        await user.wait_messages(1)
        await user.command("start")
        [offer] = await user.wait_messages(1)
        assert "لديك مسودة توصية لم تُرسل" in (offer.text or "") and "أهلاً بعودتك" not in (offer.text or "")
        await user.send("متابعة المسودة")
        [preview] = await user.wait_messages(1)
        assert "راجع توصيتك" in (preview.text or "")
        await user.send("✅ إرسال")
        [receipt] = await user.wait_messages(1)
        assert "رقم الإيصال #1" in (receipt.text or "")
        db = bot.core.settings.database
        assert rows(db, "SELECT name, organisation, sector, governorate FROM participants") == [
            ("هالة", None, "individual", None)
        ]
        assert rows(db, "SELECT commitment_id, theme_id, text FROM recommendations") == [
            (5, None, "تعميم البروتوكولين على مؤسسات الدولة كافة")
        ]
