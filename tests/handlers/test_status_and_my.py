"""/status, /my, /help, the menu and the answers to the unexpected."""

from __future__ import annotations

from datetime import date, timedelta

from bot.clock import FakeClock
from bot.core import Core
from storage import catalogue
from storage.database import fetch_all
from storage.models import Completion
from tests.support import ChatDriver, RecordingTransport, texts


async def test_status_lists_every_commitment_with_a_bar(chat: ChatDriver, core: Core, clock: FakeClock) -> None:
    async with core.db.transaction() as conn:
        await catalogue.add_status_update(conn, 2, Completion.SUBSTANTIAL, 60, clock.now(), note="تدريب 40 مؤسسة")
    replies = await chat.command("status")
    text = replies[0].text
    assert "الخطة الوطنية الرابعة" in text
    assert "▰▰▰▰▰▰▱▱▱▱ 60% جوهري" in text
    assert text.count("0% لم يبدأ") == 4
    assert len(replies[0].choices) == 6 and replies[0].choices[-1].label == "🌐 English"  # the newcomer's offer


async def test_status_detail_shows_agency_dates_update_milestones_and_count(
    chat: ChatDriver, core: Core, clock: FakeClock
) -> None:
    async with core.db.transaction() as conn:
        await catalogue.add_milestone(conn, 4, "إطلاق نظام الشكاوى الموحد", None, date(2020, 6, 30), clock.now())
        await catalogue.add_status_update(
            conn, 4, Completion.LIMITED, 25, clock.now(), note="بدء العمل", evidence_url="https://example.org/e"
        )
    await chat.register()
    for text in ("تطوير آلية تلقي الشكاوى في المحافظات البعيدة", "إصدار تقارير دورية عن الشكاوى"):
        await chat.command("recommend", "4")
        await chat.press("rec:t:0")
        await chat.send(text)
        await chat.press("rec:ok")
    await chat.command("status")
    detail = await chat.press("4. توحيد")
    body = detail[0].text
    assert detail[0].replace
    assert "مكتب المنسق الحكومي لحقوق الإنسان" in body
    assert "من 1/9/2018 إلى 30/6/2020" in body
    assert "محدود" in body and "25%" in body and "بدء العمل" in body and "https://example.org/e" in body
    assert "إطلاق نظام الشكاوى الموحد — لم يبدأ، حتى 30/6/2020" in body
    assert "وصلت توصيتان على هذا الالتزام." in body
    back = await chat.press("📊 كل الالتزامات")
    assert "حالة تنفيذ التزامات" in back[0].text


async def test_status_by_number_with_arabic_digits(chat: ChatDriver) -> None:
    replies = await chat.command("status", "٥")
    assert "الالتزام 5: مأسسة إجراءات" in replies[0].text


async def test_my_lists_own_recommendations_paged(chat: ChatDriver, core: Core, clock: FakeClock) -> None:
    await chat.register()
    for n in range(7):
        clock.advance(timedelta(minutes=1))
        await chat.command("recommend", "1")
        await chat.press("rec:t:0")
        await chat.send(f"توصية رقم {n} حول فتح باب الحوار مع مؤسسات المجتمع المدني")
        await chat.press("rec:ok")
    async with core.db.transaction() as conn:
        await conn.execute("UPDATE recommendations SET state = 'accepted', response = 'سنعمل بها' WHERE id = 7")
    page1 = await chat.command("my")
    assert "لديك 7 توصيات (تُعرض 1–5)" in page1[0].text
    assert "#7 — الالتزام 1" in page1[0].text and "اعتُمدت" in page1[0].text and "سنعمل بها" in page1[0].text
    page2 = await chat.press("التالي ⬅️")
    assert "(تُعرض 6–7)" in page2[0].text and "#1 —" in page2[0].text


async def test_my_when_empty(chat: ChatDriver) -> None:
    await chat.register()
    replies = await chat.command("my")
    assert "لم تقدّم أي توصية بعد" in replies[0].text


async def test_help_keywords_unknown_command_free_text_and_non_text(chat: ChatDriver) -> None:
    assert "/recommend" in texts(await chat.command("help"))
    assert "حالة تنفيذ التزامات" in texts(await chat.send("حالة"))
    assert "هذا الأمر غير معروف" in texts(await chat.command("nonsense"))
    free = await chat.send("مرحبا")  # a greeting is greeted back, with the menu
    assert "أهلاً بك" in free[0].text and free[0].choices
    assert "لا أستطيع استخدام هذا هنا" in texts(await chat._do())
    assert "لا توجد عملية جارية" in texts(await chat.send("إلغاء"))


async def test_menu_buttons_run_commands(chat: ChatDriver) -> None:
    await chat.register()
    replies = await chat.press("m:status")
    assert "حالة تنفيذ التزامات" in replies[0].text
    assert "لم أتعرّف" in texts(await chat.press_data("m:nothing"))


async def test_help_lists_each_role_its_commands(core: Core, transport: RecordingTransport) -> None:
    participant = ChatDriver(core, transport, user="1001")
    await participant.register()
    text = texts(await participant.command("help"))
    assert "/follow" in text and "/group" in text
    assert "/inbox" not in text and "/broadcast" not in text
    coordinator = ChatDriver(core, transport, user="9001", name="منسقة")
    await coordinator.register()
    text = texts(await coordinator.command("help"))
    for command in ("/inbox", "/invite", "/round", "/broadcast", "/reminders", "/export", "/stats", "/report"):
        assert command in text
    async with core.db.transaction() as conn:
        rows = await fetch_all(conn, "SELECT COUNT(*) FROM participants")
    assert rows[0][0] == 2
