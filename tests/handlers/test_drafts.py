"""Nothing a person typed is swallowed: drafts parked by commands, labels typed as buttons, free text kept."""

from __future__ import annotations

from pathlib import Path

from bot.clock import FakeClock
from bot.core import Core
from storage import participants, recommendations
from storage.database import fetch_all
from storage.models import Recommendation
from tests.support import START, ChatDriver, RecordingTransport, make_core, settings_for, texts

DRAFT = "نشر تقارير دورية عن الشكاوى الواردة وطبيعتها في كل محافظة"


async def stored(core: Core) -> list[Recommendation]:
    async with core.db.transaction() as conn:
        rows = await fetch_all(conn, "SELECT id FROM participants ORDER BY id")
        return await recommendations.list_by_participant(conn, rows[0][0], limit=100) if rows else []


async def at_preview(chat: ChatDriver) -> None:
    await chat.register()
    await chat.command("recommend", "4")
    await chat.press("المحافظات البعيدة")
    preview = await chat.send(DRAFT)
    assert "راجع توصيتك" in texts(preview)


async def test_a_command_at_the_preview_parks_the_draft_and_text_after_it_replaces_nothing(
    chat: ChatDriver, core: Core
) -> None:
    await at_preview(chat)
    status = await chat.command("status")
    assert "حالة تنفيذ التزامات" in texts(status)
    thanks = await chat.send("شكراً جزيلاً")  # outside any flow now: not a recommendation, and no draft touched
    assert "العفو" in texts(thanks)
    offered = await chat.command("recommend")
    assert "لديك مسودة توصية لم تُرسل" in texts(offered) and DRAFT in texts(offered)
    resumed = await chat.press("↩️ متابعة المسودة")
    assert "راجع توصيتك" in texts(resumed) and DRAFT in texts(resumed)
    done = await chat.send("✅ إرسال")  # the button's label typed as text acts as the button
    assert "رقم الإيصال #1" in texts(done)
    [rec] = await stored(core)
    assert rec.text == DRAFT and rec.commitment_id == 4


