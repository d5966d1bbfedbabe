"""An officer may not answer their own recommendation: the answer must come from someone else."""

from __future__ import annotations

from bot.core import Core
from tests.loop_support import coordinator, officer, recommend, rows
from tests.support import RecordingTransport, texts

TEXT = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"


async def test_an_officer_cannot_answer_their_own_recommendation(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    own = await officer(core, transport, coord, "3003", number=2)
    receipt = await recommend(own, 2, TEXT)
    await own.command("inbox")
    await own.press(f"#{receipt}")
    refused = texts(await own.press("اعتُمدت"))
    assert f"التوصية #{receipt} توصيتك أنت، فلا يمكنك الرد عليها" in refused
    stored = await rows(core, "SELECT state, response, responded_by FROM recommendations WHERE id = ?", receipt)
    assert stored == [{"state": "new", "response": None, "responded_by": None}]
    assert await rows(core, "SELECT * FROM recommendation_answers") == []
    # A coordinator answers it as usual.
    await coord.command("inbox")
    await coord.press(f"#{receipt}")
    await coord.press("قيد الدراسة")
    await coord.press("تغيير الحالة دون رد مكتوب")
    await coord.press("حفظ وإرسال")
    stored = await rows(core, "SELECT state FROM recommendations WHERE id = ?", receipt)
    assert stored == [{"state": "under_study"}]


async def test_the_refusal_is_in_english_too(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    own = await officer(core, transport, coord, "3003", number=2)
    receipt = await recommend(own, 2, TEXT)
    await own.command("language")
    await own.press("lang:en")
    await own.command("inbox")
    await own.press(f"#{receipt}")
    refused = texts(await own.press("Under study"))
    assert f"Recommendation #{receipt} is your own, so you cannot answer it" in refused
    assert await rows(core, "SELECT * FROM recommendation_answers") == []
