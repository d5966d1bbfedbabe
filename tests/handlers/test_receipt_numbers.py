"""A receipt number names one recommendation for ever: never given again after an erasure."""

from __future__ import annotations

from bot.core import Core
from tests.loop_support import recommend, registered, rows
from tests.support import RecordingTransport, texts

FIRST = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع"
SECOND = "نقترح جدولاً زمنياً معلناً لكل مرحلة من مراحل الالتزام"


async def test_a_number_is_not_reused_after_forget_deleted_the_recommendations(
    core: Core, transport: RecordingTransport
) -> None:
    leaving = await registered(core, transport, "4101", "نوال")
    assert await recommend(leaving, 2, FIRST) == 1
    await leaving.command("forget")
    await leaving.press("prv:mode:delete")
    await leaving.press("prv:yes:delete")
    assert await rows(core, "SELECT id FROM recommendations") == []

    staying = await registered(core, transport, "4102", "سامر")
    await staying.command("recommend", "2")
    await staying.press("محور آخر")
    await staying.send(SECOND)
    stored = texts(await staying.press("rec:ok"))
    assert "#2" in stored and "#1" not in stored
    assert await rows(core, "SELECT id, text FROM recommendations") == [{"id": 2, "text": SECOND}]
