"""Setting up a round refuses what does not fit and takes what the prompts tell the coordinator to type."""

from __future__ import annotations

from bot.core import Core
from tests.handlers.test_rounds import ROUND_NAME
from tests.loop_support import coordinator, rows
from tests.support import ChatDriver, RecordingTransport, texts


async def up_to_questions(coord: ChatDriver) -> None:
    await coord.command("round")
    await coord.press("rnd:new")
    await coord.send(ROUND_NAME)
    await coord.send("30/11/2026")
    await coord.send("15/11/2026")
    await coord.send("فندق جنيفا - عمّان")
    await coord.press("rnd:cdone")


async def test_a_day_its_month_does_not_have_is_named(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await coord.command("round")
    await coord.press("rnd:new")
    await coord.send(ROUND_NAME)
    said = texts(await coord.send("31/2/2026"))
    assert "لا يوجد يوم 31 في الشهر 2 من سنة 2026؛ فيه 28 يوماً فقط" in said and "لم أفهم التاريخ" not in said
    assert "لم أفهم التاريخ" in texts(await coord.send("غداً"))
    await coord.press_data("lang:en")
    english = texts(await coord.send("30/2/2026"))
    assert "There is no day 30 in month 2 of 2026; it has only 28 days" in english


async def test_yes_typed_at_a_past_date_keeps_it(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await coord.command("round")
    await coord.press("rnd:new")
    await coord.send(ROUND_NAME)
    asked = texts(await coord.send("1/10/2026"))
    assert "اختر «نعم»" in asked
    kept = texts(await coord.send("نعم"))
    assert "متى يُعلَن الجدول الزمني" in kept and "لم أفهم" not in kept


async def test_a_deadline_before_the_meeting_is_refused(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await up_to_questions(coord)
    await coord.press("rnd:qdef")
    refused = texts(await coord.send("29/11/2026"))
    assert "قبل موعد الجولة (30/11/2026)" in refused
    assert "راجع الجولة" in texts(await coord.send("3/12/2026"))


async def test_a_number_is_not_a_question_and_text_at_the_preview_is_answered(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    await up_to_questions(coord)
    refused = texts(await coord.send("1"))
    assert "كل سؤال يحتاج إلى كلمات" in refused and "اعتماد هذه الأسئلة" in " ".join(coord.labels())
    await coord.send("اعتماد هذه الأسئلة")  # the button's label typed
    await coord.send("3/12/2026")
    typed = await coord.send("غيّر المكان إلى الزرقاء")
    assert "لم يتغير شيء في الجولة" in texts(typed) and "راجع الجولة" in texts(typed)
    assert any("حفظ وفتح" in label for label in coord.labels())
    await coord.press("rnd:okopen")
    [found] = await rows(core, "SELECT id, place FROM rounds")
    assert found["place"] == "فندق جنيفا - عمّان"
    questions = await rows(core, "SELECT text_ar AS text FROM round_questions WHERE round_id = ?", found["id"])
    assert len(questions) == 5 and all(q["text"] != "1" for q in questions)


async def test_a_date_typed_at_the_short_notice_warning_is_the_new_announcement(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    await coord.command("round")
    await coord.press("rnd:new")
    await coord.send(ROUND_NAME)
    await coord.send("30/11/2026")
    warned = texts(await coord.send("29/11/2026"))
    assert "بعد يوم واحد فقط" in warned
    moved = texts(await coord.send("10/11/2026"))
    assert "أين تُعقد الجولة" in moved
    await coord.send("فندق جنيفا - عمّان")
    await coord.press("rnd:cdone")
    await coord.press("rnd:qdef")
    preview = texts(await coord.send("3/12/2026"))
    assert "10/11/2026" in preview


async def test_a_round_left_half_set_up_is_offered_back(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await up_to_questions(coord)
    await coord.command("status")
    offered = texts(await coord.command("start"))
    assert f"لديك جولة تشاور بدأت إعدادها ولم تحفظها: «{ROUND_NAME}»" in offered
    resumed = texts(await coord.press("↩️ متابعة المسودة"))
    assert "أسئلة النقاش" in resumed
    await coord.press("rnd:qdef")
    await coord.send("3/12/2026")
    await coord.press("rnd:ok")
    assert await rows(core, "SELECT name, place FROM rounds") == [{"name": ROUND_NAME, "place": "فندق جنيفا - عمّان"}]
