"""The recommendation flow through the dispatcher, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from bot.clock import FakeClock
from bot.core import Core
from storage import recommendations
from storage.database import fetch_all
from storage.models import Recommendation
from tests.support import ChatDriver, make_core, settings_for, texts


async def stored(core: Core) -> list[Recommendation]:
    async with core.db.transaction() as conn:
        participant = await fetch_all(conn, "SELECT id FROM participants")
        if not participant:
            return []
        return await recommendations.list_by_participant(conn, participant[0][0], limit=100)


async def test_full_recommendation_gets_a_receipt(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    await chat.command("recommend")
    await chat.press("1. تعزيز التشاركية")
    assert "الحصول على التمويل" in chat.labels()
    await chat.press("الحصول على التمويل")
    preview = await chat.send("أن تكون هناك مدد قابلة للتتبع عند تأخر الوزارات في الرد على طلبات التمويل")
    assert "راجع توصيتك" in texts(preview)
    done = await chat.press("rec:ok")
    assert "رقم الإيصال #1" in texts(done)
    [rec] = await stored(core)
    assert rec.text.startswith("أن تكون هناك مدد")
    assert rec.theme_id is not None and rec.state == "new" and rec.channel == "telegram"


async def test_commitment_without_themes_goes_straight_to_text(chat: ChatDriver) -> None:
    await chat.register()
    async with chat.core.db.transaction() as conn:
        await conn.execute("DELETE FROM themes WHERE commitment_id = 3")
    await chat.command("recommend")
    replies = await chat.press("rec:c:3")
    assert "اكتب توصيتك على الالتزام «تعزيز الحوار الوطني" in replies[0].text


async def test_text_limits_are_explained_and_nothing_is_stored(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    await chat.command("recommend", "٢")  # Arabic-Indic digit picks commitment 2
    await chat.press("حملة التوعية")
    short = await chat.send("قصيرة")
    assert "قصيرة جداً (5 أحرف، والحد الأدنى 10)" in short[0].text
    long = await chat.send("ك" * 2001)
    assert "(2001 حرف، والحد الأقصى 2000)" in long[0].text and "," not in long[0].text
    empty = await chat.send("\u200b\u202e  ")
    assert "لم تصلني أي كلمات" in empty[0].text
    assert await stored(core) == []


async def test_edit_then_confirm_stores_the_edited_text(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    await chat.command("recommend")
    await chat.press("rec:c:2")
    await chat.press("تصنيف البيانات")
    await chat.send("تحديث إجراءات وسياسة تصنيف البيانات")
    again = await chat.press("✏️ تعديل النص")
    assert "نصك الحالي" in again[0].text and again[0].replace
    await chat.send("التركيز على تصنيف البيانات وتحديث إجراءات وسياسة التصنيف")
    await chat.press("✅ إرسال")
    [rec] = await stored(core)
    assert rec.text == "التركيز على تصنيف البيانات وتحديث إجراءات وسياسة التصنيف"


async def test_text_typed_at_the_preview_replaces_nothing_until_asked(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    await chat.command("recommend", "4")
    await chat.press("المحافظات البعيدة")
    await chat.send("تطوير آلية تلقي الشكاوى")
    thanks = await chat.send("شكراً جزيلاً لكم")  # read as a thank-you, not as a new recommendation
    assert "هل تستبدل به نص التوصية" in texts(thanks) and "شكراً جزيلاً لكم" in texts(thanks)
    kept = await chat.press("✅ إرسال النص السابق")
    assert "رقم الإيصال #1" in texts(kept)
    await chat.command("recommend", "4")
    await chat.press("المحافظات البعيدة")
    await chat.send("تطوير آلية تلقي الشكاوى")
    offer = await chat.send("تطوير آلية تلقي الشكاوى في المحافظات البعيدة")
    assert "لن يضيع أي من النصين" in texts(offer)
    preview = await chat.press("🔁 استبدال النص بالجديد")
    assert "في المحافظات البعيدة" in preview[0].text and "راجع توصيتك" in preview[0].text
    short = await chat.send("تمام")
    assert "بانتظار قرارك" in texts(short)
    await chat.press("rec:ok")
    first, second = sorted(await stored(core), key=lambda r: r.id)
    assert first.text == "تطوير آلية تلقي الشكاوى"
    assert second.text.endswith("في المحافظات البعيدة")


async def test_cancel_mid_flow_stores_nothing(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    await chat.command("recommend")
    await chat.press("rec:c:1")
    await chat.press("الحوكمة")
    await chat.send("أي مؤسسة تقوم بتقديم طلب يجب أن تحصل على إشعار")
    replies = await chat.command("cancel")
    assert "تم الإلغاء" in replies[0].text
    assert await stored(core) == []
    again = await chat.press_data("rec:ok")
    assert "رسالة سابقة" in again[0].text
    assert await stored(core) == []


async def test_duplicate_event_changes_nothing(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    await chat.command("recommend")
    await chat.press("rec:c:5")
    await chat.press("rec:t:0")
    await chat.send("الالتزام بتطبيق البروتوكولات وتعميمها على مؤسسات الدولة")
    first = await chat.press("rec:ok", event_id="u:777")
    second = await chat.press_data("rec:ok", event_id="u:777")
    assert "رقم الإيصال" in first[0].text
    assert second == []
    assert len(await stored(core)) == 1


async def test_forged_and_stale_buttons_get_a_polite_note(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    forged = await chat.press_data("zz:9:9")
    assert "لم أتعرّف على هذا الزر" in forged[0].text
    stale = await chat.press_data("rec:c:1")
    assert "رسالة سابقة" in stale[0].text
    await chat.command("recommend")
    unknown = await chat.press_data("rec:c:99999")
    assert "لم أتعرّف" in unknown[0].text
    wrong_theme = await chat.press_data("rec:c:1")
    assert "محور" in wrong_theme[0].text
    assert "لم أتعرّف" in (await chat.press_data("rec:t:5"))[0].text  # theme 5 belongs to commitment 2
    assert await stored(core) == []


async def test_restart_mid_flow_resumes(tmp_path: Path, clock: FakeClock) -> None:
    settings = settings_for(tmp_path)
    core, transport = await make_core(settings, clock)
    chat = ChatDriver(core, transport)
    await chat.register()
    await chat.command("recommend")
    await chat.press("rec:c:2")
    await chat.press("البرنامج التدريبي للمؤسسات")
    await core.close()

    core2, transport2 = await make_core(settings, clock)
    try:
        chat2 = ChatDriver(core2, transport2)
        preview = await chat2.send("تطوير البرنامج التدريبي ليكون تفاعلياً أكثر")
        assert "راجع توصيتك" in preview[0].text
        done = await chat2.press("rec:ok")
        assert "رقم الإيصال #1" in done[0].text
        [rec] = await stored(core2)
        assert rec.commitment_id == 2
    finally:
        await core2.close()
