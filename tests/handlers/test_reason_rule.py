"""A reason is a reason: «نعم» is refused in the chat and, stored by an older version, counts as no reason anywhere."""

from __future__ import annotations

from datetime import timedelta

from bot.core import Core
from storage import answers, evidence, stats
from storage.models import RecommendationState
from tests.handlers.test_reasoned_response import REASON, _recommended
from tests.loop_support import rows
from tests.support import RecordingTransport, texts


async def test_a_bare_yes_is_not_a_reason_in_the_chat(core: Core, transport: RecordingTransport) -> None:
    _, officer_chat, receipt = await _recommended(core, transport)
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    await officer_chat.press("اعتُمدت جزئياً")
    refused = texts(await officer_chat.send("نعم"))
    assert "هذا الرد لا يذكر سبباً" in refused and "10 أحرف" in refused
    assert (await rows(core, "SELECT state, response FROM recommendations")) == [{"state": "new", "response": None}]
    await officer_chat.send(REASON)
    await officer_chat.press("حفظ وإرسال")
    assert (await rows(core, "SELECT state, response FROM recommendations")) == [
        {"state": "partly_accepted", "response": REASON}
    ]


async def test_a_stored_bare_yes_is_not_counted_as_a_reasoned_response(
    core: Core, transport: RecordingTransport
) -> None:
    _, _, receipt = await _recommended(core, transport)
    async with core.db.transaction() as conn:  # what an older version let an officer store
        await conn.execute(
            "UPDATE recommendations SET state = 'partly_accepted', response = 'نعم', responded_at = created_at "
            "WHERE id = ?",
            (receipt,),
        )
    assert not answers.answered(RecommendationState.PARTLY_ACCEPTED, "نعم")
    async with core.db.transaction() as conn:
        counted = await stats.answered_by_commitment(conn)
        since = core.clock.now() - timedelta(days=30)
        [response] = [r async for r in evidence.responses(conn, since, core.clock.now() + timedelta(days=1))]
    assert sum(a.answered for a in counted.values()) == 0 and sum(a.missing_reason for a in counted.values()) == 1
    assert not response.answered and response.missing_reason


async def test_an_answer_left_at_its_preview_is_offered_back(core: Core, transport: RecordingTransport) -> None:
    _, officer_chat, receipt = await _recommended(core, transport)
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    await officer_chat.press("اعتُمدت جزئياً")
    await officer_chat.send(REASON)
    await officer_chat.command("status")
    offered = texts(await officer_chat.command("start"))
    assert f"بدأت الرد على التوصية #{receipt}" in offered
    resumed = texts(await officer_chat.press("↩️ متابعة المسودة"))
    assert REASON in resumed and "حفظ وإرسال" in " ".join(officer_chat.labels())
    await officer_chat.press("حفظ وإرسال")
    assert (await rows(core, "SELECT state, response FROM recommendations")) == [
        {"state": "partly_accepted", "response": REASON}
    ]