async def test_after_a_restart_start_offers_the_draft_instead_of_welcome_back(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    core, transport = await make_core(settings, FakeClock(START))
    await at_preview(ChatDriver(core, transport))
    await core.close()

    core, transport = await make_core(settings, FakeClock(START))
    try:
        chat = ChatDriver(core, transport)
        start = await chat.command("start")
        assert "أهلاً بعودتك" not in texts(start)
        assert "لديك مسودة توصية لم تُرسل" in texts(start) and DRAFT in texts(start)
        await chat.press("🗑️ حذف المسودة")
        await chat.press("🗑️ نعم، احذفها")
        assert "أهلاً بعودتك" in texts(chat.history[-2:])
        assert await stored(core) == []
        async with core.db.transaction() as conn:
            [session] = await fetch_all(conn, "SELECT flow, data FROM sessions WHERE external_id = '1001'")
        assert session["flow"] is None and DRAFT not in session["data"]
    finally:
        await core.close()


async def test_the_menu_button_offers_the_draft_and_an_old_preview_button_brings_it_back(
    chat: ChatDriver, core: Core
) -> None:
    await at_preview(chat)
    preview = chat.last_with_choices
    menu = await chat.command("menu")
    assert "لديك مسودة توصية لم تُرسل" in texts(menu)
    await chat.press("🗑️ حذف المسودة")
    await chat.press("🗑️ نعم، احذفها")  # dropped: the menu comes next
    assert "ماذا تودّ أن تفعل الآن" in texts(chat.history[-1:])
    assert "رسالة سابقة" in texts(await chat.press_data("rec:ok"))
    assert await stored(core) == []

    await at_preview_again(chat)
    await chat.press_data("m:status")  # a menu button leaves the flow as a command does
    assert preview is not None
    chat.last_with_choices = preview
    done = await chat.press("✅ إرسال")  # the preview's own button, pressed on the older message
    assert "رقم الإيصال #1" in texts(done)
    assert [r.text for r in await stored(core)] == [DRAFT]


async def at_preview_again(chat: ChatDriver) -> None:
    await chat.command("recommend", "4")
    await chat.press("المحافظات البعيدة")
    await chat.send(DRAFT)


async def test_typed_labels_are_the_buttons_and_names_need_letters(chat: ChatDriver, core: Core) -> None:
    await chat.command("start")
    digits = await chat.send("12345")
    assert "الاسم يجب أن يكون" in texts(digits)
    await chat.send("هالة")
    await chat.send("لا امثل جهة")  # typed, without the hamza: the «لا أمثل جهة» button
    await chat.send("فرد")
    await chat.send("تخطي")  # «تخطّي» without the shadda
    done = await chat.send("أوافق")
    assert "تم تسجيلك بنجاح" in texts(done)
    async with core.db.transaction() as conn:
        person = await participants.find_by_identity(conn, "telegram", "1001")
    assert person is not None
    assert (person.name, person.organisation, person.sector, person.governorate) == ("هالة", None, "individual", None)


async def test_free_text_that_reads_like_a_recommendation_becomes_one(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    offer = await chat.send(DRAFT)
    assert "يبدو أن رسالتك توصية" in texts(offer) and DRAFT in texts(offer)
    await chat.press("4. ")
    preview = await chat.press("المحافظات البعيدة")  # the text was kept: straight to the preview
    assert "راجع توصيتك" in texts(preview) and DRAFT in texts(preview)
    await chat.press("rec:ok")
    [rec] = await stored(core)
    assert rec.text == DRAFT


async def test_a_newcomers_recommendation_waits_through_registration(core: Core, transport: RecordingTransport) -> None:
    newcomer = ChatDriver(core, transport, user="4242", name=None)
    first = await newcomer.send("أقترح أن تنشر الوزارة تقارير دورية عن سير تنفيذ الالتزامات")
    assert "احتفظنا بنصها" in texts(first) and "ما اسمك؟" in texts(first)
    await newcomer.send("سامر")
    await newcomer.press("reg:org")
    await newcomer.press("reg:sector:cso")
    await newcomer.press("reg:gov:-")
    registered = await newcomer.press("reg:consent:yes")
    assert "لديك مسودة توصية لم تُرسل" in texts(registered)
    asked = await newcomer.press("park:go")
    assert "على أي التزام هذه التوصية" in texts(asked)
    await newcomer.send("2")  # the commitment's number typed at a choice
    await newcomer.press("rec:t:0")
    done = await newcomer.press("rec:ok")
    assert "رقم الإيصال #1" in texts(done)
    [rec] = await stored(core)
    assert rec.text.startswith("أقترح أن تنشر الوزارة") and rec.commitment_id == 2


async def test_recommend_with_an_unknown_number_says_so(chat: ChatDriver) -> None:
    await chat.register()
    replies = await chat.command("recommend", "9")
    assert "لا يوجد في الخطة التزام رقم «9»؛ أرقام التزاماتها من 1 إلى 5." in texts(replies)
    assert "1. تعزيز التشاركية" in " ".join(chat.labels())


SECOND = "ومعها عدد الشكاوى التي عولجت خلال الشهر"
THIRD = "وأن تُنشر بصيغة بيانات مفتوحة"


async def test_texts_typed_at_the_preview_are_all_kept_and_can_be_added(chat: ChatDriver, core: Core) -> None:
    await at_preview(chat)
    await chat.send(SECOND)
    both = texts(await chat.send(THIRD))  # a second text adds to the first instead of replacing it
    assert SECOND in both and THIRD in both
    await chat.command("status")  # leave, then come back: every text is offered back
    offered = texts(await chat.command("start"))
    assert DRAFT in offered and SECOND in offered and THIRD in offered
    resumed = await chat.press("↩️ متابعة المسودة")
    assert SECOND in texts(resumed) and "إضافته إلى نص التوصية" in " ".join(chat.labels())
    await chat.press("➕ إضافته إلى نص التوصية")
    done = await chat.press("✅ إرسال")
    assert "رقم الإيصال #1" in texts(done)
    [rec] = await stored(core)
    assert rec.text == f"{DRAFT}\n{SECOND}\n{THIRD}"


async def test_dropping_a_parked_draft_asks_once(chat: ChatDriver, core: Core) -> None:
    await at_preview(chat)
    await chat.command("status")
    await chat.command("start")
    asked = texts(await chat.press("🗑️ حذف المسودة"))  # «2» typed by habit at a terminal
    assert "هل تحذف هذه المسودة نهائياً" in asked and DRAFT in asked
    await chat.press("↩️ متابعة المسودة")
    done = await chat.press("✅ إرسال")
    assert "رقم الإيصال #1" in texts(done)
    assert [r.text for r in await stored(core)] == [DRAFT]
