"""One meaning of "answered" (storage.answers): a reason whenever input is not taken up, and everyone counts alike."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FakeClock
from bot.core import Core
from bot.retention import apply_retention
from bot.scheduler import remind_answers
from storage import answers, evidence
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

REC_TEXT = "نقترح نشر تقارير دورية عن الشكاوى الواردة وطريقة معالجتها في كل محافظة"
REASON = "التقارير تُنشر حالياً سنوياً، ولا تسمح الموارد بنشرها شهرياً هذا العام"


async def _recommended(core: Core, transport: RecordingTransport) -> tuple[ChatDriver, ChatDriver, int]:
    """A coordinator, the officer of commitment 4 (chat 2001), and a recommendation on it by Salma (chat 1001)."""
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 4)
    author = await registered(core, transport, "1001", "سلمى")
    return coord, officer_chat, await recommend(author, 4, REC_TEXT)


async def test_not_adopted_needs_a_reason_and_the_author_gets_it_with_the_quote(
    core: Core, transport: RecordingTransport
) -> None:
    coord, officer_chat, receipt = await _recommended(core, transport)
    before = len(transport.to("1001"))
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    asked = await officer_chat.press("لم تُعتمد")
    assert "لا يُحفظ هذا القرار دون سبب مكتوب" in texts(asked)
    assert "تغيير الحالة دون رد مكتوب" not in officer_chat.labels()
    forged = await officer_chat.press_data(f"inbox:nr:{receipt}")  # the button a reason-less refusal would need
    assert "يحتاج إلى سبب مكتوب" in texts(forged)
    assert (await rows(core, "SELECT state FROM recommendations"))[0]["state"] == "new"
    preview = await officer_chat.send(REASON)
    assert "«" + REC_TEXT + "»" in texts(preview) and "الرد: " + REASON in texts(preview)
    assert transport.to("1001")[before:] == []
    await officer_chat.press("حفظ وإرسال")
    [told] = transport.to("1001")[before:]
    assert "لم تُعتمد" in told.text and REC_TEXT in told.text and REASON in told.text
    [rec] = await rows(core, "SELECT state, response, responded_at FROM recommendations")
    assert rec["state"] == "not_accepted" and rec["response"] == REASON and rec["responded_at"] is not None
    [entry] = await rows(
        core,
        "SELECT a.state, a.response, o.dedupe_key FROM recommendation_answers a JOIN outbox o ON o.id = a.outbox_id",
    )
    assert entry["state"] == "not_accepted" and entry["dedupe_key"].startswith(f"answer:{receipt}:")
    assert "التوصية الواردة لها رد" in texts(await officer_chat.command("inbox"))
    assert "نسبة الرد: 100%" in texts(await coord.command("stats"))


async def test_edit_before_sending_and_text_at_the_preview_changes_nothing(
    core: Core, transport: RecordingTransport
) -> None:
    _, officer_chat, receipt = await _recommended(core, transport)
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    await officer_chat.press("اعتُمدت جزئياً")
    await officer_chat.send("سبب أول غير دقيق")
    ignored = await officer_chat.send("كلام كُتب بالخطأ في المعاينة")
    assert "حفظ وإرسال" in texts(ignored)
    await officer_chat.press("تعديل الرد")
    preview = await officer_chat.send(REASON)
    assert REASON in texts(preview) and "سبب أول" not in texts(preview)
    await officer_chat.press("حفظ وإرسال")
    assert (await rows(core, "SELECT response FROM recommendations"))[0]["response"] == REASON


async def test_a_refusal_without_reason_from_an_older_version_is_waiting_and_flagged(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    """The issue's case: «غير مقبولة» without a written answer counted nowhere alike; now it waits everywhere."""
    coord, officer_chat, receipt = await _recommended(core, transport)
    async with core.db.transaction() as conn:  # what the old "change the state without a written response" stored
        await conn.execute("UPDATE recommendations SET state = 'not_accepted' WHERE id = ?", (receipt,))
    inbox = texts(await officer_chat.command("inbox"))
    assert "توصية واحدة بانتظار الرد" in inbox and "دون سبب مكتوب" in inbox
    stats = texts(await coord.command("stats"))
    assert "نسبة الرد: 0%" in stats and "توصية واحدة رُفضت كلياً أو جزئياً دون سبب مكتوب" in stats
    clock.advance(timedelta(days=15))
    assert await core.scheduler.run_due(jobs=[remind_answers]) >= 1
    await core.sender.flush()
    assert f"#{receipt}" in transport.to("2001")[-1].text  # the reminder treats it as waiting, like the inbox
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    await officer_chat.press("لم تُعتمد")
    await officer_chat.send(REASON)
    await officer_chat.press("حفظ وإرسال")
    assert "التوصية الواردة لها رد" in texts(await officer_chat.command("inbox"))
    assert "نسبة الرد: 100%" in texts(await coord.command("stats"))


async def test_under_study_acknowledges_but_does_not_answer(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    _, officer_chat, receipt = await _recommended(core, transport)
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    await officer_chat.press("قيد الدراسة")
    await officer_chat.press("تغيير الحالة دون رد مكتوب")
    await officer_chat.press("حفظ وإرسال")
    assert "قيد الدراسة" in transport.to("1001")[-1].text
    assert "توصية واحدة بانتظار الرد" in texts(await officer_chat.command("inbox"))
    [rec] = await rows(core, "SELECT state, responded_at FROM recommendations")
    assert rec == {"state": "under_study", "responded_at": None}
    clock.advance(timedelta(days=15))
    await core.scheduler.run_due(jobs=[remind_answers])
    await core.sender.flush()
    assert f"#{receipt}" in transport.to("2001")[-1].text


async def test_when_the_author_was_told_outlives_the_pruned_outbox(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    _, officer_chat, receipt = await _recommended(core, transport)
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    await officer_chat.press("لم تُعتمد")
    await officer_chat.send(REASON)
    await officer_chat.press("حفظ وإرسال")  # the notice goes out now (the driver flushes the sender)
    told = clock.now()
    clock.advance(timedelta(days=30))
    pruned = await apply_retention(core.db, now=clock.now(), days=730, keep=frozenset({"telegram:9001"}))
    assert pruned.outbox_pruned > 0
    assert await rows(core, "SELECT id FROM outbox WHERE dedupe_key LIKE 'answer:%'") == []
    async with core.db.transaction() as conn:
        [entry] = await answers.history(conn, receipt)
        [item] = [r async for r in evidence.responses(conn, told - timedelta(days=1), clock.now())]
        [step] = [h async for h in evidence.history(conn, told - timedelta(days=1), clock.now())]
    assert entry.told_at == told and item.told_at == told and step.told_at == told  # the evidence stays
